using System.Text.Json;
using Kalmar.Web.Payloads;

namespace Kalmar.Web.Features.Audit;

/// <summary>An entry of the audit log as api.md gives it; <see cref="Before"/> and <see cref="After"/> are the stored JSON.</summary>
public sealed record AuditEntry(
    DateTimeOffset At, NamedRef Actor, string Action, NamedRef Target, JsonElement? Before, JsonElement? After)
{
    /// <summary>The action in Swedish, as the Händelselogg shows it.</summary>
    public string ActionText => AuditTexts.Describe(Action);
}
