using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;

namespace Kalmar.Bench.Portal;

/// <summary>
/// A company of the benchmark's own with one admin and fresh travellers. Users are created through the grains as
/// DemoData creates them (the API has no route for that); everything a traveller then does is the app's own path:
/// the admin grants business travel, the traveller activates the app with the SMS code and adds AllPay.
/// </summary>
public sealed class Seeder(BenchCluster cluster, PortalHttp portal, ActivationCodes codes)
{
    public static readonly Guid CompanyId = new("b3c40000-0000-4000-8000-000000000001");
    public static readonly Guid DepartmentId = new("b3c40000-0000-4000-8000-000000000011");
    private static readonly Guid AdminId = new("b3c40000-0000-4000-8000-000000000101");
    private const string AdminEmail = "bench-admin@example.se";
    private const string AdminPassword = "Bench-Admin-2026";
    private int _travellers;

    /// <summary>Creates the company and its admin; returns the admin's bearer token.</summary>
    public Task<string> CreateCompanyAsync() => CreateCompanyAsync(
        new CompanyInfo(CompanyId, "Benchmark AB", StaffOfferAvailable: true, [new DepartmentInfo(DepartmentId, "Mätning", "BENCH-1")])
        {
            MaxMonthlyLimitOre = Purchasing.Accounts.UnreachableLimitOre,
        },
        AdminId, AdminEmail);

    /// <summary>Creates a company and its company admin (in its first department, with an e-mail no other user has); returns the admin's bearer token.</summary>
    public async Task<string> CreateCompanyAsync(CompanyInfo company, Guid adminId, string adminEmail)
    {
        var grains = cluster.Client;
        await grains.GetGrain<ICompanyGrain>(company.Id).CreateAsync(company);
        await grains.GetGrain<IUserGrain>(adminId).CreateAsync(new NewUser(
            "Bo", "Bänk", adminEmail, "+46700000001", company.Id, company.Departments[0].Id, [Role.Traveller, Role.CompanyAdmin], [], AdminPassword));
        var login = await portal.SendForJsonAsync(HttpMethod.Post, "/api/auth/login", token: null, new { email = adminEmail, password = AdminPassword });
        return login.GetProperty("token").GetString()!;
    }

    public async Task<IReadOnlyList<Traveller>> CreateTravellersAsync(int count, string adminToken)
    {
        var created = new Traveller[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            created[i] = await CreateTravellerAsync(Interlocked.Increment(ref _travellers), adminToken));
        return created;
    }

    private async Task<Traveller> CreateTravellerAsync(int number, string adminToken)
    {
        var id = Guid.NewGuid();
        var mobile = $"+4670{1_000_000 + number}";
        await cluster.Client.GetGrain<IUserGrain>(id).CreateAsync(new NewUser(
            "Resenär", $"Nr {number}", $"bench-{number}@example.se", mobile, CompanyId, DepartmentId, [Role.Traveller], [], Password: null));
        await portal.SendForJsonAsync(HttpMethod.Put, $"/api/admin/travellers/{id}/business-travel", adminToken,
            new { enabled = true, monthlyLimitOre = Purchasing.Accounts.UnreachableLimitOre });
        var (username, code) = await codes.NewestForAsync(mobile);
        var activated = await portal.SendForJsonAsync(HttpMethod.Post, "/api/app/activate", token: null, new { username, code });
        var token = activated.GetProperty("token").GetString()!;
        await portal.SendForJsonAsync(HttpMethod.Post, "/api/app/payment-methods", token, new { type = "allpay" });
        return new Traveller(id, mobile, token);
    }
}
