using System.Net;
using Kalmar.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Kalmar.Tests.Web;

/// <summary>Issue 16, finding 8: the data-protection key ring is stored encrypted with the configured certificate.</summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task WithACertificateTheStoredKeyRingIsEncryptedAndAnotherNodeWithItReadsCookiesAndTokens()
    {
        await using var cluster = await KalmarCluster.StartAsync(await (await PostgresServer.Shared).CreateDatabaseAsync());
        using var certificate = new KeyRingCertificateFile();
        await using var first = new KalmarWebFactory(cluster, certificate.Settings);
        await using var second = new KalmarWebFactory(cluster, certificate.Settings);
        var traveller = await Travellers.CreateAsync(cluster.Client);
        var cookies = new CookieContainer();
        var token = await first.CreateDefaultClient(new CookieContainerHandler(cookies)).LoginForTokenAsync(traveller.Email, Travellers.Password);

        using var byToken = await second.CreateClientWithToken(token).GetAsync("/api/me");
        using var cookieClient = second.CreateClient();
        cookieClient.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(first.Server.BaseAddress));
        using var byCookie = await cookieClient.GetAsync("/api/me");
        var stored = await Sql.ReadAsync(cluster, "select xml from data_protection_keys", row => row.GetString(0));

        Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byCookie.StatusCode);
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
        });
    }
}
