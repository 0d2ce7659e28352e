using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Providers;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Kalmar.Tests.Fixtures;

/// <summary>
/// Puts a <see cref="FailingGrainStorage"/> around the silo's default (ADO.NET) grain storage. Registered after
/// <c>AddKalmar</c>, it is the one the grains and the silo's start-up resolve by the default storage's name.
/// </summary>
public sealed class FailingStorageConfigurator : IHostConfigurator
{
    public void Configure(IHostBuilder hostBuilder) =>
        hostBuilder.ConfigureServices(services => services.AddKeyedSingleton<IGrainStorage>(
            ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
            (provider, name) => new FailingGrainStorage(AdoNetGrainStorageFactory.Create(provider, (string)name!))));
}
