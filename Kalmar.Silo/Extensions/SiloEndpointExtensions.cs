using System.Net;
using Kalmar.Contracts.Hosting;
using Kalmar.Silo.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Kalmar.Silo.Extensions;

public static class SiloEndpointExtensions
{
    /// <summary>The silo's ports, address and cluster id, from the <c>Silo</c> and <c>Cluster</c> sections.</summary>
    public static ISiloBuilder ConfigureKalmarEndpoints(this ISiloBuilder silo, IConfiguration configuration)
    {
        var endpoints = configuration.GetSection(SiloEndpointOptions.Section).Get<SiloEndpointOptions>() ?? new();
        silo.Services.AddOptions<SiloEndpointOptions>()
            .Bind(configuration.GetSection(SiloEndpointOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = configuration.GetClusterId();
            options.ServiceId = configuration.GetServiceId();
        });
        return string.IsNullOrEmpty(endpoints.AdvertisedIp)
            ? silo.ConfigureEndpoints(endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true)
            : silo.ConfigureEndpoints(IPAddress.Parse(endpoints.AdvertisedIp), endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true);
    }
}
