using System.Net;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

[Collection(PortalCollection.Name)]
public sealed class AttesteringPageTests(PortalFixture portal)
{
    [Fact]
    public async Task TravellerWithoutAdminRoleIsForbiddenTheAdminPage()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var browser = portal.WebA.CreateClient();
        (await browser.PostLoginAsync(traveller.Email, Travellers.Password)).Dispose();

        using var page = await browser.GetAsync("/admin/attestering");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Åtkomst nekad", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DepartmentAdminsPageListsOwnDepartmentsOrdersOnly()
    {
        var own = await Orders.SubmitAsync(portal.Cluster.Client, await Travellers.CreateAsync(portal.Cluster.Client), DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        var other = await Orders.SubmitAsync(
            portal.Cluster.Client, await Travellers.CreateAsync(portal.Cluster.Client, departmentId: DemoAccounts.Ekonomi), DemoAccounts.ExempelAb, DemoAccounts.Ekonomi);
        await Terms.AcceptAsync(portal.WebA, Demo.Dan, Demo.AdminPassword);
        using var browser = portal.WebA.CreateClient();
        (await browser.PostLoginAsync(Demo.Dan, Demo.AdminPassword)).Dispose();

        var html = await browser.GetStringAsync("/admin/attestering");
        using var otherRow = await browser.GetAsync($"/admin/attestering?handler=Row&id={other.Id}");

        Assert.Contains(own.Id.ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Id.ToString(), html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherRow.StatusCode);
    }
}
