using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

/// <summary>A traveller with hundreds of tickets: grouped (aktiva, kommande, spärrade) and paged by the server.</summary>
[Collection(PortalCollection.Name)]
public sealed class TicketGroupsApiTests(PortalFixture portal)
{
    [Fact]
    public async Task ThreeHundredTicketsAreCountedPerGroupWithTheCurrentOnesFirst()
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        var now = DateTimeOffset.UtcNow;
        var active = await TicketRows.InsertAsync(portal.Cluster, traveller.Id, 120, now.AddHours(-2), now.AddDays(2));
        var upcoming = await TicketRows.InsertAsync(portal.Cluster, traveller.Id, 100, now.AddDays(3), now.AddDays(33));
        await TicketRows.InsertAsync(portal.Cluster, traveller.Id, 50, now.AddHours(-1), now.AddDays(5), status: "blocked");
        await TicketRows.InsertAsync(portal.Cluster, traveller.Id, 20, now.AddDays(-3), now.AddDays(-2));
        await TicketRows.InsertAsync(portal.Cluster, traveller.Id, 10, now.AddDays(1), now.AddDays(2), status: "recalled");

        var groups = (await client.GetFromJsonAsync<JsonElement>("/api/me/tickets/groups")).EnumerateArray().ToList();

        Assert.Equal(["active", "upcoming", "blocked"], groups.Select(group => group.GetProperty("group").GetString()));
        Assert.Equal([120, 100, 50], groups.Select(group => group.GetProperty("total").GetInt32()));
        Assert.All(groups, group => Assert.Equal(3, group.GetProperty("items").GetArrayLength()));
        Assert.Equal(active.Take(3), Ids(groups[0]));
        Assert.Equal(upcoming.Take(3), Ids(groups[1]));
        Assert.All(groups[2].GetProperty("items").EnumerateArray(), ticket => Assert.Equal("blocked", ticket.GetProperty("status").GetString()));
        Assert.Equal(270, (await client.GetFromJsonAsync<JsonElement>("/api/me/tickets")).GetArrayLength());
    }

    [Fact]
    public async Task AGroupIsPagedInOrderWithItsTotal()
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        var now = DateTimeOffset.UtcNow;
        var upcoming = await TicketRows.InsertAsync(portal.Cluster, traveller.Id, 300, now.AddDays(1), now.AddDays(31));

        var pages = new List<Guid>();
        for (var page = 1; page <= 4; page++)
        {
            var shown = await client.GetFromJsonAsync<JsonElement>($"/api/me/tickets?group=upcoming&page={page}&pageSize=100");
            Assert.Equal(300, shown.GetProperty("total").GetInt32());
            Assert.Equal(page, shown.GetProperty("page").GetInt32());
            pages.AddRange(Ids(shown));
        }

        Assert.Equal(upcoming, pages);
        var firstPage = await client.GetFromJsonAsync<JsonElement>("/api/me/tickets?group=upcoming");
        Assert.Equal(20, firstPage.GetProperty("pageSize").GetInt32());
        Assert.Equal(upcoming.Take(20), Ids(firstPage));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/me/tickets?group=active")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TheAppsCarrierFilterCountsOnlyItsTickets()
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        var now = DateTimeOffset.UtcNow;
        await TicketRows.InsertAsync(portal.Cluster, traveller.Id, 7, now.AddHours(-1), now.AddDays(1));
        await TicketRows.InsertAsync(portal.Cluster, traveller.Id, 5, now.AddHours(-1), now.AddDays(1), carrier: "card");

        var onApp = (await client.GetFromJsonAsync<JsonElement>("/api/me/tickets/groups?carrier=app&take=10"))[0];
        var onCard = await client.GetFromJsonAsync<JsonElement>("/api/me/tickets?group=active&carrier=card");

        Assert.Equal(7, onApp.GetProperty("total").GetInt32());
        Assert.All(onApp.GetProperty("items").EnumerateArray(), ticket => Assert.Equal("app", ticket.GetProperty("carrier").GetProperty("type").GetString()));
        Assert.Equal(5, onCard.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/me/tickets?group=alla", "group")]
    [InlineData("/api/me/tickets?group=active&carrier=buss", "carrier")]
    [InlineData("/api/me/tickets/groups?carrier=buss", "carrier")]
    public async Task AnUnknownGroupOrCarrierIsAValidationProblem(string url, string field)
    {
        var (_, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task AnotherTravellersTicketsAreNeverCounted()
    {
        var (owner, _) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        await TicketRows.InsertAsync(portal.Cluster, owner.Id, 4, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        var (_, stranger) = await Travellers.SignedInAsync(portal.Cluster, portal.WebB);

        var groups = await stranger.GetFromJsonAsync<JsonElement>("/api/me/tickets/groups");

        Assert.All(groups.EnumerateArray(), group => Assert.Equal(0, group.GetProperty("total").GetInt32()));
    }

    private static IEnumerable<Guid> Ids(JsonElement group) =>
        group.GetProperty("items").EnumerateArray().Select(ticket => ticket.GetProperty("id").GetGuid());
}
