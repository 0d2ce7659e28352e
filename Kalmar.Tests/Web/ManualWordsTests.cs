using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kalmar.Contracts.Domain;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

/// <summary>The cart and the Orderbekräftelse in the manual's words: prices excl. VAT per line, the totals, and only the notices chosen.</summary>
[Collection(PortalCollection.Name)]
public sealed class ManualWordsTests(PortalFixture portal)
{
    [Fact]
    public async Task TheCartShowsEachLineExcludingVatThenSummaExklMomsMomsAndAttBetala()
    {
        var (traveller, api) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        var cart = await AddEnkelVuxenAsync(api);
        var line = cart.GetProperty("items")[0];
        using var browser = await CookieClientAsync(traveller.Email);

        var html = await browser.GetStringAsync("/biljetter/personalerbjudande");

        Assert.Contains($"<span class=\"amount\">{Money.ToKronor(line.GetProperty("priceExclVatOre").GetInt64())}</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<span class=\"amount\">{Money.ToKronor(line.GetProperty("totalOre").GetInt64())}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Summa exkl. moms</dt><dd>{Money.ToKronor(cart.GetProperty("subtotalOre").GetInt64())}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Moms</dt><dd>{Money.ToKronor(cart.GetProperty("vatOre").GetInt64())}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Att betala</dt><dd>{Money.ToKronor(cart.GetProperty("totalOre").GetInt64())}</dd>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, "En orderbekräftelse skickas till {email} när beställningen godkänns eller avslås.")]
    [InlineData(true, true, "En orderbekräftelse skickas till {email} och ett sms till 070-111 22 33 när beställningen godkänns eller avslås.")]
    [InlineData(false, true, "Ett sms skickas till 070-111 22 33 när beställningen godkänns eller avslås.")]
    [InlineData(false, false, "Du har valt att inte få e-post eller sms om dina beställningar")]
    public async Task TheOrderbekraftelsePromisesOnlyTheNoticesChosenInMinProfil(bool email, bool sms, string promise)
    {
        var (traveller, api) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/me");
        using var saved = await api.PutAsJsonAsync("/api/me", new
        {
            firstName = me.GetProperty("firstName").GetString(),
            lastName = me.GetProperty("lastName").GetString(),
            email = me.GetProperty("email").GetString(),
            mobile = me.GetProperty("mobile").GetString(),
            notify = new { email, sms },
        });
        saved.EnsureSuccessStatusCode();
        await AddEnkelVuxenAsync(api);
        using var checkout = await api.PostAsJsonAsync("/api/cart/checkout", new { idempotencyKey = Guid.NewGuid().ToString() });
        var orderId = (await checkout.ReadJsonAsync()).GetProperty("id").GetGuid();
        using var browser = await CookieClientAsync(traveller.Email);

        var html = await browser.GetStringAsync($"/biljetter/bestallning/{orderId}");

        var text = Regex.Replace(html, "<[^>]+>", "");
        text = Regex.Replace(text, @"\s+", " ");
        Assert.Contains(promise.Replace("{email}", traveller.Email, StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Equal(email, text.Contains("En orderbekräftelse skickas", StringComparison.Ordinal));
        Assert.Equal(sms, Regex.IsMatch(text, "sms (skickas )?till 070-111 22 33"));
    }

    private async Task<HttpClient> CookieClientAsync(string email)
    {
        await Terms.AcceptAsync(portal.WebA, email, Travellers.Password);
        var browser = portal.WebA.CreateClient();
        (await browser.PostLoginAsync(email, Travellers.Password)).Dispose();
        return browser;
    }

    private static async Task<JsonElement> AddEnkelVuxenAsync(HttpClient api)
    {
        var journeys = await api.GetFromJsonAsync<JsonElement>($"/api/journeys?from=740101001&to=740131001&date={Weekdays.NextMonday()}&time=08:00");
        using var added = await api.PostAsJsonAsync("/api/cart/items", new
        {
            journeyId = journeys[0].GetProperty("id").GetString(), productId = "enkel", categoryId = "vuxen", carrier = new { type = "app", number = "" },
        });
        added.EnsureSuccessStatusCode();
        return await added.ReadJsonAsync();
    }
}
