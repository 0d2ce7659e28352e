using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;
using Kalmar.Contracts.Model;

namespace Kalmar.Web.Features.Tickets;

/// <summary>
/// The QR payload, version 1 (README "Ticket QR payload"): base64url without padding of
/// <c>version(1) · kid(4) · ticket id(16, RFC 4122 order) · valid from(4) · valid to(4) (Unix seconds, big-endian) ·
/// carrier(1: 0 app, 1 card) · product · category · zones</c>, the last three each a length byte and UTF-8 (zones
/// joined by commas), then the ES256 signature of everything before it as r‖s (64 bytes, IEEE P1363: what WebCrypto
/// and most devices take). A typical ticket is about 170 characters: a small QR code at error correction M.
/// </summary>
public static class TicketCodeLayout
{
    public const byte Version = 1;
    public const int KeyIdLength = 4;
    public const int SignatureLength = 64;

    private const int HeaderLength = 1 + KeyIdLength + 16 + 4 + 4 + 1;
    private const int TextCount = 3;

    /// <summary>Longer input is not a ticket of ours (ours stay under 300 characters): refused before decoding.</summary>
    public const int MaxPayloadLength = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The bytes the signature covers.</summary>
    public static byte[] ToSign(byte[] keyId, TicketCodeContent content)
    {
        var texts = new[] { content.Product, content.Category, string.Join(',', content.Zones) }.Select(StrictUtf8.GetBytes).ToArray();
        var bytes = new byte[HeaderLength + texts.Sum(text => 1 + text.Length)];
        bytes[0] = Version;
        keyId.CopyTo(bytes, 1);
        content.TicketId.TryWriteBytes(bytes.AsSpan(1 + KeyIdLength), bigEndian: true, out _);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(21), checked((uint)content.ValidFrom.ToUnixTimeSeconds()));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(25), checked((uint)content.ValidTo.ToUnixTimeSeconds()));
        bytes[29] = content.Carrier == CarrierType.Card ? (byte)1 : (byte)0;
        var at = HeaderLength;
        foreach (var text in texts)
        {
            bytes[at] = checked((byte)text.Length);
            text.CopyTo(bytes, at + 1);
            at += 1 + text.Length;
        }

        return bytes;
    }

    public static string Encode(byte[] signedBytes, byte[] signature) => Base64Url.EncodeToString([.. signedBytes, .. signature]);

    /// <summary>The parts of a well-formed payload (its signature not yet checked), or false for anything else.</summary>
    public static bool TryRead(string payload, out SignedTicketCode code)
    {
        code = null!;
        if (payload.Length > MaxPayloadLength || !Base64Url.IsValid(payload, out var length) || length < HeaderLength + TextCount + SignatureLength)
        {
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(payload);
        var signed = bytes.AsMemory(0, bytes.Length - SignatureLength);
        var span = signed.Span;
        if (span[0] != Version || span[29] > 1 || !TryReadTexts(span[HeaderLength..], out var texts))
        {
            return false;
        }

        var content = new TicketCodeContent(
            new Guid(span.Slice(1 + KeyIdLength, 16), bigEndian: true),
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(span[21..])),
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(span[25..])),
            span[29] == 1 ? CarrierType.Card : CarrierType.App,
            texts[0], texts[1], texts[2].Length == 0 ? [] : texts[2].Split(','));
        code = new SignedTicketCode(Convert.ToHexStringLower(span.Slice(1, KeyIdLength)), content, signed, bytes.AsMemory(signed.Length));
        return true;
    }

    /// <summary>Exactly three length-prefixed UTF-8 texts filling <paramref name="rest"/>.</summary>
    private static bool TryReadTexts(ReadOnlySpan<byte> rest, out string[] texts)
    {
        texts = new string[TextCount];
        for (var i = 0; i < TextCount; i++)
        {
            if (rest.IsEmpty || rest[0] >= rest.Length)
            {
                return false;
            }

            try
            {
                texts[i] = StrictUtf8.GetString(rest.Slice(1, rest[0]));
            }
            catch (DecoderFallbackException)
            {
                return false;
            }

            rest = rest[(1 + rest[0])..];
        }

        return rest.IsEmpty;
    }
}
