using System.Text.Json;
using Kalmar.Contracts.Domain;

namespace Kalmar.Web.Features.Audit;

/// <summary>
/// One field of an audit entry as a person reads it: "Avdelning: Ekonomi → Avdelning 21". The stored before and after
/// are JSON objects; only the fields that differ are shown, with Swedish names and values.
/// </summary>
public sealed record AuditChange(string Field, string? Before, string? After)
{
    private static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["firstName"] = "Förnamn",
        ["lastName"] = "Efternamn",
        ["email"] = "E-post",
        ["mobile"] = "Mobil",
        ["employeeNumber"] = "Anställningsnummer",
        ["department"] = "Avdelning",
        ["companyAdmin"] = "Företagsadministratör",
        ["departmentAdminOf"] = "Avdelningsadministratör för",
        ["enabled"] = "Tjänsteresor",
        ["monthlyLimitOre"] = "Månadskredit",
        ["active"] = "Aktiv",
        ["status"] = "Status",
        ["reason"] = "Skäl",
    };

    /// <summary>The entry's changed fields; a value that is not an object is shown whole, under "Värde".</summary>
    public static IReadOnlyList<AuditChange> Of(AuditEntry entry)
    {
        var before = Properties(entry.Before);
        var after = Properties(entry.After);
        var changes = new List<AuditChange>();
        foreach (var name in before.Keys.Concat(after.Keys.Where(key => !before.ContainsKey(key))))
        {
            var old = before.TryGetValue(name, out var b) ? Text(name, b) : null;
            var now = after.TryGetValue(name, out var a) ? Text(name, a) : null;
            if (old != now)
            {
                changes.Add(new AuditChange(Labels.GetValueOrDefault(name, name), old, now));
            }
        }

        return changes;
    }

    private static Dictionary<string, JsonElement> Properties(JsonElement? json) => json switch
    {
        { ValueKind: JsonValueKind.Object } value => value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value),
        { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } value => new() { ["Värde"] = value },
        _ => [],
    };

    private static string? Text(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "ja",
        JsonValueKind.False => "nej",
        JsonValueKind.Number when name.EndsWith("Ore", StringComparison.Ordinal) && value.TryGetInt64(out var ore) => Money.ToKronor(ore),
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "inga" : string.Join(", ", value.EnumerateArray().Select(item => Text(name, item) ?? "–")),
        _ => value.GetRawText(),
    };
}
