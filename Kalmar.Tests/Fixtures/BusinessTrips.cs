using System.Net.Http.Json;

namespace Kalmar.Tests.Fixtures;

/// <summary>Business travel through the public API, step by step: an admin grants, the SMS's code activates the app, it buys.</summary>
public static class BusinessTrips
{
    public const long MonthlyLimitOre = 40000;

    public static Task<HttpResponseMessage> PutGrantAsync(this HttpClient admin, Guid travellerId, bool enabled, long monthlyLimitOre) =>
        admin.PutAsJsonAsync($"/api/admin/travellers/{travellerId}/business-travel", new { enabled, monthlyLimitOre });

    /// <summary>Grants business travel (or with <paramref name="enabled"/> false revokes it) and checks that it was done.</summary>
    public static async Task GrantAsync(this HttpClient admin, Guid travellerId, long monthlyLimitOre = MonthlyLimitOre, bool enabled = true)
    {
        using var response = await admin.PutGrantAsync(travellerId, enabled, monthlyLimitOre);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Grants business travel as <paramref name="admin"/>; returns the user name and code of the SMS it sent.</summary>
    public static async Task<(string Username, string Code)> GrantForActivationAsync(
        this KalmarCluster cluster, HttpClient admin, Guid travellerId, long monthlyLimitOre = MonthlyLimitOre)
    {
        await admin.GrantAsync(travellerId, monthlyLimitOre);
        return await OutboxReader.NewestActivationAsync(cluster, Travellers.Mobile);
    }

    public static Task<HttpResponseMessage> ActivateAsync(this HttpClient app, string username, string code) =>
        app.PostAsJsonAsync("/api/app/activate", new { username, code });

    /// <summary>Grants business travel as <paramref name="admin"/>, then activates the app with the SMS's code; returns the app's token.</summary>
    public static Task<string> GrantAndActivateAsync(
        this PortalFixture portal, HttpClient admin, Guid travellerId, long monthlyLimitOre = MonthlyLimitOre) =>
        GrantAndActivateAsync(portal.Cluster, portal.WebA, admin, travellerId, monthlyLimitOre);

    /// <inheritdoc cref="GrantAndActivateAsync(PortalFixture, HttpClient, Guid, long)"/>
    public static async Task<string> GrantAndActivateAsync(
        KalmarCluster cluster, KalmarWebFactory web, HttpClient admin, Guid travellerId, long monthlyLimitOre = MonthlyLimitOre)
    {
        var (username, code) = await cluster.GrantForActivationAsync(admin, travellerId, monthlyLimitOre);
        using var activated = await web.CreateClient().ActivateAsync(username, code);
        activated.EnsureSuccessStatusCode();
        return (await activated.ReadJsonAsync()).GetProperty("token").GetString()!;
    }

    /// <summary>A fresh traveller whom Anna granted <see cref="MonthlyLimitOre"/>, with the app activated and AllPay added.</summary>
    public static Task<Buyer> ReadyToBuyAsync(this PortalFixture portal) => ReadyToBuyAsync(portal.Cluster, portal.WebA);

    /// <inheritdoc cref="ReadyToBuyAsync(PortalFixture)"/>
    public static async Task<Buyer> ReadyToBuyAsync(KalmarCluster cluster, KalmarWebFactory web, long monthlyLimitOre = MonthlyLimitOre)
    {
        var traveller = await Travellers.CreateAsync(cluster.Client);
        var anna = await web.SignedInAdminAsync(Demo.Anna);
        var phone = web.CreateClientWithToken(await GrantAndActivateAsync(cluster, web, anna, traveller.Id, monthlyLimitOre));
        using var added = await phone.AddAllPayAsync();
        added.EnsureSuccessStatusCode();
        return new Buyer(traveller, anna, phone);
    }

    public static Task<HttpResponseMessage> AddAllPayAsync(this HttpClient phone) =>
        phone.PostAsJsonAsync("/api/app/payment-methods", new { type = "allpay" });

    /// <summary>A purchase on AllPay as the app sends it: by default an Enkelbiljett, Vuxen in zone 101 for a meeting.</summary>
    public static object Purchase(
        string idempotencyKey, string? purpose = "Möte", string[]? zones = null, string productId = "enkel", string categoryId = "vuxen") =>
        new { productId, categoryId, zones = zones ?? ["101"], purpose, paymentMethod = "allpay", idempotencyKey };

    public static Task<HttpResponseMessage> BuyAsync(this HttpClient phone, object purchase) =>
        phone.PostAsJsonAsync("/api/app/purchases", purchase);
}
