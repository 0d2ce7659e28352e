using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Credit;

/// <summary>
/// One accepted refund as <c>credit_ledger</c> holds it: a negative row under <paramref name="Id"/>, keyed by its ticket,
/// with the credit as it stood after it (<paramref name="After"/>).
/// </summary>
public sealed record RefundEntry(Guid Id, CreditRefund Refund, DateTimeOffset At, CreditView After);
