using System.Net;
using System.Text;
using System.Text.Json;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Grains.Invoices;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Invoices;

/// <summary>
/// Credit account = credit ledger = invoice, to the öre: clean data agrees, a ledger row planted behind the account's back
/// is found in the open month and in the closed one (where the invoice disagrees too), and /health/ready turns degraded
/// until it is gone. KLT's operators see every company's invoice of a month and book them from one CSV.
/// </summary>
[Collection(InvoiceCollection.Name)]
public sealed class ReconciliationTests(InvoiceFixture fixture)
{
    private IClusterClient Cluster => fixture.Cluster.Client;

    [Fact]
    public async Task APlantedLedgerRowIsFoundInTheOpenAndTheClosedMonthAndReadyIsDegradedUntilItIsGone()
    {
        var closedMonth = InvoiceActivity.MoveToFreshMonth();
        var company = await InvoiceActivity.CreateCompanyAsync(Cluster);
        var department = company.Departments[0].Id;
        var traveller = await Travellers.CreateAsync(Cluster, company.Id, department);
        var travel = await InvoiceActivity.AllPayAsync(Cluster, traveller);
        var closedTrips = new[]
        {
            await InvoiceActivity.BusinessTripAsync(travel, department, traveller.Id, ["101"], "Kundmöte"),
            await InvoiceActivity.BusinessTripAsync(travel, department, traveller.Id, ["101", "131"], "Utbildning"),
        }.Sum(trip => trip.Price.TotalOre);
        InvoiceActivity.MoveToEndOf(closedMonth, InvoiceGrain.Grace + TimeSpan.FromSeconds(1));
        Assert.Single(await Cluster.GetGrain<IInvoiceGrain>(company.Id).CloseDueMonthsAsync());
        TestClock.Instance.Advance(TimeSpan.FromDays(2));
        var openMonth = InvoiceMonth.Next(closedMonth);
        var openTrip = (await InvoiceActivity.BusinessTripAsync(travel, department, traveller.Id, ["101"], "Kundmöte")).Price.TotalOre;
        using var olle = await fixture.Web.SignedInClientAsync(await Operators.CreateAsync(Cluster), Travellers.Password);
        using var probe = fixture.Web.CreateClient();

        var clean = await RunAsync(olle);
        var readyWhenClean = await probe.GetStringAsync("/health/ready");
        Guid[] planted = [await PlantAsync(traveller.Id, closedMonth, 500), await PlantAsync(traveller.Id, openMonth, 300)];
        var found = await RunAsync(olle);
        using var readyWithMismatches = await probe.GetAsync("/health/ready");
        using var latest = await olle.GetAsync("/api/operator/reconciliation");
        var latestRun = await latest.ReadJsonAsync();
        await Sql.ReadAsync(fixture.Cluster, "delete from credit_ledger where id = any($1) returning id", row => row.GetGuid(0), planted);
        var cleanAgain = await RunAsync(olle);
        var readyAgain = await probe.GetStringAsync("/health/ready");

        Assert.Empty(clean.GetProperty("mismatches").EnumerateArray());
        Assert.True(clean.GetProperty("accounts").GetInt32() >= 1);
        Assert.Equal("Healthy", readyWhenClean);
        var mismatches = found.GetProperty("mismatches").EnumerateArray()
            .Where(mismatch => mismatch.GetProperty("travellerId").GetGuid() == traveller.Id)
            .Select(mismatch => (
                mismatch.GetProperty("month").GetString(), mismatch.GetProperty("company").GetString(), mismatch.GetProperty("accountOre").GetInt64(),
                mismatch.GetProperty("ledgerOre").GetInt64(),
                mismatch.GetProperty("invoiceOre").ValueKind == JsonValueKind.Null ? (long?)null : mismatch.GetProperty("invoiceOre").GetInt64()))
            .OrderBy(mismatch => mismatch.Item1)
            .ToList();
        var companyName = mismatches.Select(mismatch => mismatch.Item2).FirstOrDefault();
        List<(string?, string?, long, long, long?)> expected =
            [(closedMonth, companyName, closedTrips, closedTrips + 500, closedTrips), (openMonth, companyName, openTrip, openTrip + 300, null)];
        Assert.Equal(expected, mismatches);
        Assert.StartsWith("Fakturabolaget", companyName, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, readyWithMismatches.StatusCode);
        Assert.Equal("Degraded", await readyWithMismatches.Content.ReadAsStringAsync());
        Assert.Equal(found.GetProperty("checkedAt").GetDateTimeOffset(), latestRun.GetProperty("checkedAt").GetDateTimeOffset());
        Assert.Equal(found.GetProperty("mismatches").GetArrayLength(), latestRun.GetProperty("mismatches").GetArrayLength());
        Assert.Empty(cleanAgain.GetProperty("mismatches").EnumerateArray());
        Assert.Equal("Healthy", readyAgain);
    }

