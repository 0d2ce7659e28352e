using Microsoft.Playwright;

namespace Kalmar.Tests.Fixtures;

/// <summary>
/// The portal as a browser sees it: one silo with demo data, the real web host on Kestrel (a real
/// port, so Chromium can reach it) and Debian's Chromium driven by Playwright. Shared by the
/// <see cref="BrowserCollection"/>; each test opens a context of its own (its own cookies).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public KalmarCluster Cluster { get; private set; } = null!;

    public KalmarWebFactory Web { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.Shared;
        Cluster = await KalmarCluster.StartAsync(await server.CreateDatabaseAsync(), silos: 1);
        var port = FreePorts.Next();
        Web = new KalmarWebFactory(Cluster);
        Web.UseKestrel(port);
        Web.StartServer();
        BaseAddress = new Uri($"http://localhost:{port}");
        // A cluster on a busy two-core runner can take longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>A fresh browser context as on a phone (375 px wide), in Swedish and Swedish time.</summary>
    public Task<IBrowserContext> NewPhoneAsync(bool javaScript = true) => NewContextAsync(375, 800, javaScript);

    /// <summary>A fresh browser context as on an office screen (1280 × 800), in Swedish and Swedish time.</summary>
    public Task<IBrowserContext> NewDesktopAsync() => NewContextAsync(1280, 800, javaScript: true);

    private Task<IBrowserContext> NewContextAsync(int width, int height, bool javaScript) => _browser.NewContextAsync(new()
    {
        JavaScriptEnabled = javaScript,
        BaseURL = BaseAddress.ToString(),
        ViewportSize = new() { Width = width, Height = height },
        Locale = "sv-SE",
        TimezoneId = "Europe/Stockholm",
    });

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Web.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
