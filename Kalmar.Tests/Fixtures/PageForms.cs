using System.Text.RegularExpressions;

namespace Kalmar.Tests.Fixtures;

/// <summary>Posting the portal's forms from an HttpClient that keeps cookies, as a browser does.</summary>
public static partial class PageForms
{
    /// <summary>The page's antiforgery token (its cookie stays in the client).</summary>
    public static async Task<string> TokenAsync(HttpResponseMessage page)
    {
        page.EnsureSuccessStatusCode();
        return AntiforgeryToken().Match(await page.Content.ReadAsStringAsync()).Groups["token"].Value;
    }

    public static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value))]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
