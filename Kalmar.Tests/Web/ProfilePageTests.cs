using System.Net;
using System.Text.RegularExpressions;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

/// <summary>Min profil, Godkänn villkor and the password reset pages as a browser without JavaScript uses them.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class ProfilePageTests(PortalFixture portal)
{
    [Fact]
    public async Task PagesWaitForTheTermsUntilTheyAreAccepted()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var browser = await SignedInBrowserAsync(traveller);

        using var before = await browser.GetAsync("/min-profil");
        using var policy = await browser.GetAsync("/integritetspolicy");
        using var terms = await browser.GetAsync(before.Headers.Location!);
        var form = await PageForms.TokenAsync(terms);
        using var unticked = await browser.PostAsync(terms.RequestMessage!.RequestUri, PageForms.Form(form, ("returnUrl", "/min-profil")));
        using var ticked = await browser.PostAsync(terms.RequestMessage!.RequestUri, PageForms.Form(form, ("returnUrl", "/min-profil"), ("godkanner", "true")));
        using var after = await browser.GetAsync("/min-profil");

        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.Equal("/godkann-villkor?returnUrl=%2Fmin-profil", before.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        Assert.Contains("Jag har läst och godkänner Integritetspolicy och Allmänna villkor", await TextAsync(terms), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains("Kryssa i rutan", await TextAsync(unticked), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.Equal("/min-profil", ticked.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("Personliga uppgifter", await TextAsync(after), StringComparison.Ordinal);
        var accepted = await portal.Cluster.Client.GetGrain<IUserGrain>(traveller.Id).GetTermsAsync();
        Assert.Equal(TermsAcceptance.CurrentVersion, accepted?.Version);
    }

    [Fact]
    public async Task TermsPageSendsOnlyToLocalAddresses()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var browser = await SignedInBrowserAsync(traveller);
        using var terms = await browser.GetAsync("/godkann-villkor");

        using var ticked = await browser.PostAsync("/godkann-villkor", PageForms.Form(await PageForms.TokenAsync(terms), ("returnUrl", "https://example.com/"), ("godkanner", "true")));

        Assert.Equal("/", ticked.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task WrongPersonnummerShowsTheSwedishErrorAndSavesNothing()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        await Terms.AcceptAsync(portal.WebA, traveller.Email, Travellers.Password);
        using var browser = await SignedInBrowserAsync(traveller);
        var form = await PageForms.TokenAsync(await browser.GetAsync("/min-profil"));

        using var response = await browser.PostAsync("/min-profil", PageForms.Form(form, Profile(traveller.Email, "Ändrad", "19850412-1234")));
        var html = await TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Personnumret har fel kontrollsiffra.", html, StringComparison.Ordinal);
        Assert.Matches(InvalidPersonnummer(), html);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Ändrad\"", html, StringComparison.Ordinal);
        var saved = await portal.Cluster.Client.GetGrain<IUserGrain>(traveller.Id).GetAsync();
        Assert.Equal("Test", saved?.FirstName);
        Assert.Null(saved?.Personnummer);
        Assert.Equal(Travellers.Mobile, saved?.Mobile);
    }

    [Fact]
    public async Task SavedProfileIsShownInFullToItsOwnerAndTheHeaderTakesTheNewName()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        await Terms.AcceptAsync(portal.WebA, traveller.Email, Travellers.Password);
        using var browser = await SignedInBrowserAsync(traveller);
        var form = await PageForms.TokenAsync(await browser.GetAsync("/min-profil"));

        using var saved = await browser.PostAsync("/min-profil", PageForms.Form(form, Profile(traveller.Email, "Åsa", "850412-1230")));
        var html = await TextAsync(await browser.GetAsync("/min-profil"));
        var again = await TextAsync(await browser.GetAsync("/min-profil"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Dina uppgifter är sparade.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Dina uppgifter är sparade.", again, StringComparison.Ordinal);
        Assert.Contains("value=\"19850412-1230\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"070-655 56 11\"", html, StringComparison.Ordinal);
        Assert.Contains("Åsa Resenär", html, StringComparison.Ordinal);
        var profile = await portal.Cluster.Client.GetGrain<IUserGrain>(traveller.Id).GetAsync();
        Assert.Equal(new NotificationChoice(Email: true, Sms: true), profile?.Notify);
    }

    [Fact]
    public async Task ChangedPasswordKeepsThisBrowserSignedIn()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        await Terms.AcceptAsync(portal.WebA, traveller.Email, Travellers.Password);
        using var browser = await SignedInBrowserAsync(traveller);
        var form = await PageForms.TokenAsync(await browser.GetAsync("/min-profil"));

        using var wrong = await browser.PostAsync("/min-profil?handler=Password", PageForms.Form(form,
            ("currentPassword", "fel-lösenord"), ("newPassword", "Nytt-losenord-2026"), ("confirmPassword", "Nytt-losenord-2026")));
        using var changed = await browser.PostAsync("/min-profil?handler=Password", PageForms.Form(form,
            ("currentPassword", Travellers.Password), ("newPassword", "Nytt-losenord-2026"), ("confirmPassword", "Nytt-losenord-2026")));
        using var after = await browser.GetAsync("/min-profil");

        Assert.Contains("Nuvarande lösenord stämmer inte.", await TextAsync(wrong), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("Lösenordet är bytt. Du är utloggad på dina andra enheter.", await TextAsync(after), StringComparison.Ordinal);
        Assert.True((await portal.Cluster.Client.GetGrain<ISignInGrain>(0).SignInAsync(traveller.Email, "Nytt-losenord-2026")).Succeeded);
    }

    [Fact]
    public async Task ResetLinkFromTheForgottenPasswordPageWorksOnce()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anonymous = portal.WebA.CreateClient();
        var login = await TextAsync(await anonymous.GetAsync("/logga-in"));
        var forgot = await PageForms.TokenAsync(await anonymous.GetAsync("/glomt-losenord"));

        var known = "";
        var mail = await OutboxReader.AfterAsync(portal.Cluster, traveller.Email, async () =>
            known = await TextAsync(await anonymous.PostAsync("/glomt-losenord", PageForms.Form(forgot, ("email", traveller.Email)))));
        var unknown = await TextAsync(await anonymous.PostAsync("/glomt-losenord", PageForms.Form(forgot, ("email", "ingen-alls@example.se"))));
        var link = new Uri(WebUtility.HtmlDecode(ResetLink().Match(mail.Body).Value));
        Assert.Equal("http://localhost:8080", link.GetLeftPart(UriPartial.Authority)); // the configured portal, not the request's host
        using var resetPage = await anonymous.GetAsync(link.PathAndQuery);
        var reset = await PageForms.TokenAsync(resetPage);
        var mismatch = await TextAsync(await anonymous.PostAsync(link.PathAndQuery, PageForms.Form(reset, ("newPassword", "Aterstallt-2026"), ("confirmPassword", "Annat-2026-xx"))));
        var done = await TextAsync(await anonymous.PostAsync(link.PathAndQuery, PageForms.Form(reset, ("newPassword", "Aterstallt-2026"), ("confirmPassword", "Aterstallt-2026"))));
        var used = await TextAsync(await anonymous.GetAsync(link.PathAndQuery));

        Assert.Contains("href=\"/glomt-losenord\"", login, StringComparison.Ordinal);
        Assert.Contains("Om adressen finns hos oss har vi skickat en länk", known, StringComparison.Ordinal);
        Assert.Equal(MainContent(known), MainContent(unknown));
        Assert.Equal("no-referrer", resetPage.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("Lösenorden stämmer inte överens.", mismatch, StringComparison.Ordinal);
        Assert.Contains("Lösenordet är bytt", done, StringComparison.Ordinal);
        Assert.Contains("Länken för att återställa lösenordet gäller inte längre.", used, StringComparison.Ordinal);
        Assert.Contains("href=\"/glomt-losenord\"", used, StringComparison.Ordinal);
        Assert.True((await portal.Cluster.Client.GetGrain<ISignInGrain>(0).SignInAsync(traveller.Email, "Aterstallt-2026")).Succeeded);
    }

    private static (string, string)[] Profile(string email, string firstName, string personnummer) =>
    [
        ("firstName", firstName), ("lastName", "Resenär"), ("personnummer", personnummer), ("email", email),
        ("mobile", "0706555611"), ("phone", ""), ("notifyEmail", "true"), ("notifySms", "true"),
    ];

    /// <summary>A cookie-keeping client signed in through the API, that does not follow redirects (tests look at them).</summary>
    private async Task<HttpClient> SignedInBrowserAsync(Travellers.Traveller traveller)
    {
        var browser = portal.WebA.CreateClient(new() { AllowAutoRedirect = false });
        (await browser.PostLoginAsync(traveller.Email, Travellers.Password)).EnsureSuccessStatusCode();
        return browser;
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The page's own content, without the layout's per-request antiforgery token.</summary>
    private static string MainContent(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

    [GeneratedRegex("id=\"personnummer\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"personnummer-tips personnummer-fel\"")]
    private static partial Regex InvalidPersonnummer();

    [GeneratedRegex(@"http://[^\s""<]+/aterstall-losenord\?user=[0-9a-f]{32}&(amp;)?token=[A-Za-z0-9_\-]+")]
    private static partial Regex ResetLink();
}
