using System.Globalization;
using Kalmar.Contracts.Model;
using Microsoft.AspNetCore.DataProtection;
using QRCoder;

namespace Kalmar.Web.Features.Tickets;

/// <summary>
/// The mobile ticket's QR code. Its payload names the ticket, its holder and last valid moment,
/// and is signed (and sealed) with the web nodes' shared data protection keys, so a code cannot
/// be made up or altered: an inspector's device checks it with <see cref="TryRead"/>.
/// </summary>
public sealed class TicketCodes(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Kalmar.TicketQr.v1");

    public string PayloadFor(Guid userId, Ticket ticket) =>
        _protector.Protect(string.Join('|', ticket.Id.ToString("N"), userId.ToString("N"), ticket.ValidTo.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

    public static string Svg(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    /// <summary>The ticket id, holder and end of validity of a genuine code, or null for anything else.</summary>
    public (Guid TicketId, Guid UserId, DateTimeOffset ValidTo)? TryRead(string payload)
    {
        try
        {
            var parts = _protector.Unprotect(payload).Split('|');
            return (Guid.Parse(parts[0]), Guid.Parse(parts[1]), DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[2], CultureInfo.InvariantCulture)));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
