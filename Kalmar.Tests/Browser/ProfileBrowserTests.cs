using System.Text.RegularExpressions;
using Kalmar.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kalmar.Tests.Browser;

/// <summary>Godkänn villkor at the first sign-in and Min profil in a phone-sized Chromium, as the manual's "Ändra kontouppgifter".</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ProfileBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task NewTravellerAcceptsTheTermsThenCorrectsAndSavesTheProfile()
    {
        var traveller = await Travellers.CreateAsync(browser.Cluster.Client);
        await using var phone = await browser.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        await page.GotoAsync("/min-profil");
        await page.GetByLabel("E-postadress").FillAsync(traveller.Email);
        await page.GetByLabel("Lösenord").FillAsync(Travellers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(PortalSteps.TermsHeading);
        await page.GetByRole(AriaRole.Button, new() { Name = "Godkänn", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kryssa i rutan");
        await page.AcceptTermsAsync();
        await Expect(page).ToHaveURLAsync(MinProfilUrl());

        var personal = page.GetByRole(AriaRole.Region, new() { Name = "Personliga uppgifter" });
        await Expect(personal.GetByLabel("Förnamn")).ToHaveValueAsync("Test");
        await Expect(personal.GetByLabel("Mobilnummer")).ToHaveValueAsync("070-111 22 33");
        await personal.GetByLabel("Förnamn").FillAsync("Emma");
        await personal.GetByLabel("Personnummer").FillAsync("19850412-1234");
        await personal.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();

        await Expect(personal.GetByRole(AriaRole.Alert)).ToContainTextAsync("Personnumret har fel kontrollsiffra.");
        var personnummer = personal.GetByLabel("Personnummer");
        await Expect(personnummer).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(personnummer).ToHaveAccessibleDescriptionAsync(WrongCheckDigit());
        await Expect(personal.GetByLabel("Förnamn")).ToHaveValueAsync("Emma");
        await page.ScreenshotAsync(new() { Path = "/tmp/kalmar-min-profil-fel.png", FullPage = true });
        await page.GotoAsync("/min-profil");
        await Expect(personal.GetByLabel("Förnamn")).ToHaveValueAsync("Test");
        await Expect(personal.GetByLabel("Personnummer")).ToHaveValueAsync("");

        await personal.GetByLabel("Förnamn").FillAsync("Emma");
        await personal.GetByLabel("Personnummer").FillAsync("19850412-1230");
        await personal.GetByLabel("Mobilnummer").FillAsync("0706555611");
        await personal.GetByLabel("Telefonnummer").FillAsync("0480-45 12 00");
        await personal.GetByRole(AriaRole.Group, new() { Name = "Notiser" }).GetByLabel("Sms").CheckAsync();
        await personal.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        await Expect(personal.GetByRole(AriaRole.Status)).ToHaveTextAsync("Dina uppgifter är sparade.");

        await page.ReloadAsync();
        await Expect(personal.GetByLabel("Förnamn")).ToHaveValueAsync("Emma");
        await Expect(personal.GetByLabel("Personnummer")).ToHaveValueAsync("19850412-1230");
        await Expect(personal.GetByLabel("Mobilnummer")).ToHaveValueAsync("070-655 56 11");
        await Expect(personal.GetByLabel("Telefonnummer")).ToHaveValueAsync("0480-45 12 00");
        await Expect(personal.GetByLabel("Sms")).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Min profil: Emma Resenär" })).ToBeVisibleAsync();

        // A failed save leaves the typed values in the form; Ångra ändringar brings back the saved ones.
        await personal.GetByLabel("Efternamn").FillAsync("Annan");
        await personal.GetByLabel("E-postadress").FillAsync("inte-en-adress");
        await personal.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        await Expect(personal.GetByLabel("E-postadress")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(personal.GetByLabel("Efternamn")).ToHaveValueAsync("Annan");
        await personal.GetByRole(AriaRole.Button, new() { Name = "Ångra ändringar", Exact = true }).ClickAsync();
        await Expect(personal.GetByLabel("Efternamn")).ToHaveValueAsync("Resenär");
        await Expect(personal.GetByLabel("E-postadress")).ToHaveValueAsync(traveller.Email);
        await Expect(personal.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = "/tmp/kalmar-min-profil.png", FullPage = true });
        Assert.Equal(375, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task ChangedPasswordSignsInAndTheOldOneNoLonger()
    {
        var traveller = await Travellers.CreateAsync(browser.Cluster.Client);
        await using var phone = await browser.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await page.SignInAsync(traveller.Email, Travellers.Password);
        await using var otherPhone = await browser.NewPhoneAsync();
        var other = await otherPhone.NewPageAsync();
        await other.SignInAsync(traveller.Email, Travellers.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Min profil" }).ClickAsync();

        var password = page.GetByRole(AriaRole.Region, new() { Name = "Lösenord", Exact = true });
        await password.GetByLabel("Nuvarande lösenord").FillAsync(Travellers.Password);
        await password.GetByLabel("Nytt lösenord", new() { Exact = true }).FillAsync("Nytt-losenord-2026");
        await password.GetByLabel("Bekräfta nytt lösenord").FillAsync("Nytt-losenord-2027");
        await password.GetByRole(AriaRole.Button, new() { Name = "Spara lösenord" }).ClickAsync();
        await Expect(password.GetByLabel("Bekräfta nytt lösenord")).ToHaveAccessibleDescriptionAsync("Lösenorden stämmer inte överens.");

        await password.GetByLabel("Nuvarande lösenord").FillAsync(Travellers.Password);
        await password.GetByLabel("Nytt lösenord", new() { Exact = true }).FillAsync("Nytt-losenord-2026");
        await password.GetByLabel("Bekräfta nytt lösenord").FillAsync("Nytt-losenord-2026");
        await password.GetByRole(AriaRole.Button, new() { Name = "Spara lösenord" }).ClickAsync();
        await Expect(password.GetByRole(AriaRole.Status)).ToHaveTextAsync("Lösenordet är bytt. Du är utloggad på dina andra enheter.");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Min profil");

        // The other phone is signed out; there the old password no longer signs in, the new one does.
        await other.ReloadAsync();
        await Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Logga in");
        await other.GetByLabel("E-postadress").FillAsync(traveller.Email);
        await other.GetByLabel("Lösenord").FillAsync(Travellers.Password);
        await other.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fel e-postadress eller lösenord");
        await other.SignInAsync(traveller.Email, "Nytt-losenord-2026");
    }

    [Fact]
    public async Task MinaEnheterSignsTheOtherPhoneOutAndFitsAPhone()
    {
        var traveller = await Travellers.CreateAsync(browser.Cluster.Client);
        await using var phone = await browser.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await page.SignInAsync(traveller.Email, Travellers.Password);
        await using var otherPhone = await browser.NewPhoneAsync();
        var other = await otherPhone.NewPageAsync();
        await other.SignInAsync(traveller.Email, Travellers.Password);

        await page.GotoAsync("/min-profil");
        var devices = page.GetByRole(AriaRole.Region, new() { Name = "Mina enheter" });
        await Expect(devices.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(devices.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Den här enheten" })).ToHaveCountAsync(1);
        Assert.Equal(375, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        await devices.GetByRole(AriaRole.Listitem).Filter(new() { HasNotText = "Den här enheten" })
            .GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();

        await Expect(devices.GetByRole(AriaRole.Status)).ToHaveTextAsync("Enheten är utloggad.");
        await Expect(devices.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await other.ReloadAsync();
        await Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Logga in");
    }

    [GeneratedRegex("/min-profil$")]
    private static partial Regex MinProfilUrl();

    [GeneratedRegex("Personnumret har fel kontrollsiffra\\.$")]
    private static partial Regex WrongCheckDigit();
}
