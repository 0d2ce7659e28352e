using System.Security.Cryptography;
using Kalmar.Contracts.Model;
using QRCoder;

namespace Kalmar.Web.Features.Tickets;

/// <summary>
/// The mobile ticket's QR code: its <see cref="TicketCodeLayout"/> payload signed with the ring's current ECDSA P-256 key
/// (ES256). Anyone with the published public keys (<c>/.well-known/ticket-keys.json</c>) can check a code without a
/// connection; only the web nodes can make one.
/// </summary>
public sealed class TicketCodes(TicketKeyRing keys)
{
    public async Task<string> SignAsync(Ticket ticket)
    {
        var key = await keys.SigningKeyAsync();
        var signedBytes = TicketCodeLayout.ToSign(key.KeyIdBytes, TicketCodeContent.Of(ticket));
        using var signer = ECDsa.Create(key.Private!.Value);
        return TicketCodeLayout.Encode(signedBytes, signer.SignData(signedBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    public static string Svg(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    /// <summary>What a genuine code says, or null for anything else: malformed, altered, or signed by a key not published.</summary>
    public async Task<TicketCodeContent?> ReadAsync(string payload)
    {
        if (!TicketCodeLayout.TryRead(payload, out var code) || await keys.FindAsync(code.Kid) is not { } key)
        {
            return null;
        }

        using var verifier = ECDsa.Create(key.Public);
        return verifier.VerifyData(code.SignedBytes.Span, code.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            ? code.Content
            : null;
    }
}
