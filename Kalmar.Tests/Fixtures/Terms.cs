using System.Net.Http.Json;
using Kalmar.Contracts.Model;

namespace Kalmar.Tests.Fixtures;

/// <summary>
/// Pages send a user who has not accepted Integritetspolicy and Allmänna villkor to Godkänn villkor
/// first; tests about other pages accept them beforehand, through the public API.
/// </summary>
public static class Terms
{
    public static async Task AcceptAsync(KalmarWebFactory web, string email, string password)
    {
        using var anonymous = web.CreateClient();
        using var client = web.CreateClientWithToken(await anonymous.LoginForTokenAsync(email, password));
        using var response = await client.PostAsJsonAsync("/api/me/terms", new { version = TermsAcceptance.CurrentVersion });
        response.EnsureSuccessStatusCode();
    }
}
