using System.Security.Cryptography;
using System.Text;

namespace Kalmar.Contracts.Domain;

/// <summary>Random user names and codes for app activation, and the hash that is all we keep of a code.</summary>
public static class OneTimeCodes
{
    private const string UsernamePrefix = "klt-";
    private const string UsernameAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: read from an SMS

    public static string NewUsername() => UsernamePrefix + RandomNumberGenerator.GetString(UsernameAlphabet, 8);

    /// <summary>A user name as typed from the SMS (any case, stray spaces) in the form <see cref="NewUsername"/> gives, which keys its grain.</summary>
    public static string NormalizeUsername(string typed)
    {
        var trimmed = typed.Trim();
        return trimmed.StartsWith(UsernamePrefix, StringComparison.OrdinalIgnoreCase)
            ? UsernamePrefix + trimmed[UsernamePrefix.Length..].ToUpperInvariant()
            : trimmed.ToUpperInvariant();
    }

    /// <summary>Whether a (normalised) user name could be one we issued; anything else need not reach a grain.</summary>
    public static bool IsUsername(string username) =>
        username.Length == UsernamePrefix.Length + 8 && username.StartsWith(UsernamePrefix, StringComparison.Ordinal)
        && username[UsernamePrefix.Length..].All(UsernameAlphabet.Contains);

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim())));

    public static bool Matches(string code, string hash) =>
        CryptographicOperations.FixedTimeEquals(Convert.FromHexString(Hash(code)), Convert.FromHexString(hash));
}
