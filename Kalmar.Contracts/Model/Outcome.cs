namespace Kalmar.Contracts.Model;

/// <summary>The result of a command: the new value, or the <see cref="Rejection"/> that left everything unchanged.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.Outcome`1")]
public sealed record Outcome<T>([property: Id(0)] T? Value, [property: Id(1)] Rejection? Rejection)
{
    public static implicit operator Outcome<T>(Rejection rejection) => new(default, rejection);

    public static Outcome<T> Success(T value) => new(value, null);
}
