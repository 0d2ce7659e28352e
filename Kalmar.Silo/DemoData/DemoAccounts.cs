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

    public const string TravellerPassword = "Resenar-2026";
    public const string AdminPassword = "Admin-2026";

    public static IReadOnlyList<CompanyInfo> Companies { get; } =
    [
        new(ExempelAb, "Exempel AB", StaffOfferAvailable: true,
            [new(Avdelning21, "Avdelning 21", "REF-21"), new(Ekonomi, "Ekonomi", "REF-EKO")]),
        new(RegionKalmarLan, "Region Kalmar län", StaffOfferAvailable: false,
            [new(RegionKansli, "Regionkansliet", "RK-100")]),
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
    ];
}
