using System.Buffers.Text;
using Kalmar.Contracts.Model;
using Kalmar.Web.Features.Tickets;

namespace Kalmar.Tests.Web;

/// <summary>The ticket QR payload's bytes (README "Ticket QR payload"), without keys: what is written is read back, and nothing else is read.</summary>
public sealed class TicketCodeLayoutTests
{
    private static readonly byte[] KeyId = [0x0a, 0x1b, 0x2c, 0x3d];

    private static readonly TicketCodeContent Content = new(
        Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), DateTimeOffset.FromUnixTimeSeconds(1_795_000_000),
        DateTimeOffset.FromUnixTimeSeconds(1_795_005_400), CarrierType.Card, "Enkelbiljett", "Pensionär/Senior", ["101", "131"]);

    [Fact]
    public void WhatIsWrittenIsReadBackWithTheKeyIdInHex()
    {
        var payload = Payload(TicketCodeLayout.ToSign(KeyId, Content));

        Assert.True(TicketCodeLayout.TryRead(payload, out var code));

        Assert.Equal("0a1b2c3d", code.Kid);
        Assert.Equal(Content with { Zones = [] }, code.Content with { Zones = [] });
        Assert.Equal(Content.Zones, code.Content.Zones);
        var bytes = Base64Url.DecodeFromChars(payload);
        Assert.Equal("0f8fad5bd9cb469fa16570867728950e", Convert.ToHexStringLower(bytes.AsSpan(5, 16)));
        Assert.Equal(bytes[..^TicketCodeLayout.SignatureLength], code.SignedBytes.ToArray());
    }

    [Fact]
    public void NoTruncationOrOtherVersionOrCarrierIsRead()
    {
        var signedBytes = TicketCodeLayout.ToSign(KeyId, Content);

        for (var length = 0; length < signedBytes.Length; length++)
        {
            Assert.False(TicketCodeLayout.TryRead(Payload(signedBytes[..length]), out _), $"A code cut to {length} bytes was read.");
        }

        foreach (var (at, value) in new[] { (0, (byte)2), (29, (byte)2), (30, (byte)200) })
        {
            var changed = signedBytes.ToArray();
            changed[at] = value;
            Assert.False(TicketCodeLayout.TryRead(Payload(changed), out _), $"A code with byte {at} = {value} was read.");
        }

        Assert.False(TicketCodeLayout.TryRead(Payload([.. signedBytes, 0]), out _));
        Assert.False(TicketCodeLayout.TryRead(new string('A', TicketCodeLayout.MaxPayloadLength + 4), out _));
    }

    /// <summary>A payload of <paramref name="signedBytes"/> with a signature of the right length (its value is the key's concern, not the layout's).</summary>
    private static string Payload(byte[] signedBytes) => TicketCodeLayout.Encode(signedBytes, new byte[TicketCodeLayout.SignatureLength]);
}
