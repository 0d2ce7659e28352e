using System.Net;
using System.Text;
using System.Text.Json;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Invoices;

/// <summary>A month of staff offer and AllPay across three departments, invoiced to the öre as JSON, CSV, PDF and payroll.</summary>
[Collection(InvoiceCollection.Name)]
public sealed class InvoiceApiTests(InvoiceFixture fixture)
{
    private IClusterClient Cluster => fixture.Cluster.Client;

    [Fact]
    public async Task AMonthOfActivityIsInvoicedToTheOreInJsonCsvPdfAndPayroll()
    {
        var month = InvoiceActivity.MoveToFreshMonth();
        var company = await InvoiceActivity.CreateCompanyAsync(Cluster);
        var bought = new List<InvoiceActivity.Bought>();
        var staffTotals = new Dictionary<Guid, long>();
        for (var d = 0; d < company.Departments.Count; d++)
        {
            var department = company.Departments[d].Id;
            for (var t = 0; t < 2; t++)
            {
                var traveller = await Travellers.CreateAsync(Cluster, company.Id, department, "Resa", $"Nummer{d}{t}");
                await Sql.ReadAsync(fixture.Cluster, "update users set employee_number = $1 where id = $2 returning id", r => r.GetGuid(0), $"A{d}{t}", traveller.Id);
                var staff = await InvoiceActivity.ApprovedOrderAsync(Cluster, company, traveller, department, 57000 + 137 * d, 3499 + t);
                staffTotals[traveller.Id] = staff.Sum(line => line.Price.TotalOre);
                bought.AddRange(staff);
                var travel = await InvoiceActivity.AllPayAsync(Cluster, traveller);
                bought.Add(await InvoiceActivity.BusinessTripAsync(travel, department, traveller.Id, ["101"], "Kundmöte"));
                bought.Add(await InvoiceActivity.BusinessTripAsync(travel, department, traveller.Id, ["101", "131"], "Utbildning"));
                TestClock.Instance.Advance(TimeSpan.FromHours(7));
            }
        }

        var expected = Vat.Sum(bought.Select(line => line.Price));
        using var admin = await fixture.Web.SignedInClientAsync(company.AdminEmail, Travellers.Password);

        var open = await GetJsonAsync(admin, $"/api/admin/invoices/{month}");
        InvoiceActivity.MoveToEndOf(month, InvoiceGrain5Minutes);
        var numbers = await Cluster.GetGrain<IInvoiceGrain>(company.Id).CloseDueMonthsAsync();
        var closed = await GetJsonAsync(admin, $"/api/admin/invoices/{month}");
        var csv = await admin.GetByteArrayAsync($"/api/admin/invoices/{month}.csv");
        var pdf = PdfText.Read(await admin.GetByteArrayAsync($"/api/admin/invoices/{month}.pdf"));
        var payroll = await admin.GetByteArrayAsync($"/api/admin/payroll/{month}.csv");
        var list = await GetJsonAsync(admin, "/api/admin/invoices");

        Assert.Equal("open", open.GetProperty("status").GetString());
        Assert.Equal(expected.TotalOre, open.GetProperty("totalOre").GetInt64());
        var number = Assert.Single(numbers);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(number, closed.GetProperty("number").GetString());
        Assert.True(InvoiceOcr.IsValid(closed.GetProperty("ocr").GetString()));
        Assert.Equal(expected.ExclVatOre, closed.GetProperty("subtotalOre").GetInt64());
        Assert.Equal(expected.VatOre, closed.GetProperty("vatOre").GetInt64());
        Assert.Equal(expected.TotalOre, closed.GetProperty("totalOre").GetInt64());
        var lines = closed.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(bought.Count, lines.Count);
        Assert.Equal(
            bought.Select(line => (line.Kind, line.Price.ExclVatOre, line.Price.VatOre, line.Price.TotalOre)).Order(),
            lines.Select(line => (line.GetProperty("kind").GetString()!, line.GetProperty("amountExclVatOre").GetInt64(),
                line.GetProperty("vatOre").GetInt64(), line.GetProperty("totalOre").GetInt64())).Order());
        foreach (var department in closed.GetProperty("departments").EnumerateArray())
        {
            var id = department.GetProperty("id").GetGuid();
            Assert.Equal(bought.Where(line => line.DepartmentId == id).Sum(line => line.Price.TotalOre), department.GetProperty("totalOre").GetInt64());
            Assert.Equal(company.Departments.Single(d => d.Id == id).Reference, department.GetProperty("reference").GetString());
        }

        Assert.Equal(expected.TotalOre, closed.GetProperty("departments").EnumerateArray().Sum(d => d.GetProperty("totalOre").GetInt64()));

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var rows = CsvRows(csv);
        Assert.Equal("Datum;Resenär;Anställningsnummer;Avdelning;Referens;Kostnadsställe;Typ;Produkt;Zoner;Syfte;Belopp exkl. moms;Moms;Totalt", rows[0]);
        Assert.Equal(bought.Count, rows.Count - 1);
        Assert.Equal(expected.TotalOre, rows.Skip(1).Sum(row => Ore(row.Split(';')[^1])));
        Assert.Equal(expected.VatOre, rows.Skip(1).Sum(row => Ore(row.Split(';')[^2])));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2};", rows[1]);

        Assert.Equal(1, pdf.Pages);
        Assert.Contains($"Faktura", pdf.Text);
        Assert.Contains(number, pdf.Text);
        Assert.Contains(closed.GetProperty("ocr").GetString()!, pdf.Text);
        Assert.Contains(InvoiceSeller.OrgNumber, pdf.Text);
        Assert.Contains(Money.ToNumber(expected.TotalOre) + " kr", pdf.Text);
        Assert.Contains(Money.ToNumber(expected.VatOre) + " kr", pdf.Text);
        foreach (var department in company.Departments)
        {
            Assert.Contains($"Summa referens {department.Reference}", pdf.Text);
        }

