using System.Net;
using System.Text.Json;

namespace Kalmar.Bench.Chaos;

/// <summary>An answer that says what happened (anything below 500), with its JSON.</summary>
public sealed record Answer(HttpStatusCode Status, JsonElement Json, bool AfterFailures)
{
    public string? ProblemType => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("type", out var type) ? type.GetString() : null;
}
