using System.Text.Json;
using Kalmar.Contracts.Domain;

namespace Kalmar.Web.Features.Audit;

/// <summary>One field of an audit entry as a person reads it: "Namn: Avdelning 21 → Avdelning 22".</summary>
public sealed record AuditChange(string Field, string Before, string After)
{
    private const string Nothing = "–";

    public override string ToString() =>
        Before == Nothing ? $"{Field}: {After}" : After == Nothing ? $"{Field}: {Before} → {Nothing}" : $"{Field}: {Before} → {After}";

    /// <summary>
    /// The fields that differ between the stored JSON objects, in the order they were written; a creation lists every
    /// field it set, a deletion every field it removed. Anything but an object is shown whole.
    /// </summary>
    public static IReadOnlyList<AuditChange> Between(JsonElement? before, JsonElement? after)
    {
        var (b, a) = (before ?? default, after ?? default);
        if (!IsObjectOrNothing(b) || !IsObjectOrNothing(a))
        {
            return [new AuditChange("Ändring", Text(before, ""), Text(after, ""))];
        }

        var names = Names(b).Concat(Names(a)).Distinct(StringComparer.Ordinal);
        return
        [
            .. names
                .Select(name => new AuditChange(AuditTexts.Field(name), Text(Value(b, name), name), Text(Value(a, name), name)))
                .Where(change => change.Before != change.After),
        ];
    }

    private static bool IsObjectOrNothing(JsonElement element) =>
        element.ValueKind is JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined;

    private static IEnumerable<string> Names(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject().Select(property => property.Name) : [];

    private static JsonElement? Value(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string Text(JsonElement? value, string name) => value switch
    {
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => Nothing,
        { ValueKind: JsonValueKind.True } => "ja",
        { ValueKind: JsonValueKind.False } => "nej",
        { ValueKind: JsonValueKind.Number } number when name.EndsWith("Ore", StringComparison.Ordinal) && number.TryGetInt64(out var ore) => Money.ToKronor(ore),
        { ValueKind: JsonValueKind.String } text => text.GetString() is { Length: > 0 } s ? s : Nothing,
        { ValueKind: JsonValueKind.Array } array => Joined(array.EnumerateArray().Select(item => Text(item, name))),
        { ValueKind: JsonValueKind.Object } obj => Joined(obj.EnumerateObject().Select(p => Text(p.Value, p.Name))),
        { } other => other.GetRawText(),
    };

    private static string Joined(IEnumerable<string> parts) =>
        string.Join(", ", parts.Where(part => part != Nothing)) is { Length: > 0 } joined ? joined : Nothing;
}
