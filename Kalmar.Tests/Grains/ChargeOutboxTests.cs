using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Credit;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Orleans.Storage;

namespace Kalmar.Tests.Grains;

[Collection(PortalCollection.Name)]
public sealed class ChargeOutboxTests(PortalFixture portal)
{
    private const string Key = "köp-före-kraschen";
    private static readonly PriceBreakdown Enkel = Vat.Breakdown(5000);

    [Fact]
    public async Task ChargeWrittenJustBeforeTheSiloDiedGetsItsTicketAndLedgerRowOnceWhenTheAccountWakes()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var account = portal.Cluster.Client.GetGrain<ICreditAccountGrain>(traveller.Id);
        var now = DateTimeOffset.UtcNow;
        var ticket = Ticket(now);
        await WriteStateLeftByACrashAsync(account, traveller.Id, ticket, now);

        var credit = await account.GetAsync();   // any call wakes the account, as its reminder would
        var ticketsAfterWaking = await TicketIdsAsync(traveller.Id);
        var ledgerAfterWaking = await LedgerReader.OfTravellerAsync(portal.Cluster, traveller.Id);
        var retried = await account.ChargeAsync(Charge(Ticket(now)));

        Assert.Equal(Enkel.TotalOre, credit.UsedOre);
        Assert.Equal([ticket.Id], ticketsAfterWaking);
        Assert.Equal([new LedgerReader.Row(Key, Enkel.TotalOre)], ledgerAfterWaking);
        Assert.Equal(ticket.Id, retried.Value!.Ticket!.Id);
        Assert.Equal([ticket.Id], await TicketIdsAsync(traveller.Id));
        Assert.Equal(ledgerAfterWaking, await LedgerReader.OfTravellerAsync(portal.Cluster, traveller.Id));
        Assert.Equal(Enkel.TotalOre, (await account.GetAsync()).UsedOre);
    }

    private async Task<Guid[]> TicketIdsAsync(Guid travellerId) =>
        [.. (await portal.Cluster.Client.GetGrain<IUserGrain>(travellerId).GetActiveTicketsAsync()).Select(ticket => ticket.Id)];

    /// <summary>
    /// The account's state exactly as <c>ChargeAsync</c> writes it before doing anything else: charged, with the
    /// ledger row and the ticket still in the outbox, as a silo that dies right after that write leaves it.
    /// </summary>
    private async Task WriteStateLeftByACrashAsync(ICreditAccountGrain account, Guid travellerId, Ticket ticket, DateTimeOffset now)
    {
        var month = Stockholm.MonthOf(now);
        var chargeId = Guid.NewGuid();
        var state = new CreditAccountState { Enabled = true, LimitOre = 40000, Month = month, UsedOre = Enkel.TotalOre };
        state.Receipts[Key] = new ChargeReceipt(chargeId, now, new CreditView(month, true, 40000, Enkel.TotalOre), ticket);
        state.UnwrittenLedger.Add(new LedgerEntry(
            chargeId, travellerId, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21, month, now, "Enkelbiljett, Vuxen",
            ["101", "131"], "Kundmöte i Nybro", Enkel.ExclVatOre, Enkel.VatOre, Enkel.TotalOre, Key));
        state.UnissuedTickets.Add(ticket);
        var storage = GrainStorageHelpers.GetGrainStorage(typeof(CreditAccountGrain), portal.Cluster.Cluster.GetSiloServiceProvider());
        await storage.WriteStateAsync("credit-account", account.GetGrainId(), new GrainState<CreditAccountState>(state));
    }

    private static Ticket Ticket(DateTimeOffset now) => new(
        Guid.NewGuid(), "Enkelbiljett", "Vuxen", ["101", "131"], new Carrier(CarrierType.App, "+46701112233"), Enkel.TotalOre,
        now, now, now.AddMinutes(90), Kalmar.Contracts.Model.Ticket.BusinessTrip, "Kundmöte i Nybro");

    private static CreditCharge Charge(Ticket ticket) =>
        new(Key, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21, "Enkelbiljett", "Vuxen", ["101", "131"], "Kundmöte i Nybro", Enkel, ticket);
}
