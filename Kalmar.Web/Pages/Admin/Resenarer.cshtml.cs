using Kalmar.Contracts.Domain;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Travellers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Admin;

/// <summary>The admin's travellers, and business travel with its monthly credit for each.</summary>
public sealed class ResenarerModel(TravellersService travellers) : PageModel
{
    public Paged<TravellerListItem> Travellers { get; private set; } = new([], 1, TravellerQuery.DefaultPageSize, 0);

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    public async Task OnGetAsync() => Travellers = await travellers.SearchAsync(AdminScope.Of(User), new TravellerQuery());

    public async Task<IActionResult> OnPostBusinessTravelAsync(Guid id, bool enabled, string? limit)
    {
        if (!Kronor.TryParseOre(limit, out var limitOre))
        {
            (Message, MessageIsError) = ("Ange månadskrediten i kronor, t.ex. 400 eller 400,50.", true);
            return RedirectToPage();
        }

        var granted = await travellers.GrantBusinessTravelAsync(
            AdminScope.Of(User), id, enabled, limitOre);
        (Message, MessageIsError) = granted switch
        {
            { Rejection: { } rejection } => (rejection.Message, true),
            { Value: { Status.Enabled: true, WasGranted: true } change } => ($"Månadskrediten är sparad: {Money.ToKronor(change.Status.MonthlyLimitOre)}.", false),
            { Value.Status.Enabled: true } => ("Tjänsteresor är beviljade. Ett sms med användarnamn och engångskod har skickats.", false),
            _ => ("Tjänsteresor är indragna.", false),
        };
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSendCodeAsync(Guid id)
    {
        (Message, MessageIsError) = (await travellers.SendNewCodeAsync(AdminScope.Of(User), id)).Rejection is { } rejection
            ? (rejection.Message, true)
            : ("En ny kod har skickats per sms. Den förra koden gäller inte längre.", false);
        return RedirectToPage();
    }
}
