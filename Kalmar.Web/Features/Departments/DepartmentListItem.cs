using Kalmar.Web.Payloads;

namespace Kalmar.Web.Features.Departments;

/// <summary>A department as the company admin's list shows it (api.md), with how many travellers belong to it and its admins.</summary>
public sealed record DepartmentListItem(
    Guid Id, string Name, string Reference, string CostCentre, long TravellerCount, IReadOnlyList<NamedRef> Admins);
