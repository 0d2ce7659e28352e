namespace Kalmar.Contracts.Model;

[GenerateSerializer, Immutable, Alias("Kalmar.PasswordChange")]
public sealed record PasswordChange(
    [property: Id(0)] string? CurrentPassword,
    [property: Id(1)] string? NewPassword,
    [property: Id(2)] string? ConfirmPassword);
