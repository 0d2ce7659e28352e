using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Grains;

/// <summary>
/// The durable-write rule: a command whose state write fails throws to its caller, the next call does not see the
/// change that was not stored, and once storage is back the same command succeeds, once.
/// </summary>
[Collection(FailingStorageCollection.Name)]
public sealed class FailedWriteTests(FailingStorageFixture fixture)
{
    private IClusterClient Client => fixture.Cluster.Client;

    [Fact]
    public async Task ProfileChangeWhoseWriteFailsIsNotSeenByTheNextCall()
    {
        var traveller = await Travellers.CreateAsync(Client);
        var user = Client.GetGrain<IUserGrain>(traveller.Id);
        var change = new ProfileUpdate("Ändrad", "Resenär", null, traveller.Email, "0701112233", null, new NotificationChoice(Email: true, Sms: true));

        Exception failure;
        await using (await RowRefusal.OfUpdatesAsync(fixture.Cluster, "users", "id", traveller.Id))
        {
            failure = await Assert.ThrowsAnyAsync<Exception>(() => user.UpdateProfileAsync(change));
        }

        var afterFailure = await user.GetAsync();
        var changed = await user.UpdateProfileAsync(change);

        Assert.Contains(RowRefusal.Message, failure.ToString(), StringComparison.Ordinal);
        Assert.Equal("Test", afterFailure!.FirstName);
        Assert.False(afterFailure.Notify.Sms);
        Assert.Equal("Ändrad", changed.Value!.FirstName);
        Assert.Equal("Ändrad", (await user.GetAsync())!.FirstName);
    }

    [Fact]
    public async Task BusinessTravelGrantWhoseWriteFailsGrantsNothingAndSendsOneCodeWhenStorageIsBack()
    {
        var traveller = await Travellers.CreateAsync(Client);
        var travel = Client.GetGrain<IBusinessTravelGrain>(traveller.Id);

        var failure = await WhileBrokenAsync(travel, () => travel.GrantAsync(enabled: true, monthlyLimitOre: 40000));
        var statusAfterFailure = await travel.GetAsync();
        var creditAfterFailure = await Client.GetGrain<ICreditAccountGrain>(traveller.Id).GetAsync();
        fixture.Storage.Mend(travel.GetGrainId());
        var granted = await travel.GrantAsync(enabled: true, monthlyLimitOre: 40000);

        Assert.Contains(FailingGrainStorage.Failure, failure.ToString(), StringComparison.Ordinal);
        Assert.False(statusAfterFailure.Enabled);
        Assert.False(creditAfterFailure.Enabled);
        Assert.True(granted.Value!.Enabled);
        Assert.Equal(40000, (await Client.GetGrain<ICreditAccountGrain>(traveller.Id).GetAsync()).LimitOre);
        Assert.Single(await OutboxReader.ToAsync(fixture.Cluster, "+46701112233"), sms => sms.Body.Contains("engångskod", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecisionWhoseWriteFailsLeavesTheOrderPendingAndItIsDecidedOnceWhenStorageIsBack()
    {
        var traveller = await Travellers.CreateAsync(Client);
        var submitted = await Orders.SubmitAsync(Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        var order = Client.GetGrain<IOrderGrain>(submitted.Id);
        var approve = new OrderDecision(Approve: true, DemoAccounts.Anna, "Anna Andersson", Reason: null);

        var failure = await WhileBrokenAsync(order, () => order.DecideAsync(approve));
        var afterFailure = await order.GetAsync();
        var queueAfterFailure = await Client.GetGrain<IApprovalQueueGrain>(DemoAccounts.ExempelAb).GetPendingAsync();
        fixture.Storage.Mend(order.GetGrainId());
        var approved = await order.DecideAsync(approve);
        var again = await order.DecideAsync(approve);

        Assert.Contains(FailingGrainStorage.Failure, failure.ToString(), StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Pending, afterFailure!.Status);
        Assert.Contains(queueAfterFailure, pending => pending.Id == submitted.Id);
        Assert.Equal(OrderStatus.Approved, approved.Value!.Status);
        Assert.Equal(RejectionCodes.AlreadyDecided, again.Rejection?.Code);
        Assert.Single(await Client.GetGrain<IUserGrain>(traveller.Id).GetActiveTicketsAsync());
    }

    /// <summary>
    /// The chaos run's finding: an approval stored, whose ticket step then failed (a silo it called died), is asked again
    /// by the admin whose answer never came; the retry is told already-decided only once the ticket and the invoice line
    /// exist, not a reminder later.
    /// </summary>
    [Fact]
    public async Task AnApprovalWhoseTicketStepFailedHasItsTicketAndInvoiceLineBeforeTheRetryIsAnswered()
    {
        var traveller = await Travellers.CreateAsync(Client);
        var submitted = await Orders.SubmitAsync(Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        var order = Client.GetGrain<IOrderGrain>(submitted.Id);
        var approve = new OrderDecision(Approve: true, DemoAccounts.Anna, "Anna Andersson", Reason: null);

        Exception failure;
        await using (await RowRefusal.OfInsertsAsync(fixture.Cluster, "tickets", "traveller_id", traveller.Id))
        {
            failure = await Assert.ThrowsAnyAsync<Exception>(() => order.DecideAsync(approve));
        }

        var retry = await order.DecideAsync(approve);
        var line = submitted.Submission.Lines.Single().Id;
        var tickets = await Sql.ReadAsync(fixture.Cluster, "select id from tickets where traveller_id = $1", row => row.GetGuid(0), traveller.Id);
        var invoiceLines = await Sql.ReadAsync(fixture.Cluster, "select id from invoice_ledger where order_id = $1", row => row.GetGuid(0), submitted.Id);

        Assert.Contains(RowRefusal.Message, failure.ToString(), StringComparison.Ordinal);
        Assert.Equal(RejectionCodes.AlreadyDecided, retry.Rejection?.Code);
        Assert.Equal([line], tickets);
        Assert.Equal([line], invoiceLines);
    }

    /// <summary>Breaks the grain's storage, runs the command, which must throw, and leaves the storage broken.</summary>
    private async Task<Exception> WhileBrokenAsync(IAddressable grain, Func<Task> command)
    {
        fixture.Storage.Break(grain.GetGrainId());
        var failure = await Assert.ThrowsAnyAsync<Exception>(command);
        Assert.NotEqual(0, fixture.Storage.FailedWrites(grain.GetGrainId()));
        return failure;
    }
}
