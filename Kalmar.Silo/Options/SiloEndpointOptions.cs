using System.ComponentModel.DataAnnotations;

namespace Kalmar.Silo.Options;

/// <summary>Where this silo listens (section <c>Silo</c>); two silos on one machine need different ports.</summary>
public sealed class SiloEndpointOptions
{
    public const string Section = "Silo";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this one on; when empty, Orleans picks one of the machine's.</summary>
    public string? AdvertisedIp { get; set; }
}
