namespace Kalmar.Web.Payloads;

/// <summary>The department whose admins decide an order.</summary>
public sealed record DepartmentPayload(Guid Id, string Name);
