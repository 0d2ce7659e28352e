using System.Text.RegularExpressions;
using Kalmar.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kalmar.Tests.Browser;

/// <summary>
/// The top bar with the traveller's pages and Administration, Administration's own menu, and "Meny" on a phone: one
/// line on an office screen, folded on a phone, by keyboard as well as by finger, and never wider than the phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class NavigationBrowserTests(BrowserFixture browser)
{
    private const string EveryBoxOnOneLine = """
        () => {
          const boxes = [...document.querySelectorAll('.site-header > *, .site-header .menu li')]
            .filter(element => element.getClientRects().length > 0)
            .map(element => element.getBoundingClientRect());
          return Math.max(...boxes.map(box => box.top)) < Math.min(...boxes.map(box => box.bottom));
        }
        """;

    private const string MenuItemTops = "() => [...document.querySelectorAll('#huvudmeny li')].map(item => item.getBoundingClientRect().top)";

    private const string ScrollWidth = "() => document.documentElement.scrollWidth";

    [Fact]
    public async Task CompanyAdminsTopBarIsOneLineAndAdministrationOpensAttesteringWithItsOwnMenu()
    {
        await using var desktop = await browser.NewDesktopAsync();
        var page = await desktop.NewPageAsync();
        await page.SignInAsync(Demo.Anna, Demo.AdminPassword);

        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Expect(menu.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Startsida", "Biljetter", "Administration"]);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Meny" })).ToBeHiddenAsync();
        Assert.Single((await page.EvaluateAsync<double[]>(MenuItemTops)).Distinct());
        Assert.True(await page.EvaluateAsync<bool>(EveryBoxOnOneLine), "The brand, the menu and the account share one line.");
        var help = page.GetByRole(AriaRole.Navigation, new() { Name = "Hjälp och villkor" });
        await Expect(help.GetByRole(AriaRole.Link)).ToHaveTextAsync(["FAQ", "Support", "Integritetspolicy", "Allmänna villkor"]);

        await menu.GetByRole(AriaRole.Link, new() { Name = "Administration", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(AttesteringUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Attestering");
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Administration", Exact = true })).ToHaveAttributeAsync("aria-current", "true");
        var admin = page.GetByRole(AriaRole.Navigation, new() { Name = "Administration", Exact = true });
        await Expect(admin.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Attestering", "Resenärer", "Avdelningar", "Fakturor", "Händelselogg"]);
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Attestering" })).ToHaveAttributeAsync("aria-current", "page");
        Assert.True(await page.EvaluateAsync<bool>(EveryBoxOnOneLine), "The top bar stays one line on Administration's pages.");
        await page.ScreenshotAsync(new() { Path = "/tmp/kalmar-nav-1280-attestering.png" });

        await admin.GetByRole(AriaRole.Link, new() { Name = "Resenärer" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Resenärer");
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Resenärer" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Attestering" })).Not.ToHaveAttributeAsync("aria-current", "page");

        await help.GetByRole(AriaRole.Link, new() { Name = "FAQ" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vanliga frågor");
        await Expect(admin).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task DepartmentAdminsAdministrationHasNoAvdelningar()
    {
        await using var desktop = await browser.NewDesktopAsync();
        var page = await desktop.NewPageAsync();
        await page.SignInAsync(Demo.Dan, Demo.AdminPassword);

        await page.GotoAsync("/admin/resenarer");

        var admin = page.GetByRole(AriaRole.Navigation, new() { Name = "Administration", Exact = true });
        await Expect(admin.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Attestering", "Resenärer", "Fakturor", "Händelselogg"]);
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Resenärer" })).ToHaveAttributeAsync("aria-current", "page");
    }

    [Theory]
    [InlineData("/admin/resenarer")]
    [InlineData("/admin/resenarer/6d3c1f4e-0000-4000-8000-000000000101")]
    [InlineData("/admin/resenarer/import")]
    [InlineData("/admin/avdelningar")]
    [InlineData("/admin/handelselogg")]
    [InlineData("/admin/fakturor")]
    public async Task EveryAdministrationPageFitsAPhone(string path)
    {
        await using var phone = await browser.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await page.SetViewportSizeAsync(375, 740);
        await page.SignInAsync(Demo.Anna, Demo.AdminPassword);

        await page.GotoAsync(path);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<int>(ScrollWidth);
        await page.ScreenshotAsync(new() { Path = $"/tmp/kalmar-375{path.Replace('/', '-')}.png", FullPage = true });
        Assert.True(width <= 375, $"{path} is {width} px wide at 375 px.");
    }

    [Fact]
    public async Task OnAPhoneMenyOpensAndClosesTheMenuByKeyboardAndNothingIsWiderThanThePhone()
    {
        await using var phone = await browser.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await page.SetViewportSizeAsync(375, 740);
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.SignInAsync(Demo.Anna, Demo.AdminPassword);
        await page.GotoAsync("/admin/attestering");

        var menuButton = page.GetByRole(AriaRole.Button, new() { Name = "Meny", Exact = true });
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(menuButton).ToHaveAttributeAsync("aria-controls", "huvudmeny");
        await Expect(menu).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Administration", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Min profil: Anna Andersson" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>(ScrollWidth) <= 375);
        await page.ScreenshotAsync(new() { Path = "/tmp/kalmar-nav-375-stangd.png", FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Företagsportalen", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(menuButton).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(menu.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Startsida", "Biljetter", "Administration"]);
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Startsida" })).ToBeFocusedAsync();
        Assert.True(await page.EvaluateAsync<int>(ScrollWidth) <= 375);
        await page.ScreenshotAsync(new() { Path = "/tmp/kalmar-nav-375-oppen.png", FullPage = true });

        await page.Keyboard.PressAsync("Escape");

        await Expect(menu).ToBeHiddenAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(menuButton).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Space");
        await Expect(menu).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(menu).ToBeHiddenAsync();
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task TravellerSeesNoAdministrationAndWithoutJavaScriptThePhoneMenuIsSimplyShown()
    {
        await using var desktop = await browser.NewDesktopAsync();
        var page = await desktop.NewPageAsync();
        await page.SignInAsync(Demo.Emmy, Demo.TravellerPassword);

        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Expect(menu.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Startsida", "Biljetter"]);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Administration", Exact = true })).ToHaveCountAsync(0);

        await using var phone = await browser.NewPhoneAsync(javaScript: false);
        var noScript = await phone.NewPageAsync();
        await noScript.SignInAsync(Demo.Emmy, Demo.TravellerPassword);

        await Expect(noScript.GetByRole(AriaRole.Button, new() { Name = "Meny" })).ToHaveCountAsync(0);
        var shown = noScript.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Expect(shown.GetByRole(AriaRole.Link, new() { Name = "Biljetter" })).ToBeVisibleAsync();
        Assert.True(await noScript.EvaluateAsync<int>(ScrollWidth) <= 375);
    }

    [GeneratedRegex("/admin/attestering$")]
    private static partial Regex AttesteringUrl();
}
