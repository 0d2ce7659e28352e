using Kalmar.Contracts.Domain;

namespace Kalmar.Contracts.Live;

/// <summary>
/// Lines joined a department's open invoice (a business trip charged, a staff-offer order approved): what they add, so
/// an open Fakturor page adds it to its totals without asking. One per department per commit.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.InvoiceChanged")]
public sealed record InvoiceChanged(
    [property: Id(0)] string Month,
    [property: Id(1)] Guid CompanyId,
    [property: Id(2)] Guid DepartmentId,
    [property: Id(3)] PriceBreakdown Added,
    [property: Id(4)] int Lines) : LiveUpdate
{
    /// <summary>To the company's admins and the department's.</summary>
    public LiveEvent ToAdmins() => LiveEvent.ToGroups(this, [LiveAddress.CompanyAdmins(CompanyId), LiveAddress.DepartmentAdmins(DepartmentId)]);
}
