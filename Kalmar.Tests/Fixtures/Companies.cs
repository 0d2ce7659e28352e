using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;

namespace Kalmar.Tests.Fixtures;

/// <summary>Fresh companies for tests that must not share Exempel AB's travellers, admins or limits.</summary>
public static class Companies
{
    public sealed record Company(Guid Id, Guid DepartmentId, Guid OtherDepartmentId, Guid AdminId, string AdminEmail);

    /// <summary>A company with two departments and one company admin (password <see cref="Travellers.Password"/>).</summary>
    public static async Task<Company> CreateAsync(IClusterClient cluster, long maxMonthlyLimitOre = 1_000_000)
    {
        var (id, first, second, adminId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await cluster.GetGrain<ICompanyGrain>(id).CreateAsync(new CompanyInfo(
            id, $"Testbolag {id:N}"[..20], StaffOfferAvailable: true,
            [new(first, "Lager", $"L-{id:N}"[..10]), new(second, "Kontor", $"K-{id:N}"[..10])]) { MaxMonthlyLimitOre = maxMonthlyLimitOre });
        var email = $"admin-{adminId:N}@example.se";
        await cluster.GetGrain<IUserGrain>(adminId).CreateAsync(new NewUser(
            "Ada", "Admin", email, Travellers.Mobile, id, first, [Role.Traveller, Role.CompanyAdmin], [], Travellers.Password));
        return new Company(id, first, second, adminId, email);
    }

    /// <summary>An organisation number no other test uses, with its Luhn check digit.</summary>
    public static string NewOrgNumber()
    {
        var digits = $"55{Random.Shared.NextInt64(0, 10_000_000):D7}";
        var sum = digits.Select((c, i) => (c - '0') * (i % 2 == 0 ? 2 : 1)).Sum(v => v / 10 + v % 10);
        return $"{digits[..6]}-{digits[6..]}{(10 - sum % 10) % 10}";
    }
}
