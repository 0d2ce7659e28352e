using Kalmar.Contracts.Abstractions;
using Kalmar.Grains.Ordering;
using Kalmar.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Kalmar.Tests.Grains;

/// <summary>A company's pending orders are rows of their own: the queue grain stores no state, however many wait.</summary>
[Collection(PortalCollection.Name)]
public sealed class ApprovalQueueStorageTests(PortalFixture portal)
{
    private const string QueueState = "approval-queue";

    [Fact]
    public async Task ManyWaitingOrdersAreRowsOldestFirstAndNoQueueStateIsStored()
    {
        var client = portal.Cluster.Client;
        var company = await Companies.CreateAsync(client);
        var traveller = await Travellers.CreateAsync(client, company.Id, company.DepartmentId);
        var submitted = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            submitted.Add((await Orders.SubmitAsync(client, traveller, company.Id, company.DepartmentId)).Id);
        }

        var queue = client.GetGrain<IApprovalQueueGrain>(company.Id);
        await queue.RemoveAsync(submitted[7]);
        var waiting = (await queue.GetPendingAsync()).Select(order => order.Id).ToList();

        Assert.Equal(submitted.Where((_, index) => index != 7), waiting);
        Assert.Equal(0, await StoredQueueStatesAsync());
    }

    [Fact]
    public async Task AQueueStoredTheEarlierWayMovesItsOrdersIntoTheTableAndClearsItsState()
    {
        var client = portal.Cluster.Client;
        var company = await Companies.CreateAsync(client);
        var traveller = await Travellers.CreateAsync(client, company.Id, company.DepartmentId);
        var order = await Orders.SubmitAsync(client, traveller, company.Id, company.DepartmentId);
        await Sql.ExecuteAsync(portal.Cluster, "delete from approval_queue where company_id = $1", company.Id);
        await client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var queue = client.GetGrain<IApprovalQueueGrain>(company.Id);
        var storage = portal.Cluster.Cluster.GetSiloServiceProvider(portal.Cluster.Cluster.Silos[0].SiloAddress)
            .GetRequiredKeyedService<IGrainStorage>("Default");
        await storage.WriteStateAsync(QueueState, queue.GetGrainId(), new GrainState<ApprovalQueueState>(new ApprovalQueueState { Pending = [order] }));
        var storedBefore = await StoredQueueStatesAsync();

        var waiting = await queue.GetPendingAsync();

        Assert.Equal(1, storedBefore);
        Assert.Equal([order.Id], waiting.Select(pending => pending.Id));
        Assert.Equal(0, await StoredQueueStatesAsync());
    }

    private async Task<long> StoredQueueStatesAsync() =>
        (await Sql.ReadAsync(portal.Cluster, "select count(*) from orleansstorage where graintypestring = $1 and payloadbinary is not null",
            row => row.GetInt64(0), QueueState)).Single();
}
