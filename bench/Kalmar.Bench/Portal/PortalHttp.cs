using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kalmar.Bench.Portal;

/// <summary>The portal's public API as the app uses it: JSON with a bearer token.</summary>
public sealed class PortalHttp(HttpClient http)
{
    public HttpClient Client => http;

    public static HttpClient CreateClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        // Enough connections that no request of a 64-wide load waits for one.
        MaxConnectionsPerServer = 512,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        // The app sends only its bearer token; a sign-in's cookie would make every later request a browser's (antiforgery).
        UseCookies = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Sends <paramref name="body"/> as JSON, or as it is when it is already <see cref="HttpContent"/> (a multipart form).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    /// <summary>Sends and returns the JSON answer; anything but success stops the run, with the answer in the message.</summary>
    public async Task<JsonElement> SendForJsonAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        using var response = await SendAsync(method, path, token, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
