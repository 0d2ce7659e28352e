namespace Kalmar.Contracts.Model;

/// <summary>
/// The orders an admin may decide: their company's, all of them (<see cref="DepartmentIds"/> null, a company admin) or
/// only their departments'. Sent with a decision so that the order itself checks it, without a look-up before.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.AdminReach")]
public sealed record AdminReach([property: Id(0)] Guid CompanyId, [property: Id(1)] IReadOnlyList<Guid>? DepartmentIds)
{
    public bool Includes(OrderSubmission order) =>
        order.CompanyId == CompanyId && (DepartmentIds is null || DepartmentIds.Contains(order.DepartmentId));
}
