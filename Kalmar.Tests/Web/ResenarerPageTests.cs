using System.Net;
using System.Text.RegularExpressions;
using Kalmar.Contracts.Abstractions;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

[Collection(PortalCollection.Name)]
public sealed class ResenarerPageTests(PortalFixture portal)
{
    [Fact]
    public async Task AdminGrantsBusinessTravelWithAMonthlyCreditInKronor()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var browser = await AdminBrowserAsync(Demo.Anna);
        var token = await PageForms.TokenAsync(await browser.GetAsync($"/admin/resenarer/{traveller.Id}"));

        using var saved = await browser.PostAsync($"/admin/resenarer/{traveller.Id}?handler=BusinessTravel",
            PageForms.Form(token, ("enabled", "true"), ("limit", "400")));
        var page = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Tjänsteresor är beviljade", page, StringComparison.Ordinal);
        Assert.Contains("<strong>0,00 kr</strong> av 400,00 kr, 400,00 kr kvar.", Regex.Replace(page, @"\s+", " "), StringComparison.Ordinal);
        Assert.Contains("Resenären har inte lagt till Faktura via AllPay i appen ännu.", page, StringComparison.Ordinal);
        var status = await portal.Cluster.Client.GetGrain<IBusinessTravelGrain>(traveller.Id).GetAsync();
        Assert.True(status.Enabled);
        Assert.Equal(40000, status.MonthlyLimitOre);
        Assert.Contains("engångskod", (await OutboxReader.ToAsync(portal.Cluster, Travellers.Mobile))[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingANewCreditSendsNoSmsAndSkickaNyKodSendsOne()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var browser = await AdminBrowserAsync(Demo.Anna);
        var token = await PageForms.TokenAsync(await browser.GetAsync($"/admin/resenarer/{traveller.Id}"));
        (await browser.PostAsync($"/admin/resenarer/{traveller.Id}?handler=BusinessTravel", PageForms.Form(token, ("enabled", "true"), ("limit", "400")))).Dispose();
        var messages = (await OutboxReader.ToAsync(portal.Cluster, Travellers.Mobile)).Count;

        using var raised = await browser.PostAsync($"/admin/resenarer/{traveller.Id}?handler=BusinessTravel", PageForms.Form(token, ("enabled", "true"), ("limit", "650,50")));
        var afterRaise = WebUtility.HtmlDecode(await raised.Content.ReadAsStringAsync());
        var messagesAfterRaise = (await OutboxReader.ToAsync(portal.Cluster, Travellers.Mobile)).Count;
        using var sent = await browser.PostAsync($"/admin/resenarer/{traveller.Id}?handler=SendCode", PageForms.Form(token));
        var afterSend = WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync());

        Assert.Contains("Månadskrediten är sparad: 650,50 kr.", afterRaise, StringComparison.Ordinal);
        Assert.Equal(messages, messagesAfterRaise);
        Assert.Equal(65050, (await portal.Cluster.Client.GetGrain<IBusinessTravelGrain>(traveller.Id).GetAsync()).MonthlyLimitOre);
        Assert.Contains("En ny kod har skickats per sms.", afterSend, StringComparison.Ordinal);
        Assert.Equal(messages + 1, (await OutboxReader.ToAsync(portal.Cluster, Travellers.Mobile)).Count);
    }

    [Fact]
    public async Task DepartmentAdminSeesOnlyOwnDepartmentsTravellersAndABadAmountChangesNothing()
    {
        var own = await Travellers.CreateAsync(portal.Cluster.Client);
        var other = await Travellers.CreateAsync(portal.Cluster.Client, departmentId: DemoAccounts.Ekonomi);
        using var browser = await AdminBrowserAsync(Demo.Dan);
        var listing = await browser.GetAsync("/admin/resenarer");
        var html = await listing.Content.ReadAsStringAsync();
        var token = await PageForms.TokenAsync(await browser.GetAsync("/admin/resenarer"));

        using var bad = await browser.PostAsync($"/admin/resenarer/{own.Id}?handler=BusinessTravel", PageForms.Form(token, ("enabled", "true"), ("limit", "fyrahundra")));
        var badPage = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        using var outside = await browser.PostAsync($"/admin/resenarer/{other.Id}?handler=BusinessTravel", PageForms.Form(token, ("enabled", "true"), ("limit", "400")));

        Assert.Contains(own.Id.ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Id.ToString(), html, StringComparison.Ordinal);
        Assert.Contains("Ange månadskrediten i kronor", badPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.False((await portal.Cluster.Client.GetGrain<IBusinessTravelGrain>(own.Id).GetAsync()).Enabled);
        Assert.False((await portal.Cluster.Client.GetGrain<IBusinessTravelGrain>(other.Id).GetAsync()).Enabled);
    }

    private async Task<HttpClient> AdminBrowserAsync(string email)
    {
        await Terms.AcceptAsync(portal.WebA, email, Demo.AdminPassword);
        var browser = portal.WebA.CreateClient();
        (await browser.PostLoginAsync(email, Demo.AdminPassword)).Dispose();
        return browser;
    }
}
