using System.Buffers.Text;
using Kalmar.Web.Features.Tickets;

namespace Kalmar.Web.Payloads;

/// <summary><c>/.well-known/ticket-keys.json</c>: a JWK Set (RFC 7517) of the keys that verify tickets' QR codes.</summary>
public sealed record TicketKeysPayload(IReadOnlyList<TicketKeysPayload.Jwk> Keys)
{
    public static TicketKeysPayload Of(IEnumerable<TicketSigningKey> keys) => new([.. keys.Select(Jwk.Of)]);

    /// <summary>An ES256 public key: the point's coordinates in base64url (RFC 7518 §6.2.1).</summary>
    public sealed record Jwk(string Kty, string Crv, string Kid, string X, string Y, string Use, string Alg)
    {
        public static Jwk Of(TicketSigningKey key) => new(
            "EC", "P-256", key.Kid, Base64Url.EncodeToString(key.Public.Q.X), Base64Url.EncodeToString(key.Public.Q.Y), "sig", "ES256");
    }
}
