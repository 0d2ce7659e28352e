namespace Kalmar.Web.Payloads;

/// <summary>The traveller an order is for, with the mobile number a ticket in the app goes to.</summary>
public sealed record PersonPayload(Guid Id, string Name, string? Mobile);
