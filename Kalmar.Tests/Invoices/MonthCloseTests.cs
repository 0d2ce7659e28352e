using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Invoices;

/// <summary>
/// The month close on the fake business clock: the last minute is in the month, midnight in the next; a close run twice
/// or by many companies at once gives one invoice each, numbers without gaps or repeats, and one e-mail.
/// </summary>
[Collection(InvoiceCollection.Name)]
public sealed class MonthCloseTests(InvoiceFixture fixture)
{
    private IClusterClient Cluster => fixture.Cluster.Client;

    [Fact]
    public async Task APurchaseAt2359IsOnThatMonthsInvoiceAndOneAtMidnightOnTheNext()
    {
        var month = InvoiceActivity.MoveToFreshMonth();
        var company = await InvoiceActivity.CreateCompanyAsync(Cluster);
        var traveller = await Travellers.CreateAsync(Cluster, company.Id, company.Departments[0].Id);
        var travel = await InvoiceActivity.AllPayAsync(Cluster, traveller);
        var invoices = Cluster.GetGrain<IInvoiceGrain>(company.Id);

        InvoiceActivity.MoveToEndOf(month, -TimeSpan.FromMinutes(1));
        var lastMinute = await InvoiceActivity.BusinessTripAsync(travel, company.Departments[0].Id, traveller.Id, ["101"], "Sent möte");
        TestClock.Instance.Advance(TimeSpan.FromMinutes(1));
        var midnight = await InvoiceActivity.BusinessTripAsync(travel, company.Departments[0].Id, traveller.Id, ["101", "131"], "Tidigt möte");
        var withinGrace = await invoices.CloseDueMonthsAsync();
        TestClock.Instance.Advance(InvoiceGraceAndASecond);
        var closed = await invoices.CloseDueMonthsAsync();

        Assert.Empty(withinGrace);
        Assert.Single(closed);
        var lines = await Sql.ReadAsync(fixture.Cluster,
            "select l.total_ore, i.month from invoice_lines l join invoices i on i.id = l.invoice_id where i.company_id = $1",
            reader => (reader.GetInt64(0), reader.GetString(1)), company.Id);
        Assert.Equal([(lastMinute.Price.TotalOre, month)], lines);
        var open = await Sql.ReadAsync(fixture.Cluster,
            "select total_ore, month from invoice_line_source s where company_id = $1 and not exists (select 1 from invoice_lines f where f.id = s.id)",
            reader => (reader.GetInt64(0), reader.GetString(1)), company.Id);
        Assert.Equal([(midnight.Price.TotalOre, InvoiceMonth.Next(month))], open);
    }

    [Fact]
    public async Task ClosingTwiceGivesOneInvoiceOneNumberAndOneEmailAndTheInvoiceNeverChanges()
    {
        var month = InvoiceActivity.MoveToFreshMonth();
        var company = await InvoiceActivity.CreateCompanyAsync(Cluster);
        var traveller = await Travellers.CreateAsync(Cluster, company.Id, company.Departments[2].Id);
        var bought = await InvoiceActivity.ApprovedOrderAsync(Cluster, company, traveller, company.Departments[2].Id, 11700);
        var invoices = Cluster.GetGrain<IInvoiceGrain>(company.Id);
        InvoiceActivity.MoveToEndOf(month, InvoiceGraceAndASecond);

        var first = await Task.WhenAll(invoices.CloseDueMonthsAsync(), invoices.CloseDueMonthsAsync());
        var again = await invoices.CloseDueMonthsAsync();
        await invoices.ScheduleAsync();

        Assert.Single(first.SelectMany(numbers => numbers));
        Assert.Empty(again);
        var stored = await Sql.ReadAsync(fixture.Cluster, "select number, total_ore, ocr from invoices where company_id = $1",
            reader => (reader.GetString(0), reader.GetInt64(1), reader.GetString(2)), company.Id);
        var (number, total, ocr) = Assert.Single(stored);
        Assert.Equal(12402, total);
        Assert.Equal(bought[0].Price.TotalOre, total);
        Assert.True(InvoiceOcr.IsValid(ocr));
        var mail = Assert.Single(await OutboxReader.ToAsync(fixture.Cluster, company.InvoiceEmail));
        Assert.Contains(number, mail.Subject);
        Assert.Contains(ocr, mail.Body);
        Assert.Contains("124,02", mail.Body);
        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() =>
            Sql.ReadAsync(fixture.Cluster, "update invoices set total_ore = 0 where company_id = $1 returning id", reader => reader.GetGuid(0), company.Id));
    }

    [Fact]
    public async Task ManyCompaniesClosingAtOnceGetNumbersWithoutGapsOrRepeats()
    {
        var month = InvoiceActivity.MoveToFreshMonth();
        var companies = new List<InvoiceActivity.Company>();
        for (var i = 0; i < 12; i++)
        {
            var company = await InvoiceActivity.CreateCompanyAsync(Cluster);
            var traveller = await Travellers.CreateAsync(Cluster, company.Id, company.Departments[0].Id);
            await InvoiceActivity.ApprovedOrderAsync(Cluster, company, traveller, company.Departments[0].Id, 3500 + i);
            companies.Add(company);
        }

        InvoiceActivity.MoveToEndOf(month, InvoiceGraceAndASecond);
        var closed = await Task.WhenAll(companies.Select(company => Cluster.GetGrain<IInvoiceGrain>(company.Id).CloseDueMonthsAsync()));

        Assert.All(closed, numbers => Assert.Single(numbers));
        var year = Stockholm.ToLocal(TestClock.Instance.GetUtcNow()).Year;
        var sequences = await Sql.ReadAsync(fixture.Cluster, "select sequence from invoices where year = $1 order by sequence", reader => reader.GetInt32(0), year);
        Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);
        Assert.Equal(closed.Select(numbers => numbers[0]).Distinct().Count(), companies.Count);
    }

    private static readonly TimeSpan InvoiceGraceAndASecond = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);
}
