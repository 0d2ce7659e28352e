using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kalmar.Tests.Browser;

/// <summary>What a traveller does in the portal, step by step, as the manual describes it.</summary>
public static partial class PortalSteps
{
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/logga-in");
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        // The first sign-in (and the first after new terms) goes by Godkänn villkoren.
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToHaveTextAsync(HejOrTerms());
        if (await heading.TextContentAsync() == TermsHeading)
        {
            await page.AcceptTermsAsync();
        }

        await Expect(heading).ToHaveTextAsync(StartsWithHej());
    }

    /// <summary>An operator (KLT) signs in and lands on Kunder.</summary>
    public static async Task SignInAsOperatorAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/logga-in");
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToHaveTextAsync(KunderOrTerms());
        if (await heading.TextContentAsync() == TermsHeading)
        {
            await page.AcceptTermsAsync();
        }

        await Expect(page).ToHaveURLAsync(KunderUrl());
        await Expect(heading).ToHaveTextAsync("Kunder");
    }

    public const string TermsHeading = "Godkänn villkoren";

    /// <summary>On Godkänn villkoren: ticks the box and clicks "Godkänn".</summary>
    public static async Task AcceptTermsAsync(this IPage page)
    {
        await page.GetByLabel("Jag har läst och godkänner Integritetspolicy och Allmänna villkor").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Godkänn", Exact = true }).ClickAsync();
    }

    /// <summary>Clicks an entry of the main menu, on a phone after opening it with "Meny".</summary>
    public static async Task ChooseInMenuAsync(this IPage page, string entry)
    {
        var menuButton = page.GetByRole(AriaRole.Button, new() { Name = "Meny", Exact = true });
        if (await menuButton.IsVisibleAsync() && await menuButton.GetAttributeAsync("aria-expanded") != "true")
        {
            await menuButton.ClickAsync();
        }

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })
            .GetByRole(AriaRole.Link, new() { Name = entry, Exact = true }).ClickAsync();
    }

    /// <summary>Fills in Från, Till, a date and a time, and clicks "Sök resa".</summary>
    public static async Task SearchAsync(this IPage page, string from, string to, string date, string time)
    {
        await page.GetByLabel("Från", new() { Exact = true }).FillAsync(from);
        await page.GetByLabel("Till", new() { Exact = true }).FillAsync(to);
        await page.GetByLabel("Datum", new() { Exact = true }).FillAsync(date);
        await page.GetByLabel("Tid", new() { Exact = true }).FillAsync(time);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök resa" }).ClickAsync();
    }

    public static async Task ChooseFirstDepartureAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Group, new() { Name = "Avgångar från" }).GetByRole(AriaRole.Radio).First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Välj avgång" }).ClickAsync();
    }

    /// <summary>Picks the ticket whose option starts with e.g. "Enkelbiljett, Vuxen" (the price follows).</summary>
    public static async Task ChooseTicketAsync(this IPage page, string productAndCategory)
    {
        var select = page.GetByLabel("Biljettyp och resenärskategori");
        var option = select.Locator("option").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(productAndCategory)} –") });
        await select.SelectOptionAsync(new SelectOptionValue { Value = await option.GetAttributeAsync("value") });
    }

    [GeneratedRegex("^Hej ")]
    private static partial Regex StartsWithHej();

    [GeneratedRegex("^(Hej |Godkänn villkoren$)")]
    private static partial Regex HejOrTerms();

    [GeneratedRegex("/operator/kunder$")]
    private static partial Regex KunderUrl();

    [GeneratedRegex("^(Kunder|Godkänn villkoren)$")]
    private static partial Regex KunderOrTerms();
}
