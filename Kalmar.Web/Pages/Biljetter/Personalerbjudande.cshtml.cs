using System.Globalization;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Fares;
using Kalmar.Contracts.Model;
using Kalmar.Contracts.Transit;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Ordering;
using Kalmar.Web.Features.Transit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Biljetter;

/// <summary>
/// Köp biljett (the staff offer): search, departure, ticket and carrier, cart, order. Every step is
/// a plain form, and the search travels in the query string, so any step can be rebuilt from its
/// URL (reloaded, bookmarked, or reached without JavaScript).
/// </summary>
public sealed class PersonalerbjudandeModel(OrderingService ordering, TransitService transit, TimeProvider clock) : PageModel
{
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

    /// <summary>"Startdag" (<c>YYYY-MM-DD</c>) for 30- and 365-dagars; Enkel and 24-timmars start at the chosen departure.</summary>
    [BindProperty(Name = "startdag")]
    public string? StartDay { get; set; }

    /// <summary>The days a start may be chosen: today up to <see cref="TicketStart.MaxDaysAhead"/> days ahead (Stockholm).</summary>
    public DateOnly FirstStartDay => Stockholm.DateOf(clock.GetUtcNow());

    public DateOnly LastStartDay => FirstStartDay.AddDays(TicketStart.MaxDaysAhead);

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

        var carrierType = CarrierTypeNames.Parse(CarrierChoice);
        if (carrierType is null)
        {
            Errors.Add("barare", "Välj biljettbärare: App eller Resekort.");
        }

        _startsOnDay = Quotes.FirstOrDefault(quote => quote.Product.Id == ticket[0])?.Product.StartsOnDay == true;
        DateOnly? startDay = null;
        if (_startsOnDay && !string.IsNullOrWhiteSpace(StartDay))
        {
            if (DateOnly.TryParseExact(StartDay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                startDay = day;
            }
            else
            {
                Errors.Add("startdag", "Ange startdagen som ÅÅÅÅ-MM-DD.");
            }
        }

        if (Errors.Count > 0)
        {
            return await ShowAsync();
        }

        // Enkel and 24-timmars are valid from the departure the traveller chose, not from the approval.
        var number = carrierType == CarrierType.App ? Mobile : CardNumber;
        var added = await ordering.AddToCartAsync(UserId, new AddToCart(
            Journey!.Id, ticket[0], ticket[1], carrierType!.Value, number, startDay, _startsOnDay ? null : Journey.Departure));
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
        await ordering.RemoveFromCartAsync(UserId, item);
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

        var ordered = await ordering.CheckoutAsync(UserId, idempotencyKey);
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

    /// <summary>Whether the ticket being added starts on a day (its start's errors belong to Startdag, not to the departure).</summary>
    private bool _startsOnDay;

    private Guid UserId => User.GetUserId();

    private async Task<IActionResult?> LoadTravellerAsync()
    {
        if (await ordering.TravellerAsync(UserId) is not { } traveller)
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
            Cart = await ordering.CartAsync(UserId);
        }

        var now = JourneyStart.At(clock.GetUtcNow());
        Date ??= now.Date;
        Time ??= now.Time;
        Mobile ??= Traveller.User.Mobile is { } mobile ? TicketText.Mobile(mobile) : null;
        CarrierChoice ??= CarrierTypeNames.App;
        return Page();
    }

    private async Task SearchAsync()
    {
        var search = await transit.SearchAsync(new JourneyQuery(From, To, Date, Time, JourneyId));
        (From, To, Date, Time) = (search.From, search.To, search.Date, search.Time);
        foreach (var (field, message) in search.Errors)
        {
            Errors.Add(FormField(field) ?? field, message);
        }

        if (search.Rejection is { } rejection)
        {
            ShowRejection(rejection);
        }

        (Journeys, Journey, Quotes) = (search.Journeys, search.Journey, search.Quotes);
    }

    /// <summary>Puts a grain's field messages next to the fields of this form, and its message in the summary.</summary>
    private void ShowRejection(Rejection rejection)
    {
        ErrorSummary = rejection.Message;
        foreach (var (field, messages) in rejection.FieldErrors)
        {
            if (FormField(field) is { } formField && messages is [var message, ..])
            {
                Errors.Add(formField, message);
            }
        }
    }

    /// <summary>This form's field for a field of the search, the cart or the journey planner.</summary>
    private string? FormField(string field) => field switch
    {
        "from" => "fran",
        "to" => "till",
        "date" => "datum",
        "time" => "tid",
        "journeyId" => "avgang",
        "startsAt" => _startsOnDay ? "startdag" : "avgang",
        "productId" or "categoryId" => "biljett",
        "carrier" => CarrierChoice == CarrierTypeNames.Card ? "kortnummer" : "mobil",
        _ => null,
    };
}
