using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kalmar.Tests.Fixtures;

public static class ApiClientExtensions
{
    public static Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });

    /// <summary>Signs in through the API and returns the bearer token.</summary>
    public static async Task<string> LoginForTokenAsync(this HttpClient client, string email, string password)
    {
        using var response = await client.PostLoginAsync(email, password);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("token").GetString()!;
    }

    /// <summary>A client of <paramref name="factory"/> that sends <paramref name="token"/> on every request.</summary>
    public static HttpClient CreateClientWithToken(this KalmarWebFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client of <paramref name="web"/> signed in as <paramref name="email"/> with a bearer token.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this KalmarWebFactory web, string email, string password) =>
        web.CreateClientWithToken(await web.CreateClient().LoginForTokenAsync(email, password));

    /// <summary>A client of <paramref name="web"/> signed in as the demo admin <paramref name="email"/>.</summary>
    public static Task<HttpClient> SignedInAdminAsync(this KalmarWebFactory web, string email) =>
        web.SignedInClientAsync(email, Demo.AdminPassword);

    /// <summary>The status of a GET of <paramref name="path"/>, the response disposed.</summary>
    public static async Task<HttpStatusCode> StatusOfAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
