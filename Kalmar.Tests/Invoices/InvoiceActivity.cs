using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Invoices;

/// <summary>Fresh invoiced companies and what their travellers buy, through the grains, on the fake business clock.</summary>
public static class InvoiceActivity
{
    public sealed record Company(Guid Id, string InvoiceEmail, IReadOnlyList<DepartmentInfo> Departments, Guid AdminId, string AdminEmail);

    /// <summary>What was bought: the amounts the invoice must show, per line.</summary>
    public sealed record Bought(Guid DepartmentId, string Kind, Guid TravellerId, PriceBreakdown Price);

    /// <summary>A company with three departments, an invoice address and a company admin (password <see cref="Travellers.Password"/>).</summary>
    public static async Task<Company> CreateCompanyAsync(IClusterClient cluster)
    {
        var id = Guid.NewGuid();
        var tag = id.ToString("N")[..6];
        DepartmentInfo[] departments =
        [
            new(Guid.NewGuid(), "Lager", $"REF-L-{tag}") { CostCentre = $"KS-1-{tag}" },
            new(Guid.NewGuid(), "Kontor", $"REF-K-{tag}") { CostCentre = $"KS-2-{tag}" },
            new(Guid.NewGuid(), "Ekonomi", $"REF-E-{tag}"),
        ];
        var email = $"faktura-{tag}@example.se";
        await cluster.GetGrain<ICompanyGrain>(id).CreateAsync(new CompanyInfo(id, $"Fakturabolaget {tag} AB", StaffOfferAvailable: true, departments)
        {
            OrgNumber = Companies.NewOrgNumber(),
            InvoiceEmail = email,
            InvoiceAddress = new PostalAddress("Storgatan 1", "392 32", "Kalmar"),
            MaxMonthlyLimitOre = 10_000_000,
        });
        var adminId = Guid.NewGuid();
        var adminEmail = $"admin-{adminId:N}@example.se";
        await cluster.GetGrain<IUserGrain>(adminId).CreateAsync(new NewUser(
            "Ada", "Admin", adminEmail, Travellers.Mobile, id, departments[0].Id, [Role.Traveller, Role.CompanyAdmin], [], Travellers.Password));
        return new Company(id, email, departments, adminId, adminEmail);
    }

    /// <summary>An approved staff-offer order of one line per price in <paramref name="exclVatOre"/>.</summary>
    public static async Task<IReadOnlyList<Bought>> ApprovedOrderAsync(
        IClusterClient cluster, Company company, Travellers.Traveller traveller, Guid departmentId, params long[] exclVatOre)
    {
        TicketLine[] lines =
        [
            .. exclVatOre.Select(ore => new TicketLine(
                Guid.NewGuid(), "20261130|110-VARDAG-0-0800:1:9", "Kalmar C", "Nybro station", DateTimeOffset.UtcNow, ["101", "131"],
                "enkel", "Enkelbiljett", "vuxen", "Vuxen", new Carrier(CarrierType.App, Travellers.Mobile), Vat.Breakdown(ore))),
        ];
        var submission = new OrderSubmission(
            traveller.Id, traveller.Name, traveller.Email, Travellers.Mobile, company.Id, departmentId, "Avdelning", lines, DateTimeOffset.UtcNow);
        var order = cluster.GetGrain<IOrderGrain>(Guid.NewGuid());
        await order.SubmitAsync(submission);
        var decided = await order.DecideAsync(new OrderDecision(true, company.AdminId, "Ada Admin", null));
        Assert.Equal(OrderStatus.Approved, decided.Value!.Status);
        return [.. lines.Select(line => new Bought(departmentId, "staff-offer", traveller.Id, line.Price))];
    }

    /// <summary>Grants business travel with AllPay to <paramref name="traveller"/>.</summary>
    public static async Task<IBusinessTravelGrain> AllPayAsync(IClusterClient cluster, Travellers.Traveller traveller)
    {
        var travel = cluster.GetGrain<IBusinessTravelGrain>(traveller.Id);
        Assert.Null((await travel.GrantAsync(true, 1_000_000)).Rejection);
        Assert.Null((await travel.AddAllPayAsync()).Rejection);
        return travel;
    }

    public static async Task<Bought> BusinessTripAsync(IBusinessTravelGrain travel, Guid departmentId, Guid travellerId, string[] zones, string purpose)
    {
        var bought = await travel.BuyAsync(new BusinessTripPurchase(Guid.NewGuid().ToString("N"), "enkel", "vuxen", zones, purpose));
        Assert.Null(bought.Rejection);
        var total = bought.Value!.Ticket.PriceOre;
        var excl = (long)Math.Round(total / 1.06m, MidpointRounding.AwayFromZero);
        Assert.Equal(total, Vat.Breakdown(excl).TotalOre); // prices are excl. VAT in whole öre, so the split is unique
        return new Bought(departmentId, "business-trip", travellerId, Vat.Breakdown(excl));
    }

    /// <summary>Moves the business clock to 12:00 on the 10th of the next month not yet begun, and names that month.</summary>
    public static string MoveToFreshMonth()
    {
        var start = Stockholm.NextMonthStart(TestClock.Instance.GetUtcNow());
        TestClock.Instance.SetUtcNow(start + TimeSpan.FromDays(9) + TimeSpan.FromHours(12));
        return Stockholm.MonthOf(start);
    }

    /// <summary>Moves the business clock to <paramref name="offset"/> after <paramref name="month"/> ends (00:00 Stockholm on the next 1st).</summary>
    public static void MoveToEndOf(string month, TimeSpan offset) =>
        TestClock.Instance.SetUtcNow(InvoiceMonth.Start(InvoiceMonth.Next(month)) + offset);
}
