using Kalmar.Contracts.Model;

namespace Kalmar.Silo.DemoData;

/// <summary>
/// The demo companies and users of api.md. Fixed ids make loading them idempotent: a restart finds
/// each grain already created and changes nothing.
/// </summary>
public static class DemoAccounts
{
    public static readonly Guid ExempelAb = new("6d3c1f4e-0000-4000-8000-000000000001");
    public static readonly Guid Avdelning21 = new("6d3c1f4e-0000-4000-8000-000000000011");
    public static readonly Guid Ekonomi = new("6d3c1f4e-0000-4000-8000-000000000012");
    public static readonly Guid RegionKalmarLan = new("6d3c1f4e-0000-4000-8000-000000000002");
    public static readonly Guid RegionKansli = new("6d3c1f4e-0000-4000-8000-000000000021");

    public static readonly Guid Emmy = new("6d3c1f4e-0000-4000-8000-000000000101");
    public static readonly Guid Anna = new("6d3c1f4e-0000-4000-8000-000000000102");
    public static readonly Guid Dan = new("6d3c1f4e-0000-4000-8000-000000000103");
    public static readonly Guid Rut = new("6d3c1f4e-0000-4000-8000-000000000104");
    public static readonly Guid Olle = new("6d3c1f4e-0000-4000-8000-000000000105");

    public const string TravellerPassword = "Resenar-2026";
    public const string AdminPassword = "Admin-2026";
    public const string OperatorPassword = "Operator-2026";

    /// <summary>The highest monthly credit per traveller in the demo companies: 10 000 kr.</summary>
    public const long MaxMonthlyLimitOre = 1_000_000;

    public static IReadOnlyList<CompanyInfo> Companies { get; } =
    [
        new(ExempelAb, "Exempel AB", StaffOfferAvailable: true,
            [new(Avdelning21, "Avdelning 21", "REF-21") { CostCentre = "KS-2100" }, new(Ekonomi, "Ekonomi", "REF-EKO") { CostCentre = "KS-3000" }])
        {
            OrgNumber = "556677-8899",
            InvoiceEmail = "ekonomi@example.se",
            InvoiceAddress = new PostalAddress("Storgatan 1", "392 32", "Kalmar"),
            MaxMonthlyLimitOre = MaxMonthlyLimitOre,
        },
        new(RegionKalmarLan, "Region Kalmar län", StaffOfferAvailable: false,
            [new(RegionKansli, "Regionkansliet", "RK-100") { CostCentre = "RK-1000" }])
        {
            OrgNumber = "232100-0099",
            InvoiceEmail = "faktura@regionkalmar.example.se",
            InvoiceAddress = new PostalAddress("Box 601", "391 26", "Kalmar"),
            MaxMonthlyLimitOre = MaxMonthlyLimitOre,
        },
    ];

    public static IReadOnlyList<(Guid Id, NewUser User)> Users { get; } =
    [
        (Emmy, new("Emmy", "Nilsson", "emmy@example.se", "+46706555611", ExempelAb, Avdelning21,
            [Role.Traveller], [], TravellerPassword)),
        (Anna, new("Anna", "Andersson", "anna@example.se", "+46701234567", ExempelAb, Ekonomi,
            [Role.Traveller, Role.CompanyAdmin], [], AdminPassword)),
        (Dan, new("Dan", "Dahl", "dan@example.se", "+46702345678", ExempelAb, Avdelning21,
            [Role.Traveller, Role.DepartmentAdmin], [Avdelning21], AdminPassword)),
        (Rut, new("Rut", "Regin", "rut@example.se", "+46703456789", RegionKalmarLan, RegionKansli,
            [Role.Traveller], [], TravellerPassword)),
        // Kalmar länstrafik's own customer service: no company, no department.
        (Olle, new("Olle", "Ek", "olle@klt.example.se", "+46704567890", Guid.Empty, Guid.Empty,
            [Role.Operator], [], OperatorPassword)),
    ];
}
