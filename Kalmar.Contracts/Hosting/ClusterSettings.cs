using Microsoft.Extensions.Configuration;

namespace Kalmar.Contracts.Hosting;

/// <summary>What silos and web nodes must agree on to find each other: one database, one cluster id.</summary>
public static class ClusterSettings
{
    /// <summary>The ADO.NET invariant of Npgsql, for Orleans' clustering, storage and reminders.</summary>
    public const string Invariant = "Npgsql";

    public const string ConnectionStringName = "Kalmar";

    /// <summary>The configuration section bound to Orleans' <c>ClusterOptions</c>.</summary>
    public const string ClusterSection = "Cluster";

    public const string DefaultClusterId = "kalmar";
    public const string DefaultServiceId = "foretagsportalen";

    public static string GetKalmarConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"Set the connection string ConnectionStrings:{ConnectionStringName} (environment variable ConnectionStrings__{ConnectionStringName}).");

    public static string GetClusterId(this IConfiguration configuration) =>
        configuration[$"{ClusterSection}:ClusterId"] ?? DefaultClusterId;

    public static string GetServiceId(this IConfiguration configuration) =>
        configuration[$"{ClusterSection}:ServiceId"] ?? DefaultServiceId;
}
