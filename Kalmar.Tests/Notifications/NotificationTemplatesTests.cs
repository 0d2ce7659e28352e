using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Contracts.Notifications;
using Kalmar.Grains.Notifications;

namespace Kalmar.Tests.Notifications;

public sealed class NotificationTemplatesTests
{
    private static readonly Guid OrderId = Guid.Parse("6a1f0b52-7a8d-4a55-9d0e-2b7e5f4c3d21");

    [Fact]
    public void RejectionEmailShowsReasonLinesAndTotalAndEncodesEveryValueInHtml()
    {
        var messages = Decide(approved: false, reason: "<script>alert(1)</script> & mer", decidedBy: "Anna <Admin>");

        var email = Assert.Single(messages);
        Assert.Equal(MessageChannel.Email, email.Channel);
        Assert.Equal("Orderbekräftelse", email.Subject);
        Assert.Contains("Anledning: <script>alert(1)</script> & mer", email.Body, StringComparison.Ordinal);
        Assert.Contains("- Enkel, Vuxen Kalmar – Nybro", email.Body, StringComparison.Ordinal);
        Assert.Contains($"Totalbelopp: {Money.ToKronor(12402)}", email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<Admin>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; mer", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<li>Enkel, Vuxen Kalmar – Nybro</li>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("124,02 kr", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void ApprovalGoesOutOnTheChannelsTheTravellerChose()
    {
        Assert.Equal([MessageChannel.Email, MessageChannel.Sms], Decide(notifySms: true).Select(message => message.Channel));
        Assert.Equal([MessageChannel.Sms], Decide(notifyEmail: false, notifySms: true).Select(message => message.Channel));
        Assert.Empty(Decide(notifyEmail: false, notifySms: true, mobile: null));

        var sms = Decide(notifyEmail: false, notifySms: true).Single();
        Assert.Equal("+46706555611", sms.To);
        Assert.Null(sms.Subject);
        Assert.Null(sms.HtmlBody);
        Assert.Contains("godkänd", sms.Body, StringComparison.Ordinal);
        Assert.Equal("Orderbekräftelse", Decide().Single().Subject);
    }

    [Fact]
    public void IdsFollowTheEventSoRebuildingAMessageGivesTheSameId()
    {
        Assert.Equal(Decide().Single().Id, Decide().Single().Id);
        Assert.Equal(MessageIds.For("order-decided", OrderId, "email"), Decide().Single().Id);
        Assert.NotEqual(Decide(notifySms: true)[0].Id, Decide(notifySms: true)[1].Id);

        var submitted = DateTimeOffset.UnixEpoch;
        Assert.Equal(
            NotificationTemplates.OrderWaiting(OrderId, "anna@example.se", "Emmy Nilsson", "Avdelning 21", 12402, "https://portal.example/admin").Id,
            NotificationTemplates.OrderWaiting(OrderId, " Anna@Example.se ", "Emmy Nilsson", "Avdelning 21", 12402, "https://portal.example/admin").Id);
        Assert.NotEqual(
            NotificationTemplates.OrderWaiting(OrderId, "anna@example.se", "Emmy Nilsson", "Avdelning 21", 12402, "https://portal.example/admin").Id,
            NotificationTemplates.OrderWaiting(OrderId, "dan@example.se", "Emmy Nilsson", "Avdelning 21", 12402, "https://portal.example/admin").Id);
        var reminder = NotificationTemplates.ApprovalReminder(OrderId, "dan@example.se", "Emmy Nilsson", "Avdelning 21", 12402, submitted, "https://portal.example/admin");
        var secondReminder = NotificationTemplates.ApprovalReminder(OrderId, "dan@example.se", "Emmy Nilsson", "Avdelning 21", 12402, submitted, "https://portal.example/admin", round: 2);
        var escalated = NotificationTemplates.ApprovalEscalated(OrderId, "dan@example.se", "Emmy Nilsson", "Avdelning 21", 12402, submitted, "https://portal.example/admin");
        Assert.Equal(3, new[] { reminder.Id, secondReminder.Id, escalated.Id }.Distinct().Count());
    }

    [Fact]
    public void AdminMessagesTellWhoOrderedWhatAndLinkToTheQueue()
    {
        var submitted = new DateTimeOffset(2026, 3, 2, 7, 5, 0, TimeSpan.Zero);
        var waiting = NotificationTemplates.OrderWaiting(OrderId, "dan@example.se", "Emmy Nilsson", "Avdelning 21", 12402, "https://portal.example/admin/attestering");
        var escalated = NotificationTemplates.ApprovalEscalated(OrderId, "anna@example.se", "Emmy Nilsson", "Avdelning 21", 12402, submitted, "https://portal.example/admin/attestering");

        Assert.Equal("En beställning väntar på ditt godkännande", waiting.Subject);
        Assert.Contains("Emmy Nilsson på Avdelning 21", waiting.Body, StringComparison.Ordinal);
        Assert.Contains("href=\"https://portal.example/admin/attestering\"", waiting.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("den 2 mars 2026 kl. 08:05", escalated.Body, StringComparison.Ordinal); // Stockholm time
        Assert.Equal("anna@example.se", escalated.To);
    }

    [Fact]
    public void BusinessTravelSmsCarriesTheInstructionsUserNameAndOneTimeCode()
    {
        var userId = Guid.NewGuid();
        var sms = NotificationTemplates.BusinessTravelGranted(userId, "+46706555611", "emmy-4711", "583920", 40000, "https://klt.example/app/", Guid.NewGuid());

        Assert.Equal(MessageChannel.Sms, sms.Channel);
        Assert.Contains("emmy-4711", sms.Body, StringComparison.Ordinal);
        Assert.Contains("583920", sms.Body, StringComparison.Ordinal);
        Assert.Contains(Money.ToKronor(40000), sms.Body, StringComparison.Ordinal);
        Assert.Contains("Lägg till Faktura via AllPay", sms.Body, StringComparison.Ordinal);
        Assert.Contains("(https://klt.example/app/)", sms.Body, StringComparison.Ordinal);
        Assert.NotEqual(sms.Id, NotificationTemplates.BusinessTravelGranted(userId, "+46706555611", "emmy-4711", "111111", 40000, "https://klt.example/app/", Guid.NewGuid()).Id);
    }

    [Fact]
    public void LinksMustBeHttp() =>
        Assert.Throws<ArgumentException>(() => NotificationTemplates.PasswordReset(Guid.NewGuid(), "emmy@example.se", "javascript:alert(1)", Guid.NewGuid()));

    [Fact]
    public void OrderLinesAreDescribedLikeTheOrderConfirmation()
    {
        var line = new TicketLine(
            Guid.NewGuid(), "j1", "Kalmar", "Nybro", DateTimeOffset.UnixEpoch, ["101", "131"], "enkel", "Enkel", "vuxen", "Vuxen",
            new Carrier(CarrierType.App, "+46706555611"), Vat.Breakdown(11700));

        Assert.Equal("Enkel, Vuxen Kalmar – Nybro, App +46706555611, 124,02 kr", NotificationTemplates.DescribeLines([line, line]).Split('\n')[1]);
    }

    private static IReadOnlyList<OutgoingMessage> Decide(
        bool approved = true, string? reason = null, string decidedBy = "Anna Andersson", bool notifyEmail = true, bool notifySms = false,
        string? mobile = "+46706555611") =>
        NotificationTemplates.OrderDecided(
            OrderId, "emmy@example.se", mobile, notifyEmail, notifySms, approved, reason, decidedBy, "Enkel, Vuxen Kalmar – Nybro\n", 12402);
}
