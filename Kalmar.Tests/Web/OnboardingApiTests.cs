using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kalmar.Contracts.Model;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

/// <summary>A new customer from the operator's first step to a traveller who signs in, through the API only.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class OnboardingApiTests(PortalFixture portal)
{
    [Fact]
    public async Task OperatorCreatesACompanyWhoseInvitedAdminAddsADepartmentAndATravellerWhoSignsIn()
    {
        using var olle = await portal.WebA.SignedInClientAsync("olle@klt.example.se", DemoAccounts.OperatorPassword);
        var adminEmail = $"admin-{Guid.NewGuid():N}@nybrobygg.example";
        using var created = await olle.PostAsJsonAsync("/api/operator/companies", new
        {
            name = "Nybro Bygg AB",
            orgNumber = Companies.NewOrgNumber(),
            invoiceEmail = "faktura@nybrobygg.example",
            invoiceAddress = new { street = "Storgatan 5", postalCode = "38230", city = "Nybro" },
            staffOfferAvailable = true,
            maxMonthlyLimitOre = 300_000,
            admin = new { firstName = "Nora", lastName = "Bygg", email = adminEmail, mobile = "070-111 22 33" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var admin = await AcceptInvitationAsync(adminEmail, "Nybygge-2026!");
        using var terms = await admin.PostAsJsonAsync("/api/me/terms", new { version = TermsAcceptance.CurrentVersion });
        terms.EnsureSuccessStatusCode();
        using var department = await admin.PostAsJsonAsync("/api/admin/departments", new { name = "Snickeri", reference = "NB-100", costCentre = "2100" });
        Assert.Equal(HttpStatusCode.Created, department.StatusCode);
        var departmentId = (await department.ReadJsonAsync()).GetProperty("id").GetGuid();
        var travellerEmail = $"sven-{Guid.NewGuid():N}@nybrobygg.example";
        using var added = await admin.PostAsJsonAsync("/api/admin/travellers", new
        {
            firstName = "Sven", lastName = "Snickare", email = travellerEmail, mobile = "0702223344", departmentId, employeeNumber = "A-17",
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        using var traveller = await AcceptInvitationAsync(travellerEmail, "Hyvelbänk-2026!");

        using var signIn = await portal.WebB.CreateClient().PostLoginAsync(travellerEmail, "Hyvelbänk-2026!");
        var me = (await signIn.ReadJsonAsync()).GetProperty("user");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("Snickeri", me.GetProperty("department").GetProperty("name").GetString());
        Assert.Equal("Nybro Bygg AB", me.GetProperty("company").GetProperty("name").GetString());
        var list = await (await admin.GetAsync("/api/admin/travellers?q=A-17")).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal("active", list.GetProperty("items")[0].GetProperty("status").GetString());
        var audit = await (await admin.GetAsync("/api/admin/audit")).ReadJsonAsync();
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), entry => entry.GetProperty("action").GetString() == "department-created");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), entry => entry.GetProperty("action").GetString() == "traveller-created");
        var csv = await admin.GetByteArrayAsync("/api/admin/audit.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Contains("Avdelning skapad;", System.Text.Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInputIsRefusedInSwedishAndChangesNothing()
    {
        using var olle = await portal.WebA.SignedInClientAsync("olle@klt.example.se", DemoAccounts.OperatorPassword);
        using var badOrgNumber = await olle.PostAsJsonAsync("/api/operator/companies", new
        {
            name = "Felbolaget AB", orgNumber = "556677-8898", invoiceEmail = "a@b.se",
            invoiceAddress = new { street = "Gatan 1", postalCode = "39232", city = "Kalmar" }, maxMonthlyLimitOre = 1000,
            admin = new { firstName = "A", lastName = "B", email = $"x-{Guid.NewGuid():N}@example.se", mobile = "0701234567" },
        });
        using var takenOrgNumber = await olle.PostAsJsonAsync("/api/operator/companies", new
        {
            name = "Kopian AB", orgNumber = "5566778899", invoiceEmail = "a@b.se",
            invoiceAddress = new { street = "Gatan 1", postalCode = "39232", city = "Kalmar" }, maxMonthlyLimitOre = 1000,
            admin = new { firstName = "A", lastName = "B", email = $"y-{Guid.NewGuid():N}@example.se", mobile = "0701234567" },
        });
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        using var takenEmail = await anna.PostAsJsonAsync("/api/admin/travellers", new
        {
            firstName = "Emmy", lastName = "Kopia", email = "EMMY@example.se", mobile = "0701234567", departmentId = DemoAccounts.Avdelning21,
        });
        using var badMobile = await anna.PostAsJsonAsync("/api/admin/travellers", new
        {
            firstName = "Bo", lastName = "Fel", email = $"bo-{Guid.NewGuid():N}@example.se", mobile = "12345", departmentId = DemoAccounts.Avdelning21,
        });
        using var sameReference = await anna.PostAsJsonAsync("/api/admin/departments", new { name = $"Ny {Guid.NewGuid():N}", reference = "ref-21" });
        using var notEmpty = await anna.DeleteAsync($"/api/admin/departments/{DemoAccounts.Avdelning21}");

        Assert.Equal(HttpStatusCode.BadRequest, badOrgNumber.StatusCode);
        Assert.Contains("organisationsnummer", (await badOrgNumber.ReadJsonAsync()).GetProperty("errors").GetProperty("orgNumber")[0].GetString());
        await AssertProblemAsync(takenOrgNumber, HttpStatusCode.Conflict, RejectionCodes.OrgNumberInUse);
        await AssertProblemAsync(takenEmail, HttpStatusCode.Conflict, RejectionCodes.EmailInUse);
        Assert.Equal(HttpStatusCode.BadRequest, badMobile.StatusCode);
        Assert.True((await badMobile.ReadJsonAsync()).GetProperty("errors").TryGetProperty("mobile", out _));
        await AssertProblemAsync(sameReference, HttpStatusCode.Conflict, RejectionCodes.DepartmentExists);
        await AssertProblemAsync(notEmpty, HttpStatusCode.Conflict, RejectionCodes.DepartmentNotEmpty);
        var companies = await Sql.ReadAsync(portal.Cluster, "select count(*) from companies where name in ('Felbolaget AB', 'Kopian AB')", r => r.GetInt64(0));
        Assert.Equal(0, companies[0]);
    }

    [Fact]
    public async Task MovingATravellerTakesThePendingOrderToTheNewDepartmentsQueueLive()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var order = await Orders.SubmitAsync(portal.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        await using var dan = await LiveClient.ConnectAsync(portal.WebB, await portal.WebB.CreateClient().LoginForTokenAsync(Demo.Dan, Demo.AdminPassword), "approvalQueueChanged");
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);

        using var moved = await anna.PatchAsJsonAsync($"/api/admin/travellers/{traveller.Id}", new { departmentId = DemoAccounts.Ekonomi });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await dan.WaitForAsync("approvalQueueChanged", change => change.GetProperty("removed").EnumerateArray().Any(id => id.GetGuid() == order.Id));
        using var danApi = await portal.WebA.SignedInAdminAsync(Demo.Dan);
        Assert.DoesNotContain((await (await danApi.GetAsync("/api/admin/approvals")).ReadJsonAsync()).EnumerateArray(), o => o.GetProperty("id").GetGuid() == order.Id);
        Assert.Equal(404, (int)(await danApi.GetAsync($"/api/admin/travellers/{traveller.Id}")).StatusCode);
        var annas = (await (await anna.GetAsync("/api/admin/approvals")).ReadJsonAsync()).EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == order.Id);
        Assert.Equal(DemoAccounts.Ekonomi, annas.GetProperty("department").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task DeactivationEndsEverySessionAtOnceAndWithdrawsPendingOrdersFromTheQueueLive()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var login = await (await portal.WebA.CreateClient().PostLoginAsync(traveller.Email, Travellers.Password)).ReadJsonAsync();
        var (token, refreshToken) = (login.GetProperty("token").GetString()!, login.GetProperty("refreshToken").GetString()!);
        var cookieClient = portal.WebA.CreateClient(new() { AllowAutoRedirect = false });
        (await cookieClient.PostLoginAsync(traveller.Email, Travellers.Password)).EnsureSuccessStatusCode();
        await using var hub = await LiveClient.ConnectAsync(portal.WebB, token, "orderStatusChanged", "sessionEnded");
        var order = await Orders.SubmitAsync(portal.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        await using var annaLive = await LiveClient.ConnectAsync(portal.WebA, await portal.WebA.CreateClient().LoginForTokenAsync(Demo.Anna, Demo.AdminPassword), "approvalQueueChanged");
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);

        using var deactivated = await anna.PostAsync($"/api/admin/travellers/{traveller.Id}/deactivate", null);

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Equal("inactive", (await deactivated.ReadJsonAsync()).GetProperty("status").GetString());
        await hub.WaitForAsync("sessionEnded");
        await hub.Closed.WithinPatienceAsync("The deactivated traveller's hub connection closing");
        await annaLive.WaitForAsync("approvalQueueChanged", change => change.GetProperty("removed").EnumerateArray().Any(id => id.GetGuid() == order.Id));
        using var bearer = portal.WebB.CreateClientWithToken(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.WebB.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookieClient.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.WebA.CreateClient().PostLoginAsync(traveller.Email, Travellers.Password)).StatusCode);
        var withdrawn = await (await anna.GetAsync("/api/admin/approvals")).ReadJsonAsync();
        Assert.DoesNotContain(withdrawn.EnumerateArray(), o => o.GetProperty("id").GetGuid() == order.Id);
        var mail = await OutboxReader.ToAsync(portal.Cluster, traveller.Email);
        Assert.Contains(mail, message => message.Subject == "Din beställning har dragits tillbaka" && message.Body.Contains("avslutats", StringComparison.Ordinal));

        using var reactivated = await anna.PostAsync($"/api/admin/travellers/{traveller.Id}/reactivate", null);
        Assert.Equal(HttpStatusCode.OK, (await portal.WebA.CreateClient().PostLoginAsync(traveller.Email, Travellers.Password)).StatusCode);
    }

    [Fact]
    public async Task NobodyDemotesOrDeactivatesThemselvesAndTwoAdminsDemotingEachOtherLeaveOne()
    {
        var company = await Companies.CreateAsync(portal.Cluster.Client);
        var second = await Travellers.CreateAsync(portal.Cluster.Client, company.Id, company.DepartmentId);
        using var first = await portal.WebA.SignedInClientAsync(company.AdminEmail, Travellers.Password);
        (await first.PutAsJsonAsync($"/api/admin/travellers/{second.Id}/roles", new { companyAdmin = true, departmentAdminOf = Array.Empty<Guid>() })).EnsureSuccessStatusCode();
        using var other = await portal.WebB.SignedInClientAsync(second.Email, Travellers.Password);

        await AssertProblemAsync(await first.PostAsync($"/api/admin/travellers/{company.AdminId}/deactivate", null), HttpStatusCode.Forbidden, RejectionCodes.OwnAccount);
        await AssertProblemAsync(
            await first.PutAsJsonAsync($"/api/admin/travellers/{company.AdminId}/roles", new { companyAdmin = false }), HttpStatusCode.Forbidden, RejectionCodes.OwnAccount);
        var demotions = await Task.WhenAll(
            first.PutAsJsonAsync($"/api/admin/travellers/{second.Id}/roles", new { companyAdmin = false }),
            other.PutAsJsonAsync($"/api/admin/travellers/{company.AdminId}/roles", new { companyAdmin = false }));

        var admins = await Sql.ReadAsync(portal.Cluster,
            "select count(*) from users where company_id = $1 and active and 'company-admin' = any(roles)", r => r.GetInt64(0), company.Id);
        Assert.Equal(1, admins[0]);
        Assert.Contains(demotions, response => response.StatusCode == HttpStatusCode.OK);
        // The loser either lost the race for the last admin (409) or was demoted first and no longer is an admin (401/403).
        Assert.Contains(demotions, response => response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheOperatorSetsHowACompanyDeductsTheStaffOfferFromPay()
    {
        var company = await Companies.CreateAsync(portal.Cluster.Client);
        using var olle = await portal.WebA.SignedInClientAsync("olle@klt.example.se", DemoAccounts.OperatorPassword);

        using var netto = await olle.PatchAsJsonAsync($"/api/operator/companies/{company.Id}", new { payrollDeduction = "netto" });
        using var wrong = await olle.PatchAsJsonAsync($"/api/operator/companies/{company.Id}", new { payrollDeduction = "ibland" });
        var stored = await (await olle.GetAsync($"/api/operator/companies/{company.Id}")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, netto.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.ReadJsonAsync()).GetProperty("errors").TryGetProperty("payrollDeduction", out _));
        Assert.Equal("netto", stored.GetProperty("payrollDeduction").GetString());
    }

    [Fact]
    public async Task TheAuditLogIsAppendOnlyInTheDatabaseItself()
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(portal.Cluster.ConnectionString);
        foreach (var statement in new[] { "update audit_log set actor_name = 'x'", "delete from audit_log", "truncate audit_log" })
        {
            await using var command = dataSource.CreateCommand(statement);
            var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }
    }

    private async Task<HttpClient> AcceptInvitationAsync(string email, string password)
    {
        var invitation = (await OutboxReader.ToAsync(portal.Cluster, email)).Single(message => message.Subject == "Välkommen till Företagsportalen");
        var link = InvitationLink().Match(invitation.Body);
        Assert.True(link.Success, invitation.Body);
        using var accepted = await portal.WebA.CreateClient().PostAsJsonAsync("/api/auth/invitation/accept", new
        {
            userId = Guid.Parse(link.Groups["user"].Value), token = link.Groups["token"].Value, newPassword = password, confirmPassword = password,
        });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var reused = await portal.WebA.CreateClient().PostAsJsonAsync("/api/auth/invitation/accept", new
        {
            userId = Guid.Parse(link.Groups["user"].Value), token = link.Groups["token"].Value, newPassword = password, confirmPassword = password,
        });
        await AssertProblemAsync(reused, HttpStatusCode.BadRequest, RejectionCodes.InvalidLink);
        return portal.WebA.CreateClientWithToken((await accepted.ReadJsonAsync()).GetProperty("token").GetString()!);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        Assert.Equal(type, JsonDocument.Parse(body).RootElement.GetProperty("type").GetString());
    }

    [GeneratedRegex(@"/inbjudan\?user=(?<user>[0-9a-f]{32})&(amp;)?token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex InvitationLink();
}
