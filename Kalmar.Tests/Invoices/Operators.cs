using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Invoices;

/// <summary>A KLT operator (no company, no department) for a cluster without demo data.</summary>
public static class Operators
{
    public static async Task<string> CreateAsync(IClusterClient cluster)
    {
        var id = Guid.NewGuid();
        var email = $"operator-{id:N}@klt.example.se";
        await cluster.GetGrain<IUserGrain>(id).CreateAsync(new NewUser(
            "Olle", "Operatör", email, Travellers.Mobile, Guid.Empty, Guid.Empty, [Role.Operator], [], Travellers.Password));
        return email;
    }

    /// <summary>A client that keeps the operator's sign-in cookie, as a browser does, with the terms accepted.</summary>
    public static async Task<HttpClient> BrowserAsync(KalmarWebFactory web, string email)
    {
        await Terms.AcceptAsync(web, email, Travellers.Password);
        var browser = web.CreateClient();
        (await browser.PostLoginAsync(email, Travellers.Password)).EnsureSuccessStatusCode();
        return browser;
    }
}
