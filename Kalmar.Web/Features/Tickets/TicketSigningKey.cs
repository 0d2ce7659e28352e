using System.Security.Cryptography;

namespace Kalmar.Web.Features.Tickets;

/// <summary>
/// One key of the ticket key ring: its id (the payload's 4 bytes, in hex as JWK <c>kid</c>), public point, when it starts
/// signing and until when it verifies (null while it signs or waits to). <see cref="Private"/> is there only while the
/// key signs or waits to; a retired key only verifies.
/// </summary>
public sealed record TicketSigningKey(string Kid, ECParameters Public, ECParameters? Private, DateTimeOffset ActivatedAt, DateTimeOffset? VerifyUntil)
{
    public byte[] KeyIdBytes => Convert.FromHexString(Kid);

    public bool IsPublishedAt(DateTimeOffset now) => VerifyUntil is not { } until || until > now;
}
