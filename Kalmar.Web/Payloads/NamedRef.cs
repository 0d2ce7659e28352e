namespace Kalmar.Web.Payloads;

/// <summary>A company or department as a reference: <c>{id, name}</c>.</summary>
public sealed record NamedRef(Guid Id, string Name);
