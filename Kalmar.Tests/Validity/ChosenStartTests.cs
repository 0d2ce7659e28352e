using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Validity;

/// <summary>
/// A staff-offer ticket is valid from the start the traveller chose in the cart (a departure, or a day), on the fake
/// business clock: approved early it waits for that start, approved late it starts at the approval and says so.
/// </summary>
[Collection(ValidityCollection.Name)]
public sealed class ChosenStartTests(ValidityFixture fixture)
{
    [Fact]
    public async Task EnkelForA1700DepartureApprovedAt0800IsValidFrom1700To1830()
    {
        var day = MoveToTomorrowAt(7, 0);
        var (_, client) = await Travellers.SignedInAsync(fixture.Cluster, fixture.Web);
        var order = await OrderAsync(client, "enkel", $"{Iso(day)}T17:00");
        Assert.Equal(Local(day, 17, 0), order.GetProperty("lines")[0].GetProperty("startsAt").GetDateTimeOffset());

        fixture.Clock.SetUtcNow(Local(day, 8, 0));
        await ApproveAsync(order);

        var ticket = await TicketAsync(client, order);
        Assert.Equal(Local(day, 17, 0), ticket.GetProperty("validFrom").GetDateTimeOffset());
        Assert.Equal(Local(day, 18, 30), ticket.GetProperty("validTo").GetDateTimeOffset());
        Assert.Equal(Local(day, 8, 0), ticket.GetProperty("registeredAt").GetDateTimeOffset());
        var decided = await client.GetFromJsonAsync<JsonElement>($"/api/orders/{order.GetProperty("id").GetGuid()}");
        Assert.Empty(decided.GetProperty("notices").EnumerateArray());
    }

