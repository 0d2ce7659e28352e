using Microsoft.Extensions.Time.Testing;
using Kalmar.Contracts.Hosting;
using Kalmar.Grains.Infrastructure;
using Kalmar.Silo.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Kalmar.Tests.Fixtures;

/// <summary>
/// An in-process Orleans cluster of our real silos (<c>AddKalmar</c>) on a database of its own,
/// with ADO.NET clustering so that web hosts find its gateways as in production.
/// </summary>
public sealed class KalmarCluster : IAsyncDisposable
{
    /// <summary>
    /// A settings section bound to the silos' <see cref="ClusterMembershipOptions"/>, e.g. for a test that kills a
    /// silo and cannot wait for the production failure-detection times.
    /// </summary>
    public const string MembershipSection = "Membership";

    /// <summary>
    /// An in-process kill usually still marks its silo dead in the membership table on the way out; a real crash
    /// does not, and the production defaults then take tens of seconds to notice. So the survivor probes quickly
    /// and may declare the other dead on its own vote.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> QuickFailureDetection = new Dictionary<string, string>
    {
        [$"{MembershipSection}:ProbeTimeout"] = "00:00:01",
        [$"{MembershipSection}:NumMissedProbesLimit"] = "2",
        [$"{MembershipSection}:NumVotesForDeathDeclaration"] = "1",
        [$"{MembershipSection}:TableRefreshTimeout"] = "00:00:02",
    };

    private KalmarCluster(TestCluster cluster, string connectionString, FakeTimeProvider? clock)
    {
        Cluster = cluster;
        ConnectionString = connectionString;
        Clock = clock;
    }

    public TestCluster Cluster { get; }

    public string ConnectionString { get; }

    /// <summary>The fake business clock the silos tell time by, or null on the real clock; web hosts compare session deadlines with it.</summary>
    public FakeTimeProvider? Clock { get; }

    public IClusterClient Client => Cluster.Client;

    public string ClusterId => Cluster.Options.ClusterId;

    public string ServiceId => Cluster.Options.ServiceId;

    /// <summary>Starts <paramref name="silos"/> silos on <paramref name="connectionString"/>, with demo data unless told otherwise.</summary>
    /// <remarks>
    /// With <paramref name="fakeClock"/> the silos tell time by <see cref="TestClock.Instance"/>, which tests advance, or with
    /// <paramref name="clock"/> by a fake clock of the fixture's own.
    /// <paramref name="siloConfigurators"/> (<see cref="IHostConfigurator"/>s) change each silo after <c>AddKalmar</c>.
    /// <paramref name="clusterId"/> names the cluster that a web host started before it waits for.
    /// </remarks>
    public static async Task<KalmarCluster> StartAsync(
        string connectionString, int silos = 1, bool demoData = true, string? serviceId = null, bool fakeClock = false,
        IReadOnlyDictionary<string, string>? settings = null, IReadOnlyList<Type>? siloConfigurators = null, FakeTimeProvider? clock = null,
        string? clusterId = null)
    {
        var builder = new TestClusterBuilder((short)silos);
        if (clusterId is not null)
        {
            builder.Options.ClusterId = clusterId;
        }

        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket; // web hosts connect over real TCP
        if (serviceId is not null)
        {
            builder.Options.ServiceId = serviceId;
        }

        builder.Properties[$"ConnectionStrings:{ClusterSettings.ConnectionStringName}"] = connectionString;
        builder.Properties["DemoData:Enabled"] = demoData.ToString();
        builder.Properties["Outbox:KeepSentBodies"] = "true"; // tests read codes and links from sent messages
        builder.Properties[TestClock.SettingName] = fakeClock || clock is not null ? TestClock.NameOf(clock) : "";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.Properties[key] = value;
        }

        builder.AddSiloBuilderConfigurator<KalmarSiloConfigurator>();
        builder.Options.SiloBuilderConfiguratorTypes.AddRange((siloConfigurators ?? []).Select(type => type.AssemblyQualifiedName!));
        builder.AddClientBuilderConfigurator<KalmarClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new KalmarCluster(cluster, connectionString, clock ?? (fakeClock ? TestClock.Instance : null));
    }

    /// <summary>
    /// Completes when a surviving silo's membership declares <paramref name="silo"/> dead: after that, calls no longer
    /// go to it.
    /// </summary>
    public async Task DeclaredDeadAsync(SiloAddress silo)
    {
        var survivor = Cluster.GetActiveSilos().First(active => !active.SiloAddress.Equals(silo)).SiloAddress;
        var membership = Cluster.GetSiloServiceProvider(survivor).GetRequiredService<IClusterMembershipService>();
        using var timeout = new CancellationTokenSource(Waits.Patience);
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(timeout.Token))
        {
            if (snapshot.GetSiloStatus(silo) == SiloStatus.Dead)
            {
                return;
            }
        }

        throw Waits.TimedOut($"{survivor} declaring {silo} dead");
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>Created by type name inside each silo; reads the test's settings from host configuration.</summary>
    private sealed class KalmarSiloConfigurator : IHostConfigurator
    {
        public void Configure(IHostBuilder hostBuilder) =>
            hostBuilder.UseOrleans((context, silo) =>
            {
                silo.AddKalmar(context.Configuration);
                if (context.Configuration.GetSection(MembershipSection) is { } membership && membership.Exists())
                {
                    silo.Services.Configure<ClusterMembershipOptions>(membership);
                }

                if (TestClock.Named(context.Configuration[TestClock.SettingName]) is { } clock)
                {
                    silo.Services.AddKeyedSingleton<TimeProvider>(BusinessClock.Key, clock);
                }
            });
    }

    private sealed class KalmarClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseAdoNetClustering(options =>
            {
                options.Invariant = ClusterSettings.Invariant;
                options.ConnectionString = configuration.GetKalmarConnectionString();
            });
    }
}
