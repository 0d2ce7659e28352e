using System.Net;
using System.Text.RegularExpressions;
using System.Text;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kalmar.Tests.Browser;

/// <summary>
/// The onboarding issue's "Done when", walked as a new customer would: Olle creates the company and its first admin, she
/// follows her invitation, creates departments, imports the staff (a bad file first), moves one, makes one a department
/// admin and deactivates one whose Startsida is open on his phone, then finds each step in Händelselogg.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class OnboardingBrowserTests(BrowserFixture browser)
{
    private const string Olle = "olle@klt.example.se";
    private const string CompanyName = "Nybro Bygg AB";
    private const string AdminPassword = "Nybro-Admin-2026";
    private const string TravellerPassword = "Nybro-Resenar-2026";
    private const string Bygg = "Bygg";
    private const string Kontor = "Kontor";

    // TravellerCsv's person i: odd ones in Bygg, even ones in Kontor.
    private const int Moved = 3;            // Göran Åberg, Bygg → Kontor
    private const int MadeAdmin = 4;        // Örjan Åberg, department admin of Kontor
    private const int Deactivated = 5;      // Anna Åberg, signed in on his phone meanwhile
    private const string MovedName = "Göran Åberg";
    private const string MadeAdminName = "Örjan Åberg";
    private const string DeactivatedName = "Anna Åberg";

    private readonly string _adminEmail = $"nora-{Guid.NewGuid():N}@nybrobygg.example.se";
    private readonly string _domain = $"nb{Guid.NewGuid():N}.example";

    [Fact]
    public async Task NewCustomerIsCreatedInvitesItsAdminWhoSetsUpDepartmentsAndStaffAndEveryStepIsLogged()
    {
        await using var olle = await browser.NewDesktopAsync();
        await OlleCreatesTheCustomerAsync(await olle.NewPageAsync());

        await using var desktop = await browser.NewDesktopAsync();
        var admin = await desktop.NewPageAsync();
        var scriptErrors = new List<string>();
        admin.PageError += (_, error) => scriptErrors.Add(error);
        await AcceptInvitationAsync(admin, _adminEmail, AdminPassword, "Nora");
        await CreateDepartmentsAsync(admin);
        await ImportTheStaffAsync(admin);

        await OpenTravellerAsync(admin, MovedName);
        await MoveToKontorAsync(admin);
        await OpenTravellerAsync(admin, MadeAdminName);
        await MakeDepartmentAdminOfKontorAsync(admin);

        await using var phone = await browser.NewPhoneAsync();
        var startsida = await SignInOnHisPhoneAsync(phone);
        await OpenTravellerAsync(admin, DeactivatedName);
        await DeactivateAsync(admin);
        await HisOpenPageIsSignedOutAsync(startsida);

        await EveryStepIsInHandelseloggAsync(admin);
        Assert.Empty(scriptErrors);
    }

    /// <summary>1. Olle signs in, lands on Kunder and creates Nybro Bygg AB with its first admin.</summary>
    private async Task OlleCreatesTheCustomerAsync(IPage page)
    {
        await page.SignInAsOperatorAsync(Olle, DemoAccounts.OperatorPassword);

        var form = page.GetByRole(AriaRole.Region, new() { Name = "Nytt kundföretag" });
        await form.GetByLabel("Namn", new() { Exact = true }).FillAsync(CompanyName);
        await form.GetByLabel("Organisationsnummer").FillAsync(Companies.NewOrgNumber());
        await form.GetByLabel("Fakturamejl").FillAsync("faktura@nybrobygg.example.se");
        await form.GetByLabel("Gatuadress").FillAsync("Storgatan 1");
        await form.GetByLabel("Postnummer").FillAsync("382 30");
        await form.GetByLabel("Ort", new() { Exact = true }).FillAsync("Nybro");
        await form.GetByLabel("Ja", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("Högsta månadskredit per resenär (kr)").FillAsync("1 500");
        var firstAdmin = form.GetByRole(AriaRole.Group, new() { Name = "Första administratören" });
        await firstAdmin.GetByLabel("Förnamn").FillAsync("Nora");
        await firstAdmin.GetByLabel("Efternamn").FillAsync("Nybro");
        await firstAdmin.GetByLabel("E-post").FillAsync(_adminEmail);
        await firstAdmin.GetByLabel("Mobil").FillAsync("070-123 45 67");
        await form.GetByRole(AriaRole.Button, new() { Name = "Skapa kundföretag" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "är skapat" }))
            .ToHaveTextAsync($"{CompanyName} är skapat. En inbjudan har skickats till {_adminEmail}.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = CompanyName, Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>2. (and 5.) The invitation e-mail's link: a password, Godkänn villkoren, and Startsida.</summary>
    private async Task AcceptInvitationAsync(IPage page, string email, string password, string firstName)
    {
        await page.GotoAsync(await InvitationPathAsync(email));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Välj lösenord" })).ToBeVisibleAsync();
        await page.GetByLabel("Lösenord", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Bekräfta lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara lösenord och logga in" }).ClickAsync();

        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToHaveTextAsync(PortalSteps.TermsHeading);
        await page.AcceptTermsAsync();
        await Expect(heading).ToHaveTextAsync(new Regex($"^Hej {firstName}"));
    }

    /// <summary>The path and query of the newest invitation to <paramref name="email"/>, to open on the test server.</summary>
    private async Task<string> InvitationPathAsync(string email)
    {
        var link = (await OutboxReader.ToAsync(browser.Cluster, email)).Select(mail => InvitationLink().Match(mail.Body)).Last(match => match.Success);
        return new Uri(WebUtility.HtmlDecode(link.Value)).PathAndQuery;
    }

    /// <summary>3. Two departments with references on Avdelningar, reached through Administration's menu.</summary>
    private static async Task CreateDepartmentsAsync(IPage page)
    {
        await page.ChooseInMenuAsync("Administration");
        await ChooseInAdministrationAsync(page, "Avdelningar");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/avdelningar$"));

        foreach (var (name, reference) in new[] { (Bygg, "NB-BYGG"), (Kontor, "NB-KONTOR") })
        {
            var form = page.GetByRole(AriaRole.Region, new() { Name = "Ny avdelning" });
            await form.GetByLabel("Namn").FillAsync(name);
            await form.GetByLabel("Fakturareferens").FillAsync(reference);
            await form.GetByRole(AriaRole.Button, new() { Name = "Skapa avdelning" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Avdelningen {name} är skapad.");
            var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true }) });
            await Expect(row.GetByRole(AriaRole.Cell).First).ToHaveTextAsync(reference);
        }
    }

    /// <summary>4. A file with one unknown department is refused row by row; the fixed one is previewed and imported.</summary>
    private async Task ImportTheStaffAsync(IPage page)
    {
        await ChooseInAdministrationAsync(page, "Resenärer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Importera från fil" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Importera resenärer");
        var result = page.Locator("#import-result");

        await PreviewAsync(page, "personal-fel.csv", Staff(i => i == 7 ? "Verkstad" : DepartmentOf(i)));
        await Expect(result.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Förhandsgranskning: personal-fel.csv");
        await Expect(result.GetByRole(AriaRole.Alert)).ToContainTextAsync("Filen har 1 fel. Inget sparas");
        var errors = result.GetByRole(AriaRole.Region, new() { Name = "Fel i filen" }).GetByRole(AriaRole.Row);
        await Expect(errors).ToHaveCountAsync(2);
        await Expect(errors.Nth(1).GetByRole(AriaRole.Cell)).ToHaveTextAsync(["8", "Avdelning", "Avdelningen Verkstad finns inte i företaget."]);
        await Expect(result.GetByRole(AriaRole.Button, new() { Name = "Importera" })).ToHaveCountAsync(0);

        await PreviewAsync(page, "personal.csv", Staff(DepartmentOf));
        await Expect(result.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Förhandsgranskning: personal.csv");
        await ExpectCountsAsync(result, created: "20");
        await result.GetByRole(AriaRole.Button, new() { Name = "Importera" }).ClickAsync();

        await Expect(result.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Importen är klar: personal.csv");
        await Expect(result.GetByRole(AriaRole.Status)).ToHaveTextAsync("Resenärerna är sparade. Nya resenärer har fått en inbjudan per e-post.");
        // 20 created, none updated: the refused preview wrote nothing.
        await ExpectCountsAsync(result, created: "20");
    }

    private static async Task PreviewAsync(IPage page, string name, byte[] file)
    {
        await page.GetByLabel("CSV-fil").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = file });
        await page.GetByRole(AriaRole.Button, new() { Name = "Förhandsgranska" }).ClickAsync();
    }

    private static async Task ExpectCountsAsync(ILocator result, string created)
    {
        await Expect(result.Locator("[data-count=created]")).ToHaveTextAsync(created);
        await Expect(result.Locator("[data-count=updated]")).ToHaveTextAsync("0");
        await Expect(result.Locator("[data-count=unchanged]")).ToHaveTextAsync("0");
    }

    /// <summary>20 employees as Excel saves them: semicolons, Windows-1252, this run's own e-mail domain.</summary>
    private byte[] Staff(Func<int, string> department) =>
        TravellerCsv.Generate(20, department, encoding: CodePagesEncodingProvider.Instance.GetEncoding(1252), domain: _domain);

    private static string DepartmentOf(int person) => person % 2 == 1 ? Bygg : Kontor;

    /// <summary>5. Resenärer's search by name, and the one hit opened.</summary>
    private static async Task OpenTravellerAsync(IPage page, string name)
    {
        await ChooseInAdministrationAsync(page, "Resenärer");
        await page.GetByLabel("Namn, e-post eller anställningsnummer").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();

        var results = page.GetByRole(AriaRole.Region, new() { Name = "1 resenär" });
        await Expect(results.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        var (first, last) = (name.Split(' ')[0], name.Split(' ')[1]);
        await results.GetByRole(AriaRole.Link, new() { Name = $"{last}, {first}", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
    }

    private static async Task MoveToKontorAsync(IPage page)
    {
        var details = page.GetByRole(AriaRole.Region, new() { Name = "Uppgifter" });
        await details.GetByLabel("Avdelning").SelectOptionAsync(new SelectOptionValue { Label = Kontor });
        await details.GetByRole(AriaRole.Button, new() { Name = "Spara uppgifter" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Uppgifterna är sparade. {MovedName} tillhör {Kontor}.");
        await Expect(page.Locator("p.lead")).ToContainTextAsync($"· {Kontor} ·");
        await Expect(details.GetByLabel("Avdelning").Locator("option:checked")).ToHaveTextAsync(Kontor);
    }

    private static async Task MakeDepartmentAdminOfKontorAsync(IPage page)
    {
        var roles = page.GetByRole(AriaRole.Region, new() { Name = "Roller" });
        await roles.GetByRole(AriaRole.Group, new() { Name = "Avdelningsadministratör för" }).GetByLabel(Kontor).CheckAsync();
        await roles.GetByRole(AriaRole.Button, new() { Name = "Spara roller" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Rollerna är sparade.");
        await Expect(roles.GetByLabel(Kontor)).ToBeCheckedAsync();
        await Expect(roles.GetByLabel(Bygg)).Not.ToBeCheckedAsync();
        await Expect(roles.GetByLabel("Företagsadministratör")).Not.ToBeCheckedAsync();
    }

    /// <summary>
    /// The third employee chooses his password through his invitation on a phone and keeps Startsida open, listening
    /// live.
    /// </summary>
    private async Task<IPage> SignInOnHisPhoneAsync(IBrowserContext phone)
    {
        var page = await phone.NewPageAsync();
        await page.SetViewportSizeAsync(375, 740);

        await AcceptInvitationAsync(page, TravellerCsv.Email(Deactivated, _domain), TravellerPassword, "Anna");
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
        return page;
    }

    private static async Task DeactivateAsync(IPage page)
    {
        var account = page.GetByRole(AriaRole.Region, new() { Name = "Konto" });
        await account.GetByRole(AriaRole.Link, new() { Name = "Avaktivera", Exact = true }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Group, new() { Name = $"Avaktivera {DeactivatedName}?" });
        await Expect(confirm).ToContainTextAsync("Resenären loggas ut överallt på en gång");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Ja, avaktivera" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{DeactivatedName} är avaktiverad och utloggad överallt.");
        await Expect(page.Locator("p.lead .traveller-status")).ToHaveAttributeAsync("data-status", "inactive");
        await Expect(account.GetByRole(AriaRole.Button, new() { Name = "Återaktivera" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// His open page is told (<c>sessionEnded</c>) and goes to the sign-in page by itself, and the session is over:
    /// opening Startsida again lands on the sign-in page too. (That the server also closes the connection of a client
    /// that ignores the event is <c>OnboardingApiTests</c>' deactivation test.)
    /// </summary>
    private static async Task HisOpenPageIsSignedOutAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(new Regex("/logga-in"));

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/logga-in"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logga in" })).ToBeVisibleAsync();
    }

    /// <summary>6. Händelselogg: the company's log, Olle's creation of it included, and each of her steps, by her.</summary>
    private static async Task EveryStepIsInHandelseloggAsync(IPage page)
    {
        await ChooseInAdministrationAsync(page, "Händelselogg");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Händelselogg");
        await page.ScreenshotAsync(new() { Path = "/tmp/kalmar-onboarding-handelselogg.png", FullPage = true });

        await ExpectLoggedAsync(page, "Företag skapat", CompanyName, by: "Olle Ek");
        await ExpectLoggedAsync(page, "Resenär tillagd", "Nora Nybro", by: "Olle Ek");
        await ExpectLoggedAsync(page, "Avdelning skapad", Bygg);
        await ExpectLoggedAsync(page, "Avdelning skapad", Kontor);
        await ExpectLoggedAsync(page, "Resenärer importerade", CompanyName);
        await ExpectLoggedAsync(page, "Resenär flyttad", MovedName);
        await ExpectLoggedAsync(page, "Roller ändrade", MadeAdminName);
        await ExpectLoggedAsync(page, "Resenär avaktiverad", DeactivatedName);
    }

    private static async Task ExpectLoggedAsync(IPage page, string action, string target, string by = "Nora Nybro")
    {
        var rows = page.GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.Locator("td[data-label=Händelse]", new() { HasTextRegex = new Regex($"^{Regex.Escape(action)}$") }) })
            .Filter(new() { Has = page.Locator("td[data-label=Gäller]", new() { HasTextRegex = new Regex($"^{Regex.Escape(target)}$") }) });

        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Locator("td[data-label='Utförd av']")).ToHaveTextAsync(by);
    }

    private static Task ChooseInAdministrationAsync(IPage page, string entry) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Administration", Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = entry, Exact = true }).ClickAsync();

    [GeneratedRegex(@"https?://[^\s""<>]+/inbjudan\?user=[0-9a-f]{32}&(amp;)?token=[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();
}
