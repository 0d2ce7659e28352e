using System.Globalization;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Fares;
using Kalmar.Contracts.Model;
using Kalmar.Contracts.Transit;
using Kalmar.Web.Auth;
using Kalmar.Web.Payloads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Biljetter;

/// <summary>
/// Köp biljett (the staff offer): search, departure, ticket and carrier, cart, order. Every step is
/// a plain form, and the search travels in the query string, so any step can be rebuilt from its
/// URL (reloaded, bookmarked, or reached without JavaScript).
/// </summary>
public sealed class PersonalerbjudandeModel(IClusterClient cluster, TimeProvider clock) : PageModel
{
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "HH:mm:ss"];

    [BindProperty(SupportsGet = true, Name = "fran")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "till")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "datum")]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true, Name = "tid")]
    public string? Time { get; set; }

    [BindProperty(SupportsGet = true, Name = "avgang")]
    public string? JourneyId { get; set; }

    /// <summary>Product and category as <c>productId:categoryId</c>.</summary>
    [BindProperty(Name = "biljett")]
    public string? Ticket { get; set; }

    /// <summary><c>app</c> or <c>card</c>, as the API spells a carrier.</summary>
    [BindProperty(Name = "barare")]
    public string? CarrierChoice { get; set; }

    [BindProperty(Name = "mobil")]
    public string? Mobile { get; set; }

    [BindProperty(Name = "kortnummer")]
    public string? CardNumber { get; set; }

    [TempData]
    public string? CartNotice { get; set; }

    [TempData]
    public string? CartError { get; set; }

    public TravellerContext Traveller { get; private set; } = null!;

    public CartView Cart { get; private set; } = new([]);

    /// <summary>The departures found, or null before a search.</summary>
    public IReadOnlyList<Journey>? Journeys { get; private set; }

    public Journey? Journey { get; private set; }

    public IReadOnlyList<FareQuote> Quotes { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    /// <summary>A rejection's message for the error summary.</summary>
    public string? ErrorSummary { get; private set; }

    /// <summary>Made when the page is rendered: every submit of this page's order button orders once.</summary>
    public string IdempotencyKey { get; } = Guid.NewGuid().ToString("N");

    public CartPanel CartPanel => new(
        TicketSummary.Of(Cart, Traveller) with { RemoveRoute = State() }, State(), IdempotencyKey, CartNotice, CartError);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadTravellerAsync() is { } refusal)
        {
            return refusal;
        }

        if (Traveller.StaffOfferUnavailable is null && (Request.Query.ContainsKey("fran") || Request.Query.ContainsKey("till")))
        {
            await SearchAsync();
        }

        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await LoadTravellerAsync() is { } refusal)
        {
            return refusal;
        }

        if (Traveller.StaffOfferUnavailable is not null)
        {
            return await ShowAsync();
        }

        await SearchAsync();
        if (Journey is null)
        {
            Errors.Add("avgang", "Välj en avgång.");
        }

        var ticket = (Ticket ?? "").Split(':', 2);
        if (ticket is not [{ Length: > 0 }, { Length: > 0 }])
        {
            Errors.Add("biljett", "Välj biljettyp och resenärskategori.");
        }

        CarrierType? carrierType = CarrierChoice switch
        {
            CarrierPayload.App => CarrierType.App,
            CarrierPayload.Card => CarrierType.Card,
            _ => null,
        };
        if (carrierType is null)
        {
            Errors.Add("barare", "Välj biljettbärare: App eller Resekort.");
        }

        if (Errors.Count > 0)
        {
            return await ShowAsync();
        }

        var number = carrierType == CarrierType.App ? Mobile : CardNumber;
        var added = await CartGrain.AddAsync(new AddToCart(Journey!.Id, ticket[0], ticket[1], carrierType!.Value, number));
        if (added.Rejection is { } rejection)
        {
            ShowRejection(rejection);
            return await ShowAsync();
        }

        CartNotice = "Biljetten ligger nu i varukorgen.";
        return RedirectToPage(null, null, State(withJourney: false), "varukorg");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid item)
    {
        // Already gone (a second click) is what the traveller wanted anyway.
        await CartGrain.RemoveAsync(item);
        CartNotice = "Biljetten är borttagen ur varukorgen.";
        return RedirectToPage(null, null, State(), "varukorg");
    }

    public async Task<IActionResult> OnPostCheckoutAsync([FromForm(Name = "nyckel")] string? idempotencyKey)
    {
        if (idempotencyKey is not { Length: > 0 and <= 100 })
        {
            CartError = "Beställningen kunde inte skickas. Ladda om sidan och försök igen.";
            return RedirectToPage(null, null, State(), "varukorg");
        }

        var ordered = await CartGrain.CheckoutAsync(idempotencyKey);
        if (ordered.Rejection is { } rejection)
        {
            CartError = rejection.Message;
            return RedirectToPage(null, null, State(), "varukorg");
        }

        return RedirectToPage("/Biljetter/Bestallning", new { id = ordered.Value!.Id });
    }

    /// <summary>The search (and chosen departure) as route values, for forms and redirects that keep the traveller's place.</summary>
    public Dictionary<string, string> State(bool withJourney = true)
    {
        var state = new Dictionary<string, string>();
        foreach (var (key, value) in new[] { ("fran", From), ("till", To), ("datum", Date), ("tid", Time), ("avgang", withJourney ? JourneyId : null) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                state[key] = value;
            }
        }

        return state;
    }

    private ICartGrain CartGrain => cluster.GetGrain<ICartGrain>(User.GetUserId());

    private async Task<IActionResult?> LoadTravellerAsync()
    {
        if (await TravellerContext.LoadAsync(cluster, User.GetUserId()) is not { } traveller)
        {
            return Forbid();
        }

        Traveller = traveller;
        return null;
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (Traveller.StaffOfferUnavailable is null)
        {
            Cart = await CartGrain.GetAsync();
        }

        var now = Stockholm.ToLocal(clock.GetUtcNow());
        Date ??= now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Time ??= now.ToString("HH:mm", CultureInfo.InvariantCulture);
        Mobile ??= Traveller.User.Mobile is { } mobile ? TicketText.Mobile(mobile) : null;
        CarrierChoice ??= CarrierPayload.App;
        return Page();
    }

    private async Task SearchAsync()
    {
        var transit = cluster.GetGrain<ITransitGrain>(0);
        var from = await ResolveStopAsync(transit, "fran", From, "Ange en hållplats att resa från.");
        var to = await ResolveStopAsync(transit, "till", To, "Ange en hållplats att resa till.");
        From = from?.Name ?? From;
        To = to?.Name ?? To;

        var now = Stockholm.ToLocal(clock.GetUtcNow());
        var day = DateOnly.FromDateTime(now.DateTime);
        if (!string.IsNullOrWhiteSpace(Date) && !DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            Errors.Add("datum", "Ange datum som ÅÅÅÅ-MM-DD, t.ex. 2026-11-30.");
        }

        var after = TimeOnly.FromDateTime(now.DateTime);
        if (!string.IsNullOrWhiteSpace(Time) && !TimeOnly.TryParseExact(Time, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out after))
        {
            Errors.Add("tid", "Ange tid som TT:MM, t.ex. 07:30.");
        }

        if (from is not null && to is not null && from.Id == to.Id)
        {
            Errors.Add("till", "Välj en annan hållplats än den du reser från.");
        }

        if (from is null || to is null || Errors.Count > 0)
        {
            return;
        }

        // The search that was made, written out, so the next step searches exactly the same.
        Date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Time = after.ToString("HH:mm", CultureInfo.InvariantCulture);
        var found = await transit.FindJourneysAsync(from.Id, to.Id, day, after);
        if (found.Rejection is { } rejection)
        {
            ShowRejection(rejection);
            return;
        }

        Journeys = found.Value!;
        if (JourneyId is null)
        {
            return;
        }

        Journey = Journeys.FirstOrDefault(journey => journey.Id == JourneyId);
        if (Journey is null)
        {
            Errors.Add("avgang", "Avgången finns inte längre. Välj en avgång i listan.");
            return;
        }

        Quotes = await transit.ProductsAsync(Journey.Zones);
    }

    private async Task<TransitStop?> ResolveStopAsync(ITransitGrain transit, string field, string? typed, string missing)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            Errors.Add(field, missing);
            return null;
        }

        var name = typed.Trim();
        var matches = await transit.SearchStopsAsync(name, 10);
        var stop = matches.FirstOrDefault(match => string.Equals(match.Name, name, StringComparison.CurrentCultureIgnoreCase))
            ?? (matches.Count > 0 ? matches[0] : null);
        if (stop is null)
        {
            Errors.Add(field, RejectionMessages.UnknownStop);
        }

        return stop;
    }

    /// <summary>Puts a grain's field messages next to the fields of this form, and its message in the summary.</summary>
    private void ShowRejection(Rejection rejection)
    {
        ErrorSummary = rejection.Message;
        foreach (var (field, messages) in rejection.FieldErrors)
        {
            var formField = field switch
            {
                "from" => "fran",
                "to" => "till",
                "journeyId" => "avgang",
                "productId" or "categoryId" => "biljett",
                "carrier" => CarrierChoice == CarrierPayload.Card ? "kortnummer" : "mobil",
                _ => null,
            };
            if (formField is not null && messages is [var message, ..])
            {
                Errors.Add(formField, message);
            }
        }
    }
}
