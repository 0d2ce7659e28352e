using Kalmar.Contracts.Hosting;
using Kalmar.Web.Infrastructure;
using Kalmar.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;

namespace Kalmar.Web.Extensions;

public static class DataProtectionExtensions
{
    /// <summary>
    /// One key ring for every web node, so each reads the others' cookies and tokens: kept in PostgreSQL and, with the
    /// configured certificate (required outside Development), encrypted there by the framework.
    /// </summary>
    public static WebApplicationBuilder AddKalmarDataProtection(this WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName(ClusterSettings.DefaultServiceId);
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource>((options, dataSource) => options.XmlRepository = new PostgresXmlRepository(dataSource));
        if (KeyRingCertificate.Load(builder.Configuration, builder.Environment.EnvironmentName) is { } certificate)
        {
            protection.ProtectKeysWithCertificate(certificate);
        }

        return builder;
    }
}
