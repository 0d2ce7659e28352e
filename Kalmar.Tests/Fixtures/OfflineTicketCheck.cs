using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Kalmar.Tests.Fixtures;

/// <summary>
/// What an inspection device without a connection does: finds the key a payload names (bytes 1–4, in hex) in a JWK Set
/// fetched earlier, and checks the ES256 signature (the last 64 bytes, r‖s) over the rest. No call to the server.
/// </summary>
public static class OfflineTicketCheck
{
    public static bool Verifies(JsonElement keySet, string payload) => Verifies(keySet, Base64Url.DecodeFromChars(payload));

    public static bool Verifies(JsonElement keySet, byte[] code)
    {
        var kid = KeyId(code);
        var jwk = keySet.GetProperty("keys").EnumerateArray().SingleOrDefault(key => key.GetProperty("kid").GetString() == kid);
        if (jwk.ValueKind == JsonValueKind.Undefined)
        {
            return false;
        }

        Assert.Equal(("EC", "P-256", "ES256", "sig"), (Text(jwk, "kty"), Text(jwk, "crv"), Text(jwk, "alg"), Text(jwk, "use")));
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(Text(jwk, "x")), Y = Base64Url.DecodeFromChars(Text(jwk, "y")) },
        });
        return key.VerifyData(code.AsSpan(0, code.Length - 64), code.AsSpan(code.Length - 64), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public static string KeyId(string payload) => KeyId(Base64Url.DecodeFromChars(payload));

    /// <summary>The ticket id a payload carries (bytes 5–20, RFC 4122 order).</summary>
    public static Guid TicketId(string payload) => new(Base64Url.DecodeFromChars(payload).AsSpan(5, 16), bigEndian: true);

    private static string KeyId(byte[] code) => Convert.ToHexStringLower(code.AsSpan(1, 4));

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
