using System.Data.Common;
using Microsoft.Extensions.Configuration;

namespace Kalmar.Contracts.Hosting;

/// <summary>
/// What a host refuses to start without outside Development: a database password that is not the published
/// development default, and a configured public base URL (every link in an e-mail or SMS is built from it).
/// </summary>
public static class ProductionSettings
{
    /// <summary>The development database password in docker-compose and the run script; never valid in Production.</summary>
    public const string DevelopmentPassword = "kalmar";

    /// <summary>Throws, naming what to set, when <paramref name="environmentName"/> is not Development and a setting is unsafe.</summary>
    public static void Check(IConfiguration configuration, string environmentName)
    {
        if (environmentName == "Development")
        {
            return;
        }

        var connection = new DbConnectionStringBuilder { ConnectionString = configuration.GetKalmarConnectionString() };
        var password = connection.TryGetValue("Password", out var value) ? value as string : null;
        if (string.IsNullOrEmpty(password) || password == DevelopmentPassword)
        {
            throw new InvalidOperationException(
                $"{environmentName} does not start with an empty or the development database password: set a strong one in ConnectionStrings__{ClusterSettings.ConnectionStringName}.");
        }

        if (string.IsNullOrWhiteSpace(configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.PublicBaseUrl)}"]))
        {
            throw new InvalidOperationException(
                $"{environmentName} does not start without the portal's public address: set {PortalOptions.Section}__{nameof(PortalOptions.PublicBaseUrl)} (e.g. https://foretag.klt.se).");
        }
    }
}
