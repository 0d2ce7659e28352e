using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Audit;

/// <summary>
/// One administrative change for <c>audit_log</c>: who, when, what (an <see cref="AuditActions"/> name), on whom or
/// what, and the values before and after (any shape; stored as JSON). <paramref name="EventId"/>, when given, makes
/// writing the entry again (a retried step) add nothing.
/// </summary>
public sealed record AuditRecord(
    DateTimeOffset At,
    Guid? CompanyId,
    Actor Actor,
    string Action,
    Guid? TargetId,
    string TargetName,
    object? Before,
    object? After,
    Guid? EventId = null);
