using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Tests.Fixtures;
using Xunit.Abstractions;

namespace Kalmar.Tests.Web;

/// <summary>
/// Traveller import through the API, each test in a company of its own (with departments Försäljning and Lager and
/// its own company admin), so that no test changes Exempel AB or another test's travellers.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class TravellerImportTests(PortalFixture portal, ITestOutputHelper output)
{
    private const long MaxMonthlyLimitOre = 100_000;

    [Fact]
    public async Task FiveThousandRowsPreviewThenImportThenImportAgainChangesNothing()
    {
        var company = await FreshCompanyAsync();
        var file = TravellerCsv.Generate(5_000, i => i % 2 == 0 ? "Försäljning" : "ref-lager", domain: company.Domain);

        var preview = await ImportAsync(company.Admin, file, dryRun: true);
        Assert.Equal((5_000, 0, 0, 0), Counts(preview));
        Assert.Equal(1, await UsersAsync(company.Id)); // only the admin

        var started = Stopwatch.GetTimestamp();
        var imported = await ImportAsync(company.Admin, file, dryRun: false);
        output.WriteLine($"5 000 rows imported (committed, through the API) in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");

        Assert.Equal((5_000, 0, 0, 0), Counts(imported));
        Assert.Equal(5_001, await UsersAsync(company.Id));
        var invitations = await Sql.ReadAsync(portal.Cluster,
            """
            select count(*) from users u
            where u.company_id = $1 and u.invitation_hash is not null
              and (select count(*) from outbox o where o.recipient = u.email and o.subject = 'Välkommen till Företagsportalen') = 1
            """, r => r.GetInt64(0), company.Id);
        Assert.Equal(5_000, invitations[0]);
        var versions = await VersionsAsync(company.Id);
        var audit = await AuditCountAsync(company.Id);

        var again = await ImportAsync(company.Admin, file, dryRun: false);

        Assert.Equal((0, 0, 5_000, 0), Counts(again));
        Assert.Equal(versions, await VersionsAsync(company.Id));
        Assert.Equal(audit, await AuditCountAsync(company.Id));
    }

    [Fact]
    public async Task AFileWithOneBadRowWritesNothingAndNamesTheRowAndColumn()
    {
        var company = await FreshCompanyAsync();
        var file = TravellerCsv.Generate(20, i => i == 7 ? "Marknad" : "Försäljning", domain: company.Domain);

        var answer = await ImportAsync(company.Admin, file, dryRun: false);

        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal(8, error.GetProperty("line").GetInt32());
        Assert.Equal("Avdelning", error.GetProperty("column").GetString());
        Assert.Equal("Avdelningen Marknad finns inte i företaget.", error.GetProperty("message").GetString());
        Assert.Equal(1, await UsersAsync(company.Id));
    }

    [Fact]
    public async Task AWindows1252FileIsRead()
    {
        var company = await FreshCompanyAsync();
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var file = TravellerCsv.Generate(10, _ => "Lager", encoding: windows1252, domain: company.Domain);

        var answer = await ImportAsync(company.Admin, file, dryRun: false);

        Assert.Equal((10, 0, 0, 0), Counts(answer));
        var names = await Sql.ReadAsync(portal.Cluster, "select first_name || ' ' || last_name from users where email = $1",
            r => r.GetString(0), TravellerCsv.Email(4, company.Domain));
        Assert.Equal("Örjan Åberg", Assert.Single(names));
    }

    [Fact]
    public async Task AChangedRowUpdatesThatTravellerOnly()
    {
        var company = await FreshCompanyAsync();
        await ImportAsync(company.Admin, TravellerCsv.Generate(5, _ => "Försäljning", domain: company.Domain), dryRun: false);
        var movedId = (await Sql.ReadAsync(portal.Cluster, "select id from users where email = $1", r => r.GetGuid(0),
            TravellerCsv.Email(3, company.Domain)))[0];
        var moved = portal.Cluster.Client.GetGrain<IUserGrain>(movedId);
        Assert.Equal(company.Sales, (await moved.GetAsync())!.DepartmentId); // an active grain, holding the old row

        var preview = await ImportAsync(company.Admin, TravellerCsv.Generate(5, i => i == 3 ? "REF-LAGER" : "Försäljning", domain: company.Domain), dryRun: true);
        var answer = await ImportAsync(company.Admin, TravellerCsv.Generate(5, i => i == 3 ? "REF-LAGER" : "Försäljning", domain: company.Domain), dryRun: false);

        Assert.Equal((0, 1, 4, 0), Counts(preview));
        Assert.Equal((0, 1, 4, 0), Counts(answer));
        Assert.Equal(company.Warehouse, (await moved.GetAsync())!.DepartmentId);
        var actions = await Sql.ReadAsync(portal.Cluster, "select action from audit_log where target_id = $1 order by id", r => r.GetString(0), movedId);
        Assert.Equal(["traveller-created", "traveller-moved"], actions);
    }

    [Fact]
    public async Task AnAddressOfAnotherCompanysUserIsAnError()
    {
        var company = await FreshCompanyAsync();
        var file = Encoding.UTF8.GetString(TravellerCsv.Generate(3, _ => "Lager", domain: company.Domain))
            .Replace(TravellerCsv.Email(2, company.Domain), Demo.Anna, StringComparison.Ordinal);

        var answer = await ImportAsync(company.Admin, Encoding.UTF8.GetBytes(file), dryRun: false);

        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal((3, "E-post"), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString()));
        Assert.Equal("E-postadressen används redan av ett annat konto.", error.GetProperty("message").GetString());
        Assert.Equal(1, await UsersAsync(company.Id));
    }

    [Fact]
    public async Task ADepartmentAdminImportsIntoTheirOwnDepartmentsOnly()
    {
        var company = await FreshCompanyAsync();
        var email = $"avd-admin@{company.Domain}";
        await portal.Cluster.Client.GetGrain<IUserGrain>(Guid.NewGuid()).CreateAsync(new NewUser(
            "Dora", "Avdelning", email, "+46709998877", company.Id, company.Sales, [Role.Traveller, Role.DepartmentAdmin], [company.Sales], Travellers.Password));
        using var departmentAdmin = await portal.WebA.SignedInClientAsync(email, Travellers.Password);

        var answer = await ImportAsync(departmentAdmin, TravellerCsv.Generate(4, i => i % 2 == 0 ? "Lager" : "Försäljning", domain: company.Domain), dryRun: false);
        var own = await ImportAsync(departmentAdmin, TravellerCsv.Generate(4, _ => "Försäljning", domain: company.Domain), dryRun: true);

        var errors = answer.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([3, 5], errors.Select(error => error.GetProperty("line").GetInt32()));
        Assert.All(errors, error => Assert.Equal("Avdelning", error.GetProperty("column").GetString()));
        Assert.Equal(2, await UsersAsync(company.Id));
        Assert.Equal((4, 0, 0, 0), Counts(own));
    }

    [Fact]
    public async Task AMonthlyLimitGrantsBusinessTravelWithinTheCompanysMaximum()
    {
        var company = await FreshCompanyAsync();
        var tooHigh = Csv(company.Domain, "1 000", "1 000,50");
        var file = Csv(company.Domain, "400", "");

        var refused = await ImportAsync(company.Admin, tooHigh, dryRun: false);
        var imported = await ImportAsync(company.Admin, file, dryRun: false);
        var again = await ImportAsync(company.Admin, file, dryRun: true);

        var error = Assert.Single(refused.GetProperty("errors").EnumerateArray());
        Assert.Equal((3, "Månadsgräns"), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString()));
        Assert.Equal((2, 0, 0, 0), Counts(imported));
        Assert.Equal((0, 0, 2, 0), Counts(again));
        var granted = (await Sql.ReadAsync(portal.Cluster, "select id from users where email = $1", r => r.GetGuid(0), $"kim@{company.Domain}"))[0];
        Assert.Equal((true, 40_000), await GrantAsync(granted));
    }

    [Fact]
    public async Task AMissingFileIs400AndTooManyRows413()
    {
        var company = await FreshCompanyAsync();
        using var empty = new MultipartFormDataContent();
        using var missing = await company.Admin.PostAsync("/api/admin/travellers/import?dryRun=true", empty);
        using var tooMany = await PostAsync(company.Admin, TravellerCsv.Generate(10_001, _ => "Lager", domain: company.Domain), dryRun: true);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
    }

    [Fact]
    public async Task ThePagePreviewsTheFileThenImportsItWithoutScript()
    {
        var company = await FreshCompanyAsync();
        await Terms.AcceptAsync(portal.WebA, company.AdminEmail, Travellers.Password);
        using var browser = portal.WebA.CreateClient();
        (await browser.PostLoginAsync(company.AdminEmail, Travellers.Password)).Dispose();
        var token = await PageForms.TokenAsync(await browser.GetAsync("/admin/resenarer/import"));
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(TravellerCsv.Generate(3, _ => "Lager", domain: company.Domain)), "file", "resenarer.csv" },
        };

        using var preview = await browser.PostAsync("/admin/resenarer/import?handler=Preview", upload);
        var previewed = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        var packed = Regex.Match(previewed, "name=\"content\" value=\"(?<file>[^\"]+)\"").Groups["file"].Value;
        using var imported = await browser.PostAsync("/admin/resenarer/import?handler=Import",
            PageForms.Form(token, ("content", packed), ("fileName", "resenarer.csv")));
        var done = WebUtility.HtmlDecode(await imported.Content.ReadAsStringAsync());

        Assert.Contains("<dt>Skapas</dt><dd data-count=\"created\">3</dd>", previewed, StringComparison.Ordinal);
        Assert.Contains(">Importera</button>", previewed, StringComparison.Ordinal);
        Assert.Contains("Importen är klar", done, StringComparison.Ordinal);
        Assert.Equal(4, await UsersAsync(company.Id));
    }

    private static byte[] Csv(string domain, string kimLimit, string loLimit) => Encoding.UTF8.GetBytes(
        "Förnamn;Efternamn;E-post;Mobil;Avdelning;Månadsgräns\r\n"
        + $"Kim;Ek;kim@{domain};070-555 01 01;Lager;{kimLimit}\r\n"
        + $"Lo;Al;lo@{domain};070-555 01 02;Lager;{loLimit}\r\n");

    private async Task<(bool, long)> GrantAsync(Guid travellerId)
    {
        var status = await portal.Cluster.Client.GetGrain<IBusinessTravelGrain>(travellerId).GetAsync();
        return (status.Enabled, status.MonthlyLimitOre);
    }

    private sealed record Company(Guid Id, Guid Sales, Guid Warehouse, string Domain, string AdminEmail, HttpClient Admin);

    private async Task<Company> FreshCompanyAsync()
    {
        var id = Guid.NewGuid();
        var domain = $"import-{id:N}.example";
        var (sales, warehouse) = (Guid.NewGuid(), Guid.NewGuid());
        await portal.Cluster.Client.GetGrain<ICompanyGrain>(id).CreateAsync(new CompanyInfo(id, $"Nybro Bygg {id:N}", true,
            [new DepartmentInfo(sales, "Försäljning", "REF-SALJ"), new DepartmentInfo(warehouse, "Lager", "REF-LAGER")])
        {
            MaxMonthlyLimitOre = MaxMonthlyLimitOre,
        });
        var adminEmail = $"admin@{domain}";
        await portal.Cluster.Client.GetGrain<IUserGrain>(Guid.NewGuid()).CreateAsync(new NewUser(
            "Ada", "Admin", adminEmail, "+46701234567", id, sales, [Role.Traveller, Role.CompanyAdmin], [], Travellers.Password));
        return new Company(id, sales, warehouse, domain, adminEmail, await portal.WebA.SignedInClientAsync(adminEmail, Travellers.Password));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient admin, byte[] file, bool dryRun)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "resenarer.csv");
        return await admin.PostAsync($"/api/admin/travellers/import?dryRun={(dryRun ? "true" : "false")}", form);
    }

    private static async Task<JsonElement> ImportAsync(HttpClient admin, byte[] file, bool dryRun)
    {
        using var response = await PostAsync(admin, file, dryRun);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static (int, int, int, int) Counts(JsonElement answer) => (
        answer.GetProperty("created").GetInt32(), answer.GetProperty("updated").GetInt32(),
        answer.GetProperty("unchanged").GetInt32(), answer.GetProperty("errors").GetArrayLength());

    private async Task<long> UsersAsync(Guid companyId) =>
        (await Sql.ReadAsync(portal.Cluster, "select count(*) from users where company_id = $1", r => r.GetInt64(0), companyId))[0];

    private async Task<long> VersionsAsync(Guid companyId) =>
        (await Sql.ReadAsync(portal.Cluster, "select coalesce(sum(version), 0)::bigint from users where company_id = $1", r => r.GetInt64(0), companyId))[0];

    private async Task<long> AuditCountAsync(Guid companyId) =>
        (await Sql.ReadAsync(portal.Cluster, "select count(*) from audit_log where company_id = $1", r => r.GetInt64(0), companyId))[0];
}
