using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Silo.DemoData;

namespace Kalmar.Tests.Fixtures;

/// <summary>Fresh travellers for tests that change a traveller's cart or orders, so tests do not share state.</summary>
public static class Travellers
{
    public const string Password = "Testresenar-2026";

    /// <summary>Every test traveller's mobile number, where business-travel SMS go.</summary>
    public const string Mobile = "+46701112233";

    public sealed record Traveller(Guid Id, string Email, string Name);

    public static async Task<Traveller> CreateAsync(
        IClusterClient cluster, Guid? companyId = null, Guid? departmentId = null, string firstName = "Test", string lastName = "Resenär")
    {
        var id = Guid.NewGuid();
        var email = $"resenar-{id:N}@example.se";
        await cluster.GetGrain<IUserGrain>(id).CreateAsync(new NewUser(
            firstName, lastName, email, Mobile, companyId ?? DemoAccounts.ExempelAb, departmentId ?? DemoAccounts.Avdelning21,
            [Role.Traveller], [], Password));
        return new Traveller(id, email, $"{firstName} {lastName}");
    }

    /// <summary>A bearer-token client of <paramref name="web"/> signed in as a fresh traveller.</summary>
    public static async Task<(Traveller Traveller, HttpClient Client)> SignedInAsync(KalmarCluster cluster, KalmarWebFactory web)
    {
        var traveller = await CreateAsync(cluster.Client);
        var token = await web.CreateClient().LoginForTokenAsync(traveller.Email, Password);
        return (traveller, web.CreateClientWithToken(token));
    }
}
