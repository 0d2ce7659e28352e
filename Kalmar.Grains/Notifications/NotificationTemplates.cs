using System.Globalization;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Contracts.Notifications;

namespace Kalmar.Grains.Notifications;

/// <summary>
/// The portal's e-mail and SMS, in Swedish. Each message's id comes from the event and the
/// recipient (<see cref="MessageIds"/>), so a grain may build and enqueue them again after a retry.
/// </summary>
public static class NotificationTemplates
{
    private const string SmsSender = "Kalmar länstrafik";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>
    /// The traveller's order confirmation when an admin decides: an e-mail and/or an SMS, as the
    /// traveller chose (an SMS only when a mobile number is known). <paramref name="linesSummary"/>
    /// has one order line per line of text (see <see cref="DescribeLines"/>). <paramref name="notices"/> tell of tickets
    /// that start later or earlier than chosen (an approval after the chosen start). The e-mail is the manual's
    /// "Orderbekräftelse", sent when the order is approved or rejected.
    /// </summary>
    public static IReadOnlyList<OutgoingMessage> OrderDecided(
        Guid orderId, string travellerEmail, string? travellerMobile, bool notifyEmail, bool notifySms,
        bool approved, string? reason, string decidedBy, string linesSummary, long totalOre, IReadOnlyList<string>? notices = null)
    {
        const string subject = "Orderbekräftelse";
        var messages = new List<OutgoingMessage>(2);
        var hasReason = !approved && !string.IsNullOrWhiteSpace(reason);
        notices ??= [];
        if (notifyEmail)
        {
            var email = new EmailComposer(subject)
                .Paragraph(approved
                    ? $"Din beställning har godkänts av {decidedBy}. Biljetten finns nu på den biljettbärare du valde (appen eller resekortet)."
                    : $"Din beställning har avslagits av {decidedBy}.");
            foreach (var notice in notices)
            {
                email.Paragraph(notice);
            }

            if (hasReason)
            {
                email.Fact("Anledning", reason!.Trim());
            }

            email.List(linesSummary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Fact("Totalbelopp", Money.ToKronor(totalOre));
            if (!approved)
            {
                email.Paragraph("Inget har debiterats. Har du frågor om beslutet, kontakta din administratör.");
            }

            messages.Add(email.ToMessage(MessageIds.For("order-decided", orderId, MessageChannelNames.Email), travellerEmail, subject));
        }

        if (notifySms && !string.IsNullOrWhiteSpace(travellerMobile))
        {
            var text = approved
                ? $"{SmsSender}: Din beställning ({Money.ToKronor(totalOre)}) är godkänd. Biljetten finns nu i appen eller på ditt resekort." + string.Concat(notices.Select(notice => $" {notice}"))
                : $"{SmsSender}: Din beställning ({Money.ToKronor(totalOre)}) har avslagits." + (hasReason ? $" Anledning: {reason!.Trim()}" : "");
            messages.Add(Sms(MessageIds.For("order-decided", orderId, MessageChannelNames.Sms), travellerMobile, text));
        }

        return messages;
    }

    /// <summary>To an admin in scope when an order arrives in the approval queue.</summary>
    public static OutgoingMessage OrderWaiting(
        Guid orderId, string adminEmail, string travellerName, string departmentName, long totalOre, string portalUrl)
    {
        const string subject = "En beställning väntar på ditt godkännande";
        return new EmailComposer(subject)
            .Paragraph($"{travellerName} på {departmentName} har beställt biljetter för {Money.ToKronor(totalOre)}. Beställningen väntar på att du godkänner eller avslår den.")
            .Link("Öppna godkännanden i Företagsportalen", portalUrl)
            .ToMessage(MessageIds.For("order-waiting", orderId, Recipient(adminEmail)), adminEmail, subject);
    }

    /// <summary>
    /// To an admin when an order has waited too long; <paramref name="round"/> counts the
    /// reminders about one order, so a second reminder is a new message and a retry of one is not.
    /// </summary>
    public static OutgoingMessage ApprovalReminder(
        Guid orderId, string adminEmail, string travellerName, string departmentName, long totalOre,
        DateTimeOffset submittedAt, string portalUrl, int round = 1)
    {
        const string subject = "Påminnelse: en beställning väntar på ditt godkännande";
        return new EmailComposer(subject)
            .Paragraph($"{travellerName} på {departmentName} beställde biljetter för {Money.ToKronor(totalOre)} {When(submittedAt)}. Beställningen väntar fortfarande på att du godkänner eller avslår den.")
            .Link("Öppna godkännanden i Företagsportalen", portalUrl)
            .ToMessage(MessageIds.For("approval-reminder", orderId, Recipient(adminEmail), round), adminEmail, subject);
    }

    /// <summary>To a company admin when no department admin has decided an order in time.</summary>
    public static OutgoingMessage ApprovalEscalated(
        Guid orderId, string companyAdminEmail, string travellerName, string departmentName, long totalOre,
        DateTimeOffset submittedAt, string portalUrl)
    {
        const string subject = "En beställning har väntat länge på godkännande";
        return new EmailComposer(subject)
            .Paragraph($"{travellerName} på {departmentName} beställde biljetter för {Money.ToKronor(totalOre)} {When(submittedAt)}, och ingen avdelningsadministratör har beslutat om beställningen ännu.")
            .Paragraph("Som företagsadministratör kan du godkänna eller avslå den.")
            .Link("Öppna godkännanden i Företagsportalen", portalUrl)
            .ToMessage(MessageIds.For("approval-escalated", orderId, Recipient(companyAdminEmail)), companyAdminEmail, subject);
    }

    /// <summary>The SMS that lets a traveller activate business travel in the app; one per grant.</summary>
    public static OutgoingMessage BusinessTravelGranted(
        Guid userId, string mobile, string username, string code, long monthlyLimitOre, string appUrl, Guid grantId) =>
        Sms(
            MessageIds.For("business-travel-granted", userId, grantId, MessageChannelNames.Sms),
            mobile,
            $"{SmsSender}: Du kan nu köpa tjänsteresor med faktura via AllPay, upp till {Money.ToKronor(monthlyLimitOre)} per månad. " +
            $"Öppna appen Kalmar länstrafik ({appUrl}) och verifiera dig med användarnamn {username} och engångskod {code}. " +
            "Välj sedan Mer > Betalmedel > Andra betalmedel > Lägg till Faktura via AllPay. Koden gäller i 72 timmar och kan bara användas en gång.");

    /// <summary>A password reset link; one message per reset token.</summary>
    public static OutgoingMessage PasswordReset(Guid userId, string email, string link, Guid tokenId)
    {
        const string subject = "Återställ ditt lösenord";
        return new EmailComposer(subject)
            .Paragraph("Vi har fått en begäran om att återställa lösenordet till ditt konto i Företagsportalen.")
            .Link("Välj ett nytt lösenord", link)
            .Paragraph("Länken fungerar en gång. Har du inte bett om ett nytt lösenord kan du bortse från det här meddelandet; ditt lösenord ändras inte.")
            .ToMessage(MessageIds.For("password-reset", userId, tokenId, MessageChannelNames.Email), email, subject);
    }

    /// <summary>To the address a user asked to change to: the single-use link that confirms it (the address changes only then).</summary>
    public static OutgoingMessage EmailChangeConfirmation(Guid userId, string newEmail, string link, Guid tokenId)
    {
        const string subject = "Bekräfta din nya e-postadress";
        return new EmailComposer(subject)
            .Paragraph("Du har bett att byta e-postadress för ditt konto i Företagsportalen till den här adressen.")
            .Link("Bekräfta e-postadressen", link)
            .Paragraph("Länken fungerar en gång och gäller i 24 timmar. Har du inte bett om bytet kan du bortse från det här meddelandet; ingenting ändras.")
            .ToMessage(MessageIds.For("email-change", userId, tokenId, MessageChannelNames.Email), newEmail, subject);
    }

    /// <summary>To the address in use: a change to another was asked for, so an account taken over does not go unnoticed.</summary>
    public static OutgoingMessage EmailChangeNotice(Guid userId, string oldEmail, string newEmail, Guid tokenId)
    {
        const string subject = "Byte av e-postadress begärt";
        return new EmailComposer(subject)
            .Paragraph($"Någon har bett att byta e-postadressen för ditt konto i Företagsportalen till {newEmail}. Adressen byts först när bytet bekräftas från den nya adressen.")
            .Paragraph("Var det inte du? Byt ditt lösenord i Min profil och kontakta din administratör.")
            .ToMessage(MessageIds.For("email-change-notice", userId, tokenId, MessageChannelNames.Email), oldEmail, subject);
    }

    /// <summary>An invitation to the portal: a single-use link where the new user sets a password.</summary>
    public static OutgoingMessage Invitation(Guid userId, string email, string firstName, string companyName, string link, Guid tokenId)
    {
        const string subject = "Välkommen till Företagsportalen";
        return new EmailComposer(subject)
            .Paragraph($"Hej {firstName}! {companyName} har lagt upp ett konto åt dig i Kalmar länstrafiks Företagsportalen, där du beställer och ser dina biljetter.")
            .Link("Välj ditt lösenord", link)
            .Paragraph("Länken fungerar en gång och gäller i 72 timmar. Har den slutat gälla ber du din administratör skicka en ny inbjudan.")
            .ToMessage(MessageIds.For("invitation", userId, tokenId, MessageChannelNames.Email), email, subject);
    }

    /// <summary>The traveller's notice that a pending order was withdrawn, and why.</summary>
    public static OutgoingMessage OrderWithdrawn(Guid orderId, string travellerEmail, string reason, string linesSummary)
    {
        const string subject = "Din beställning har dragits tillbaka";
        return new EmailComposer(subject)
            .Paragraph("Din beställning har dragits tillbaka och kommer inte att attesteras.")
            .Fact("Anledning", reason)
            .Paragraph(linesSummary)
            .ToMessage(MessageIds.For("order-withdrawn", orderId, MessageChannelNames.Email), Recipient(travellerEmail), subject);
    }

    /// <summary>The company's invoice of a closed month, to its invoice address (once: the id is the invoice's).</summary>
    public static OutgoingMessage InvoiceIssued(Invoices.ClosedInvoice invoice, string companyName, string invoiceEmail)
    {
        var subject = $"Faktura {invoice.Number} från {InvoiceSeller.Name}";
        return new EmailComposer(subject)
            .Paragraph($"Här är fakturan till {companyName} för resor i {Stockholm.MonthName(invoice.Month)}: personalerbjudanden och tjänsteresor med Faktura via AllPay. Fakturan med alla rader finns som PDF och CSV under Fakturor i Företagsportalen.")
            .Fact("Fakturanummer", invoice.Number)
            .Fact("Fakturadatum", invoice.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Fact("Att betala", Money.ToKronor(invoice.TotalOre))
            .Fact("Varav moms 6 %", Money.ToKronor(invoice.VatOre))
            .Fact("Förfallodag", invoice.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Fact("OCR-nummer", invoice.Ocr)
            .ToMessage(MessageIds.For("invoice-issued", invoice.Id, MessageChannelNames.Email), Recipient(invoiceEmail), subject);
    }

    /// <summary>Order lines as <see cref="OrderDecided"/> takes them, like the order confirmation: <c>Enkel, Vuxen Kalmar – Nybro, App +46…, 124,02 kr</c>.</summary>
    public static string DescribeLines(IEnumerable<TicketLine> lines) =>
        string.Join('\n', lines.Select(line =>
            $"{line.ProductName}, {line.CategoryName} {line.FromName} – {line.ToName}, " +
            $"{(line.Carrier.Type == CarrierType.App ? "App" : "Resekort")} {line.Carrier.Number}, {Money.ToKronor(line.Price.TotalOre)}" +
            (line.Start is null ? "" : $", {TicketStart.Describe(line.Start)}")));

    private static OutgoingMessage Sms(Guid id, string mobile, string text) =>
        new(id, MessageChannel.Sms, mobile.Trim(), null, text, null);

    /// <summary>One admin is one recipient however the address is typed.</summary>
    private static string Recipient(string email) => email.Trim().ToLowerInvariant();

    private static string When(DateTimeOffset at) =>
        Stockholm.ToLocal(at).ToString("'den' d MMMM yyyy 'kl.' HH:mm", Swedish);
}
