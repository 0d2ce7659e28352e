using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Live;
using Kalmar.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Kalmar.Tests.Grains;

/// <summary>
/// What a silo's grains publish reaches each recipient's route whole, coalesced into fewer calls, each call's events in the
/// order they were published. (The order of two calls is Orleans' to keep, which it does not promise: a first call that
/// waits for the route's address can be overtaken by the next.)
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LivePublisherTests(PortalFixture portal)
{
    [Fact]
    public async Task EventsPublishedTogetherReachEachRecipientAllInFewerCallsEachInOrder()
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

        AssertReceivedInOrderedCalls(published, await travellerNode.ReceivedAsync(published.Count));
        AssertReceivedInOrderedCalls([.. published.Where(e => e.Groups.Count > 0)], await adminNode.ReceivedAsync(100));
        Assert.True(travellerNode.Calls.Count < published.Count, $"{published.Count} events took {travellerNode.Calls.Count} calls to the node");
    }

    private static void AssertReceivedInOrderedCalls(List<LiveEvent> published, IReadOnlyList<IReadOnlyList<Guid>> calls)
    {
        var order = published.Select((liveEvent, index) => (liveEvent.Id, index)).ToDictionary();
        Assert.Equal(order.Keys.Order(), calls.SelectMany(call => call).Order());
        Assert.All(calls, call => Assert.Equal(call.OrderBy(id => order[id]), call));
    }

    /// <summary>A web node as the route sees it: it records the events it is sent, in the order they come.</summary>
    private sealed class Node : ILiveObserver
    {
        private readonly List<IReadOnlyList<Guid>> _calls = [];
        private readonly Lock _lock = new();
        private ILiveObserver? _reference;

        public IReadOnlyList<IReadOnlyList<Guid>> Calls
        {
            get
            {
                lock (_lock)
                {
                    return [.. _calls];
                }
            }
        }

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
                _calls.Add([.. liveEvents.Select(liveEvent => liveEvent.Id)]);
            }

            return Task.CompletedTask;
        }

        public Task DeliverAsync(LiveEvent liveEvent) => OnLiveEventsAsync([liveEvent]);


        public async Task<IReadOnlyList<IReadOnlyList<Guid>>> ReceivedAsync(int count)
        {
            await Waits.UntilAsync(() => Task.FromResult(Calls.Sum(call => call.Count) >= count), $"{count} live events");
            return Calls;
        }
    }
}
