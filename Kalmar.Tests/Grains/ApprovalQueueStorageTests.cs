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
        Assert.False((await StoredQueueAsync(queue)).RecordExists);
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
        await Storage.WriteStateAsync(QueueState, queue.GetGrainId(), new GrainState<ApprovalQueueState>(new ApprovalQueueState { Pending = [order] }));
        var storedBefore = await StoredQueueAsync(queue);

        var waiting = await queue.GetPendingAsync();

        Assert.Equal([order.Id], storedBefore.State!.Pending.Select(pending => pending.Id));
        Assert.Equal([order.Id], waiting.Select(pending => pending.Id));
        Assert.Empty((await StoredQueueAsync(queue)).State!.Pending);
    }

    private IGrainStorage Storage => portal.Cluster.Cluster.GetSiloServiceProvider(portal.Cluster.Cluster.Silos[0].SiloAddress)
        .GetRequiredKeyedService<IGrainStorage>("Default");

    /// <summary>The queue grain's state as stored, read the way the grain would read it.</summary>
    private async Task<GrainState<ApprovalQueueState>> StoredQueueAsync(IApprovalQueueGrain queue)
    {
        var stored = new GrainState<ApprovalQueueState>(new ApprovalQueueState());
        await Storage.ReadStateAsync(QueueState, queue.GetGrainId(), stored);
        return stored;
    }
}
