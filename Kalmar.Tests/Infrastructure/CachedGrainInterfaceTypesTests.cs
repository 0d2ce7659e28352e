using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Metadata;

namespace Kalmar.Tests.Infrastructure;

public sealed class CachedGrainInterfaceTypesTests
{
    private static readonly Type[] GrainInterfaces =
        [.. typeof(IUserGrain).Assembly.GetTypes().Where(type => type.IsInterface && typeof(IAddressable).IsAssignableFrom(type))];

    [Fact]
    public void EveryGrainInterfaceGetsTheTypeOrleansGivesIt()
    {
        using var orleans = ClientServices(cached: false);
        using var cached = ClientServices(cached: true);
        var expected = orleans.GetRequiredService<GrainInterfaceTypeResolver>();
        var actual = cached.GetRequiredService<GrainInterfaceTypeResolver>();

        Assert.Contains(typeof(ICreditAccountGrain), GrainInterfaces);
        Assert.Contains(typeof(ILiveObserver), GrainInterfaces);
        foreach (var type in GrainInterfaces)
        {
            Assert.Equal(expected.GetGrainInterfaceType(type), actual.GetGrainInterfaceType(type));
            Assert.Equal(expected.GetGrainInterfaceType(type), actual.GetGrainInterfaceType(type)); // and again, from memory
        }
    }

    [Fact]
    public void IsAskedBeforeOrleansOwnProviders()
    {
        using var services = ClientServices(cached: true);

        Assert.IsType<CachedGrainInterfaceTypes>(services.GetServices<IGrainInterfaceTypeProvider>().First());
    }

    private static ServiceProvider ClientServices(bool cached)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering();
            if (cached)
            {
                client.Services.AddCachedGrainInterfaceTypes();
            }
        });
        return builder.Services.BuildServiceProvider();
    }
}