    [Fact]
    public async Task ThirtyDagarStartingInAWeekIsShownWithItsStartdagAndValidFromThatDaysMidnightAsUpcoming()
    {
        var today = MoveToTomorrowAt(10, 0);
        var start = today.AddDays(7);
        var (traveller, client) = await Travellers.SignedInAsync(fixture.Cluster, fixture.Web);
        var order = await OrderAsync(client, "30d", Iso(start));
        using var anna = await CookieClientAsync(Demo.Anna, Demo.AdminPassword);
        using var own = await CookieClientAsync(traveller.Email, Travellers.Password);
        Assert.Contains($"Startdag {Iso(start)}", await anna.GetStringAsync("/admin/attestering"), StringComparison.Ordinal);
        Assert.Contains($"Startdag {Iso(start)}", await own.GetStringAsync("/biljetter/bestallningar"), StringComparison.Ordinal);

        await ApproveAsync(order);

        var ticket = await TicketAsync(client, order);
        Assert.Equal(Stockholm.StartOfDay(start), ticket.GetProperty("validFrom").GetDateTimeOffset());
        Assert.Equal(Stockholm.StartOfDay(start.AddDays(30)), ticket.GetProperty("validTo").GetDateTimeOffset());
        var upcoming = await client.GetFromJsonAsync<JsonElement>("/api/me/tickets?group=upcoming");
        Assert.Equal(ticket.GetProperty("id").GetGuid(), Assert.Single(upcoming.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/me/tickets?group=active")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ThirtyDagarAcrossAChangeOfSummerTimeEndsAtLocalMidnightThirtyDaysOn()
    {
        var change = NextClockChange(Stockholm.DateOf(fixture.Clock.GetUtcNow()).AddDays(10));
        var start = change.AddDays(-8);
        fixture.Clock.SetUtcNow(Stockholm.StartOfDay(start.AddDays(-1)).AddHours(9));
        var (_, client) = await Travellers.SignedInAsync(fixture.Cluster, fixture.Web);
        var order = await OrderAsync(client, "30d", Iso(start));

        await ApproveAsync(order);

        var ticket = await TicketAsync(client, order);
        var validFrom = Stockholm.ToLocal(ticket.GetProperty("validFrom").GetDateTimeOffset());
        var validTo = Stockholm.ToLocal(ticket.GetProperty("validTo").GetDateTimeOffset());
        Assert.Equal(start.ToDateTime(TimeOnly.MinValue), validFrom.DateTime);
        Assert.Equal(start.AddDays(30).ToDateTime(TimeOnly.MinValue), validTo.DateTime);
        Assert.NotEqual(validFrom.Offset, validTo.Offset);
        Assert.NotEqual(TimeSpan.FromDays(30), validTo - validFrom);
    }

    [Theory]
    [InlineData("30d", -1, null)]
    [InlineData("30d", 31, null)]
    [InlineData("365d", 45, null)]
    [InlineData("enkel", 0, "06:00")]
    [InlineData("enkel", 31, "08:00")]
    [InlineData("24h", 0, null)]
    [InlineData("enkel", 1, "25:99")]
    public async Task AStartInThePastOrMoreThanThirtyDaysAheadIsRefusedInSwedishAndTheCartStaysEmpty(string productId, int daysAhead, string? time)
    {
        var today = MoveToTomorrowAt(7, 0);
        var startsAt = Iso(today.AddDays(daysAhead)) + (time is null ? "" : $"T{time}");
        var (_, client) = await Travellers.SignedInAsync(fixture.Cluster, fixture.Web);

        using var response = await AddAsync(client, productId, startsAt);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("validation", problem.GetProperty("type").GetString());
        var message = problem.GetProperty("errors").GetProperty("startsAt")[0].GetString()!;
        Assert.Matches("^(Startdagen|Välj|Avgången|Ange|Enkelbiljett|24-timmarsbiljett) ", message);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/cart")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task WithoutAChosenStartTheTicketIsValidFromTheApproval()
    {
        var day = MoveToTomorrowAt(7, 0);
        var (_, client) = await Travellers.SignedInAsync(fixture.Cluster, fixture.Web);
        var order = await OrderAsync(client, "24h", startsAt: null);
        Assert.Equal(JsonValueKind.Null, order.GetProperty("lines")[0].GetProperty("startsAt").ValueKind);

        fixture.Clock.SetUtcNow(Local(day, 9, 15));
        await ApproveAsync(order);

        var ticket = await TicketAsync(client, order);
        Assert.Equal(Local(day, 9, 15), ticket.GetProperty("validFrom").GetDateTimeOffset());
        Assert.Equal(Local(day, 9, 15).AddHours(24), ticket.GetProperty("validTo").GetDateTimeOffset());
    }

    [Fact]
    public async Task AnApprovalAfterTheChosenStartIssuesFromTheApprovalAndTellsTheTraveller()
    {
        var day = MoveToTomorrowAt(6, 0);
        var (traveller, client) = await Travellers.SignedInAsync(fixture.Cluster, fixture.Web);
        var order = await OrderAsync(client, "enkel", $"{Iso(day)}T07:00");
        fixture.Clock.SetUtcNow(Local(day, 8, 12));

        var email = await OutboxReader.AfterAsync(fixture.Cluster, traveller.Email, () => ApproveAsync(order));

        var ticket = await TicketAsync(client, order);
        Assert.Equal(Local(day, 8, 12), ticket.GetProperty("validFrom").GetDateTimeOffset());
        Assert.Equal(Local(day, 9, 42), ticket.GetProperty("validTo").GetDateTimeOffset());
        var notice = $"Biljetten gäller från godkännandet, {Iso(day)} 08:12, eftersom den valda starttiden hade passerat.";
        Assert.Equal("Orderbekräftelse", email.Subject);
        Assert.Contains(notice, email.Body, StringComparison.Ordinal);
        using var browser = await CookieClientAsync(traveller.Email, Travellers.Password);
        var page = await browser.GetStringAsync($"/biljetter/bestallning/{order.GetProperty("id").GetGuid()}");
        Assert.Contains(notice, page, StringComparison.Ordinal);
        Assert.Contains($"Gäller från {Iso(day)} 07:00", page, StringComparison.Ordinal);
        var decided = await client.GetFromJsonAsync<JsonElement>($"/api/orders/{order.GetProperty("id").GetGuid()}");
        Assert.Equal($"Enkelbiljett, Vuxen: {notice}", Assert.Single(decided.GetProperty("notices").EnumerateArray()).GetString());
    }

    /// <summary>A browser's client: signed in with the cookie, the terms accepted.</summary>
    private async Task<HttpClient> CookieClientAsync(string email, string password)
    {
        await Terms.AcceptAsync(fixture.Web, email, password);
        var browser = fixture.Web.CreateClient();
        (await browser.PostLoginAsync(email, password)).Dispose();
        return browser;
    }

    /// <summary>Moves the business clock forward to <paramref name="hour"/>:<paramref name="minute"/> Stockholm time on the next day, and answers that day.</summary>
    private DateOnly MoveToTomorrowAt(int hour, int minute)
    {
        var day = Stockholm.DateOf(fixture.Clock.GetUtcNow()).AddDays(1);
        fixture.Clock.SetUtcNow(Local(day, hour, minute));
        return day;
    }

    /// <summary>The first day from <paramref name="from"/> on whose night the clocks change (to or from summer time).</summary>
    private static DateOnly NextClockChange(DateOnly from)
    {
        var day = from;
        while (Stockholm.StartOfDay(day).Offset == Stockholm.StartOfDay(day.AddDays(1)).Offset)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateTimeOffset Local(DateOnly day, int hour, int minute)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Stockholm.TimeZone.GetUtcOffset(local));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> AddAsync(HttpClient client, string productId, string? startsAt)
    {
        var date = Iso(Stockholm.DateOf(fixture.Clock.GetUtcNow()));
        var journeys = await client.GetFromJsonAsync<JsonElement>($"/api/journeys?from=740101001&to=740131001&date={date}&time=06:00");
        var journeyId = journeys[0].GetProperty("id").GetString();
        return await client.PostAsJsonAsync("/api/cart/items", new { journeyId, productId, categoryId = "vuxen", carrier = new { type = "app", number = "" }, startsAt });
    }

    private async Task<JsonElement> OrderAsync(HttpClient client, string productId, string? startsAt)
    {
        using var added = await AddAsync(client, productId, startsAt);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        using var checkout = await client.PostAsJsonAsync("/api/cart/checkout", new { idempotencyKey = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        return await checkout.ReadJsonAsync();
    }

    private async Task ApproveAsync(JsonElement order)
    {
        var decided = await fixture.Cluster.Client.GetGrain<IOrderGrain>(order.GetProperty("id").GetGuid())
            .DecideAsync(new OrderDecision(true, DemoAccounts.Anna, "Anna Andersson", null));
        Assert.Null(decided.Rejection);
    }

    private static async Task<JsonElement> TicketAsync(HttpClient client, JsonElement order)
    {
        var ticketId = order.GetProperty("lines")[0].GetProperty("id").GetGuid();
        var tickets = await client.GetFromJsonAsync<JsonElement>("/api/me/tickets");
        return tickets.EnumerateArray().Single(ticket => ticket.GetProperty("id").GetGuid() == ticketId);
    }
}
