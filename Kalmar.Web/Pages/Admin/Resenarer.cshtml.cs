using System.Globalization;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Web.Apis;
using Kalmar.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Admin;

/// <summary>The admin's travellers, and business travel with its monthly credit for each.</summary>
public sealed class ResenarerModel(IClusterClient cluster) : PageModel
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public IReadOnlyList<TravellersApi.TravellerResponse> Travellers { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    public async Task OnGetAsync() => Travellers = await TravellersApi.LoadAsync(cluster, AdminScope.Of(User));

    public async Task<IActionResult> OnPostBusinessTravelAsync(Guid id, bool enabled, string? limit)
    {
        if (!decimal.TryParse((limit ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal), NumberStyles.Number, Swedish, out var kronor) || kronor < 0)
        {
            (Message, MessageIsError) = ("Ange månadskrediten i kronor, t.ex. 400 eller 400,50.", true);
            return RedirectToPage();
        }

        var wasGranted = (await cluster.GetGrain<IBusinessTravelGrain>(id).GetAsync()).Enabled;
        var result = (await TravellersApi.GrantBusinessTravelAsync(
            id, new TravellersApi.BusinessTravelRequest(enabled, (long)Math.Round(kronor * 100, MidpointRounding.AwayFromZero)), HttpContext, cluster)).Result;
        (Message, MessageIsError) = result switch
        {
            ProblemHttpResult problem => (problem.ProblemDetails.Detail, true),
            Ok<BusinessTravelStatus> { Value: { Enabled: true } status } when wasGranted =>
                ($"Månadskrediten är sparad: {Money.ToKronor(status.MonthlyLimitOre)}.", false),
            Ok<BusinessTravelStatus> { Value.Enabled: true } => ("Tjänsteresor är beviljade. Ett sms med användarnamn och engångskod har skickats.", false),
            _ => ("Tjänsteresor är indragna.", false),
        };
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSendCodeAsync(Guid id)
    {
        (Message, MessageIsError) = (await TravellersApi.SendNewCodeAsync(id, HttpContext, cluster)).Result switch
        {
            ProblemHttpResult problem => (problem.ProblemDetails.Detail, true),
            _ => ("En ny kod har skickats per sms. Den förra koden gäller inte längre.", false),
        };
        return RedirectToPage();
    }
}
