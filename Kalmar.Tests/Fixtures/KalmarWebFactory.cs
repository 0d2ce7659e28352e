using Kalmar.Contracts.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kalmar.Tests.Fixtures;

/// <summary>A web host (the real Kalmar.Web) joined to a test cluster through the cluster table.</summary>
public sealed class KalmarWebFactory(KalmarCluster cluster) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting($"ConnectionStrings:{ClusterSettings.ConnectionStringName}", cluster.ConnectionString);
        builder.UseSetting($"{ClusterSettings.ClusterSection}:ClusterId", cluster.ClusterId);
        builder.UseSetting($"{ClusterSettings.ClusterSection}:ServiceId", cluster.ServiceId);
        builder.UseSetting("Live:RenewalInterval", "00:00:01");
    }
}
