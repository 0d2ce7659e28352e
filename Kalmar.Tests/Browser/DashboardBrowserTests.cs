using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Kalmar.Tests.Browser;

/// <summary>
/// The Orleans dashboard behind the portal's Content-Security-Policy, in Chromium: its script runs and draws the
/// cluster, its style sheet applies, and the browser reports no violation of the policy.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture browser)
{
    private const string Olle = "olle@klt.example.se";

    /// <summary>Runs before the page's own scripts (and is not subject to its policy): records what the policy blocks.</summary>
    private const string RecordViolations = """
        window.violations = [];
        document.addEventListener('securitypolicyviolation', e => window.violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
        """;

    [Fact]
    public async Task OperatorsDashboardRendersWithNothingBlockedByThePolicy()
    {
        await using var desktop = await browser.NewDesktopAsync();
        var page = await desktop.NewPageAsync();
        await page.SignInAsOperatorAsync(Olle, DemoAccounts.OperatorPassword);
        await page.AddInitScriptAsync(RecordViolations);

        await page.GotoAsync("/operator/dashboard/");

        await Expect(page.Locator("#menu a").First).ToBeVisibleAsync(); // drawn by the dashboard's script
        await Expect(page.GetByText("Loading...")).ToBeHiddenAsync();
        await Expect(page.Locator("#content canvas, #content table").First).ToBeVisibleAsync();
        // Its style sheet applied: the layout is its grid.
        Assert.Equal("grid", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.app-wrapper')).display"));
        await page.ScreenshotAsync(new() { Path = "/tmp/kalmar-dashboard.png" });
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.violations"));
    }
}
