using Kalmar.Contracts.Hosting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace Kalmar.Web.Extensions;

public static class ProxyExtensions
{
    /// <summary>Section <c>Proxy</c>: the networks (CIDR) of the reverse proxies whose forwarded headers are believed.</summary>
    public const string KnownNetworksKey = "Proxy:KnownNetworks";

    /// <summary>
    /// Which hosts and proxies the node believes. Forwarded headers count only from the configured proxy networks
    /// (and loopback); outside Development an unset <c>AllowedHosts</c> means the portal's own public host (and
    /// localhost, for health checks), not any host.
    /// </summary>
    public static WebApplicationBuilder AddKalmarProxyRules(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in configuration.GetSection(KnownNetworksKey).Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        if (!builder.Environment.IsDevelopment() && configuration["AllowedHosts"] is null or "*")
        {
            var portal = configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
            builder.Services.Configure<HostFilteringOptions>(options =>
                options.AllowedHosts = [new Uri(portal.PublicBaseUrl).Host, "localhost"]);
        }

        return builder;
    }
}