        var payrollRows = CsvRows(payroll).Skip(1).Select(row => row.Split(';')).ToList();
        Assert.Equal(staffTotals.Count, payrollRows.Count);
        Assert.Equal(staffTotals.Values.Sum(), payrollRows.Sum(row => Ore(row[3])));
        Assert.All(payrollRows, row => Assert.Equal("Bruttolöneavdrag", row[4]));
        Assert.Contains(payrollRows, row => row[0] == "A00");

        var listed = list.EnumerateArray().Single(item => item.GetProperty("month").GetString() == month);
        Assert.Equal("closed", listed.GetProperty("status").GetString());
        Assert.Equal(expected.TotalOre, listed.GetProperty("totalOre").GetInt64());
    }

    [Fact]
    public async Task LongInvoicesBreakIntoPagesAndCarryTheSameTotalAsTheCsv()
    {
        var month = InvoiceActivity.MoveToFreshMonth();
        var company = await InvoiceActivity.CreateCompanyAsync(Cluster);
        var traveller = await Travellers.CreateAsync(Cluster, company.Id, company.Departments[1].Id);
        var bought = await InvoiceActivity.ApprovedOrderAsync(Cluster, company, traveller, company.Departments[1].Id, [.. Enumerable.Range(0, 150).Select(i => 3500L + i)]);
        using var admin = await fixture.Web.SignedInClientAsync(company.AdminEmail, Travellers.Password);

        var pdf = PdfText.Read(await admin.GetByteArrayAsync($"/api/admin/invoices/{month}.pdf"));
        var csv = CsvRows(await admin.GetByteArrayAsync($"/api/admin/invoices/{month}.csv"));

        var total = bought.Sum(line => line.Price.TotalOre);
        Assert.True(pdf.Pages >= 3, $"{pdf.Pages} pages");
        Assert.Contains($"Sida {pdf.Pages} av {pdf.Pages}", pdf.Text);
        Assert.Contains("Preliminär faktura", pdf.Text);
        Assert.Contains(Money.ToNumber(total) + " kr", pdf.Text);
        Assert.Equal(total, csv.Skip(1).Sum(row => Ore(row.Split(';')[^1])));
    }

    [Fact]
    public async Task BadMonthsAreRefusedEarlyMonthsAreEmptyAndDepartmentAdminsSeeTheirOwnOnly()
    {
        var month = InvoiceActivity.MoveToFreshMonth();
        var company = await InvoiceActivity.CreateCompanyAsync(Cluster);
        var (mine, other) = (company.Departments[0].Id, company.Departments[1].Id);
        var traveller = await Travellers.CreateAsync(Cluster, company.Id, mine);
        var colleague = await Travellers.CreateAsync(Cluster, company.Id, other);
        var minePart = await InvoiceActivity.ApprovedOrderAsync(Cluster, company, traveller, mine, 11700);
        await InvoiceActivity.ApprovedOrderAsync(Cluster, company, colleague, other, 22200);
        var departmentAdminId = Guid.NewGuid();
        var departmentAdminEmail = $"avd-{departmentAdminId:N}@example.se";
        await Cluster.GetGrain<IUserGrain>(departmentAdminId).CreateAsync(new NewUser(
            "Dan", "Dahl", departmentAdminEmail, Travellers.Mobile, company.Id, mine, [Role.Traveller, Role.DepartmentAdmin], [mine], Travellers.Password));
        using var admin = await fixture.Web.SignedInClientAsync(company.AdminEmail, Travellers.Password);
        using var departmentAdmin = await fixture.Web.SignedInClientAsync(departmentAdminEmail, Travellers.Password);
        using var otherCompany = await fixture.Web.SignedInClientAsync((await InvoiceActivity.CreateCompanyAsync(Cluster)).AdminEmail, Travellers.Password);

        using var thirteenth = await admin.GetAsync("/api/admin/invoices/2026-13");
        using var abc = await admin.GetAsync("/api/admin/invoices/abc.csv");
        var early = await GetJsonAsync(admin, "/api/admin/invoices/2001-01");
        var own = await GetJsonAsync(departmentAdmin, $"/api/admin/invoices/{month}");
        using var foreign = await departmentAdmin.GetAsync($"/api/admin/invoices/{month}?departmentId={other}");
        var foreignCompany = await GetJsonAsync(otherCompany, $"/api/admin/invoices/{month}?");
        using var foreignDepartment = await otherCompany.GetAsync($"/api/admin/invoices/{month}?departmentId={mine}");

        Assert.Equal(HttpStatusCode.BadRequest, thirteenth.StatusCode);
        Assert.Contains("ÅÅÅÅ-MM", await thirteenth.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, abc.StatusCode);
        Assert.Equal("closed", early.GetProperty("status").GetString());
        Assert.Equal(0, early.GetProperty("totalOre").GetInt64());
        Assert.Empty(early.GetProperty("lines").EnumerateArray());
        Assert.Equal(minePart.Sum(line => line.Price.TotalOre), own.GetProperty("totalOre").GetInt64());
        Assert.Equal(mine, Assert.Single(own.GetProperty("departments").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(0, foreignCompany.GetProperty("totalOre").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, foreignDepartment.StatusCode);
    }

    private static readonly TimeSpan InvoiceGrain5Minutes = TimeSpan.FromMinutes(5);

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static List<string> CsvRows(byte[] csv) =>
        [.. Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries)];

    /// <summary><c>117,00</c> → 11700.</summary>
    private static long Ore(string amount) => Kronor.TryParseOre(amount.Trim('"'), out var ore) ? ore : throw new FormatException(amount);
}
