using System.Net.Http.Json;
using System.Net;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

/// <summary>
/// The authorization matrix over the administration routes: anonymous, a traveller, a department admin of another
/// department, a company admin of another company and an operator each get what their role allows, and nothing
/// changes on a refused call. The target is always Exempel AB's Ekonomi department and its company admin Anna.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AdministrationAuthorizationTests(PortalFixture portal)
{
    private static readonly Guid Target = DemoAccounts.Anna;

    public static TheoryData<string, string> Routes => new()
    {
        { "GET", $"/api/admin/travellers/{Target}" },
        { "PATCH", $"/api/admin/travellers/{Target}" },
        { "PUT", $"/api/admin/travellers/{Target}/roles" },
        { "POST", $"/api/admin/travellers/{Target}/deactivate" },
        { "POST", $"/api/admin/travellers/{Target}/reactivate" },
        { "POST", $"/api/admin/travellers/{Target}/invitation" },
        { "PUT", $"/api/admin/travellers/{Target}/business-travel" },
        { "PATCH", $"/api/admin/departments/{DemoAccounts.Ekonomi}" },
        { "DELETE", $"/api/admin/departments/{DemoAccounts.Ekonomi}" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EachCallerGetsWhatTheirRoleAllowsAndNothingChanges(string method, string route)
    {
        var otherCompany = await Companies.CreateAsync(portal.Cluster.Client);
        using var anonymous = portal.WebA.CreateClient();
        using var traveller = await portal.WebA.SignedInClientAsync(Demo.Emmy, Demo.TravellerPassword);
        using var otherDepartmentAdmin = await portal.WebA.SignedInAdminAsync(Demo.Dan);
        using var otherCompanyAdmin = await portal.WebA.SignedInClientAsync(otherCompany.AdminEmail, Travellers.Password);
        using var operatorClient = await portal.WebA.SignedInClientAsync("olle@klt.example.se", DemoAccounts.OperatorPassword);
        var before = await SnapshotAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(anonymous, method, route));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(traveller, method, route));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(operatorClient, method, route));
        Assert.Equal(HttpStatusCode.NotFound, await SendAsync(otherCompanyAdmin, method, route));
        // Departments and roles are the company admin's; elsewhere a department admin outside the scope finds nothing.
        var companyAdminOnly = route.Contains("/departments/", StringComparison.Ordinal) || route.EndsWith("/roles", StringComparison.Ordinal);
        Assert.Equal(companyAdminOnly ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, await SendAsync(otherDepartmentAdmin, method, route));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("GET", "/api/admin/travellers", false)]
    [InlineData("POST", "/api/admin/travellers", false)]
    [InlineData("POST", "/api/admin/travellers/import?dryRun=true", false)]
    [InlineData("GET", "/api/admin/departments", false)]
    [InlineData("POST", "/api/admin/departments", true)]
    [InlineData("GET", "/api/admin/audit", false)]
    [InlineData("GET", "/api/admin/audit.csv", false)]
    public async Task TheCompanysOwnListsAreForItsAdminsOnly(string method, string route, bool companyAdminOnly)
    {
        using var anonymous = portal.WebA.CreateClient();
        using var traveller = await portal.WebA.SignedInClientAsync(Demo.Emmy, Demo.TravellerPassword);
        using var operatorClient = await portal.WebA.SignedInClientAsync("olle@klt.example.se", DemoAccounts.OperatorPassword);
        using var departmentAdmin = await portal.WebA.SignedInAdminAsync(Demo.Dan);

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(anonymous, method, route));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(traveller, method, route));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(operatorClient, method, route));
        if (companyAdminOnly)
        {
            Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(departmentAdmin, method, route));
        }
    }

    [Theory]
    [InlineData("GET", "/api/operator/companies")]
    [InlineData("POST", "/api/operator/companies")]
    [InlineData("GET", "/api/operator/companies/6d3c1f4e-0000-4000-8000-000000000001")]
    [InlineData("PATCH", "/api/operator/companies/6d3c1f4e-0000-4000-8000-000000000001")]
    public async Task OnlyOperatorsReachTheCustomerRoutes(string method, string route)
    {
        using var anonymous = portal.WebA.CreateClient();
        using var traveller = await portal.WebA.SignedInClientAsync(Demo.Emmy, Demo.TravellerPassword);
        using var companyAdmin = await portal.WebA.SignedInAdminAsync(Demo.Anna);

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(anonymous, method, route));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(traveller, method, route));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(companyAdmin, method, route));
    }

    [Fact]
    public async Task ListsShowOnlyWhatIsInScope()
    {
        var otherCompany = await Companies.CreateAsync(portal.Cluster.Client);
        using var dan = await portal.WebA.SignedInAdminAsync(Demo.Dan);
        using var otherCompanyAdmin = await portal.WebA.SignedInClientAsync(otherCompany.AdminEmail, Travellers.Password);

        var dansTravellers = await (await dan.GetAsync("/api/admin/travellers?pageSize=200")).ReadJsonAsync();
        var othersTravellers = await (await otherCompanyAdmin.GetAsync("/api/admin/travellers?q=example.se&pageSize=200")).ReadJsonAsync();
        var othersDepartments = await (await otherCompanyAdmin.GetAsync("/api/admin/departments")).ReadJsonAsync();
        var othersAudit = await (await otherCompanyAdmin.GetAsync("/api/admin/audit")).ReadJsonAsync();

        Assert.All(dansTravellers.GetProperty("items").EnumerateArray(), t => Assert.Equal(DemoAccounts.Avdelning21, t.GetProperty("department").GetProperty("id").GetGuid()));
        Assert.All(othersTravellers.GetProperty("items").EnumerateArray(), t => Assert.NotEqual("anna@example.se", t.GetProperty("email").GetString()));
        Assert.Equal(2, othersDepartments.GetArrayLength());
        Assert.All(othersAudit.GetProperty("items").EnumerateArray(), e => Assert.NotEqual(Target, e.GetProperty("target").GetProperty("id").GetGuid()));
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string route)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), route)
        {
            Content = method is "GET" or "DELETE" ? null : JsonContent.Create(new
            {
                firstName = "Ändrad", companyAdmin = false, enabled = true, monthlyLimitOre = 100, name = "Ändrad", reference = "X-1",
                departmentId = DemoAccounts.Ekonomi,
            }),
        };
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<string> SnapshotAsync()
    {
        var rows = await Sql.ReadAsync(portal.Cluster,
            """
            select (select u.first_name || u.active || array_to_string(u.roles, ',') from users u where u.id = $1)
                || (select d.name || d.reference from departments d where d.id = $2)
            """,
            reader => reader.GetString(0), Target, DemoAccounts.Ekonomi);
        return rows[0];
    }
}