    [Fact]
    public async Task OperatorsSeeEveryCompanysInvoiceAndBookTheMonthFromOneCsvWhileOthersAreRefused()
    {
        var month = InvoiceActivity.MoveToFreshMonth();
        var company = await InvoiceActivity.CreateCompanyAsync(Cluster);
        var traveller = await Travellers.CreateAsync(Cluster, company.Id, company.Departments[1].Id);
        var bought = Vat.Sum((await InvoiceActivity.ApprovedOrderAsync(Cluster, company, traveller, company.Departments[1].Id, 11700, 3499))
            .Select(line => line.Price));
        InvoiceActivity.MoveToEndOf(month, InvoiceGrain.Grace + TimeSpan.FromSeconds(1));
        var number = Assert.Single(await Cluster.GetGrain<IInvoiceGrain>(company.Id).CloseDueMonthsAsync());
        var operatorEmail = await Operators.CreateAsync(Cluster);
        using var olle = await fixture.Web.SignedInClientAsync(operatorEmail, Travellers.Password);
        using var browser = await Operators.BrowserAsync(fixture.Web, operatorEmail);
        using var admin = await fixture.Web.SignedInClientAsync(company.AdminEmail, Travellers.Password);

        var csv = await olle.GetByteArrayAsync($"/api/operator/invoices/{month}.csv");
        var page = await browser.GetStringAsync($"/operator/fakturor?month={month}");
        var token = await PageForms.TokenAsync(await browser.GetAsync("/operator/avstamning"));
        using var ran = await browser.PostAsync("/operator/avstamning?handler=Run", PageForms.Form(token));
        var reconciliationPage = await ran.Content.ReadAsStringAsync();
        using var badMonth = await olle.GetAsync("/api/operator/invoices/2026-13.csv");
        using var adminCsv = await admin.GetAsync($"/api/operator/invoices/{month}.csv");
        using var adminList = await admin.GetAsync($"/api/operator/invoices/{month}");
        using var adminRun = await admin.PostAsync("/api/operator/reconciliation", null);
        using var adminLatest = await admin.GetAsync("/api/operator/reconciliation");

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var rows = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Företag;Organisationsnummer;Fakturanummer;OCR;Fakturadatum;Förfallodatum;Belopp exkl. moms;Moms;Totalt", rows[0]);
        var row = rows.Single(line => line.Contains(number, StringComparison.Ordinal)).Split(';');
        Assert.Equal(number, row[2]);
        Assert.True(InvoiceOcr.IsValid(row[3]));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", row[4]);
        Assert.Equal(new[] { InvoiceCsvAmount(bought.ExclVatOre), InvoiceCsvAmount(bought.VatOre), InvoiceCsvAmount(bought.TotalOre) }, row[6..]);
        Assert.Contains(number, page, StringComparison.Ordinal);
        Assert.Contains(Money.ToKronor(bought.TotalOre), page, StringComparison.Ordinal);
        Assert.Contains("href=\"/operator/fakturor\"", page, StringComparison.Ordinal);
        Assert.Contains("Kör avstämning nu", reconciliationPage, StringComparison.Ordinal);
        Assert.Contains("Avstämningen", reconciliationPage, StringComparison.Ordinal);
        Assert.Contains("Senaste avstämning", reconciliationPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        Assert.All(new[] { adminCsv, adminList, adminRun, adminLatest }, response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
    }

    private static async Task<JsonElement> RunAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/operator/reconciliation", null);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    /// <summary>A charge the credit account never made: a copy of the traveller's first charge, <paramref name="ore"/> in <paramref name="month"/>.</summary>
    private async Task<Guid> PlantAsync(Guid travellerId, string month, long ore) =>
        (await Sql.ReadAsync(fixture.Cluster,
            """
            insert into credit_ledger (id, traveller_id, company_id, department_id, month, charged_at, product, zones, purpose,
                                       amount_excl_vat_ore, vat_ore, total_ore, idempotency_key)
            select $1, traveller_id, company_id, department_id, $2, charged_at, product, zones, 'Planterad', 0, $3, $3, $1::text
            from credit_ledger where traveller_id = $4 limit 1
            returning id
            """, row => row.GetGuid(0), Guid.NewGuid(), month, ore, travellerId)).Single();

    private static string InvoiceCsvAmount(long ore) => (ore / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',');
}
