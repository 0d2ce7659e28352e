namespace Kalmar.Web.Features.Audit;

/// <summary>Filters of the Händelselogg: one traveller or department target, an action, a period (Stockholm dates, inclusive).</summary>
public sealed record AuditQuery(Guid? TargetId = null, string? Action = null, DateOnly? From = null, DateOnly? To = null, int Page = 1)
{
    public const int PageSize = 50;
}
