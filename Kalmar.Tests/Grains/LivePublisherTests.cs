using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Live;
using Kalmar.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Kalmar.Tests.Grains;

/// <summary>What a silo's grains publish reaches each recipient's route whole and in order, however it is coalesced.</summary>
[Collection(PortalCollection.Name)]
public sealed class LivePublisherTests(PortalFixture portal)
{
    [Fact]
    public async Task EventsPublishedTogetherReachEachRecipientAllAndInOrder()
    {
        var cluster = portal.Cluster.Cluster;
        var publisher = cluster.GetSiloServiceProvider(cluster.GetActiveSilos().First().SiloAddress).GetRequiredService<LivePublisher>();
        var (traveller, admins) = (Guid.NewGuid(), LiveAddress.CompanyAdmins(Guid.NewGuid()));
        var travellerNode = await Node.SubscribeAsync(portal.Cluster.Client, LiveAddress.User(traveller));
        var adminNode = await Node.SubscribeAsync(portal.Cluster.Client, admins);

        List<LiveEvent> published = [];
        for (var i = 0; i < 300; i++)
        {
            var toTraveller = LiveEvent.ToUser(new CreditChanged(new CreditView("2026-12", true, 100_000, i)), traveller);
            var toBoth = toTraveller with { Groups = [admins], Id = Guid.NewGuid() };
            foreach (var liveEvent in i % 3 == 0 ? [toTraveller, toBoth] : new[] { toTraveller })
            {
                publisher.Publish(liveEvent);
                published.Add(liveEvent);
            }
        }

        Assert.Equal(published.Select(e => e.Id), await travellerNode.ReceivedAsync(published.Count));
        Assert.Equal(published.Where(e => e.Groups.Count > 0).Select(e => e.Id), await adminNode.ReceivedAsync(100));
        Assert.True(travellerNode.Calls < published.Count, $"{published.Count} events took {travellerNode.Calls} calls to the node");
    }

    /// <summary>A web node as the route sees it: it records the events it is sent, in the order they come.</summary>
    private sealed class Node : ILiveObserver
    {
        private readonly List<Guid> _received = [];
        private readonly Lock _lock = new();
        private ILiveObserver? _reference;

        public int Calls { get; private set; }

        public static async Task<Node> SubscribeAsync(IClusterClient client, string address)
        {
            var node = new Node();
            node._reference = client.CreateObjectReference<ILiveObserver>(node);
            await client.GetGrain<ILiveRouteGrain>(address).SubscribeAsync(node._reference);
            return node;
        }

        public Task OnLiveEventsAsync(IReadOnlyList<LiveEvent> liveEvents)
        {
            lock (_lock)
            {
                Calls++;
                _received.AddRange(liveEvents.Select(liveEvent => liveEvent.Id));
            }

            return Task.CompletedTask;
        }

        public Task DeliverAsync(LiveEvent liveEvent) => OnLiveEventsAsync([liveEvent]);

        private int Count()
        {
            lock (_lock)
            {
                return _received.Count;
            }
        }

        public async Task<List<Guid>> ReceivedAsync(int count)
        {
            await Waits.UntilAsync(() => Task.FromResult(Count() >= count), $"{count} live events");
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }
}
