namespace Kalmar.Contracts.Model;

/// <summary>
/// Why a command changed nothing: a stable <paramref name="Code"/> (the API's problem type), a
/// Swedish message, and messages per field for validation.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.Rejection")]
public sealed record Rejection(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] IReadOnlyDictionary<string, string[]> FieldErrors)
{
    public const string ValidationCode = "validation";

    public static Rejection Field(string field, string message) =>
        new(ValidationCode, message, new Dictionary<string, string[]> { [field] = [message] });

    public static Rejection Of(string code, string message) => new(code, message, new Dictionary<string, string[]>());
}
