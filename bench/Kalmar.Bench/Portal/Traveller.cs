namespace Kalmar.Bench.Portal;

/// <summary>A seeded traveller with business travel and AllPay, signed in to the app with <see cref="Token"/>.</summary>
public sealed record Traveller(Guid Id, string Mobile, string Token);
