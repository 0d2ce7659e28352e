namespace Kalmar.Web.Pages.Biljetter;

/// <summary>
/// The cart beside the ordering form. <see cref="IdempotencyKey"/> is made when the page is
/// rendered, so a double click or a resubmitted form orders once.
/// </summary>
public sealed record CartPanel(
    TicketSummary Summary, IDictionary<string, string> Route, string IdempotencyKey, string? Notice, string? Error)
{
    public bool IsEmpty => Summary.Lines.Count == 0;
}
