using System.Diagnostics.Metrics;

namespace Kalmar.Contracts.Hosting;

/// <summary>
/// Our own metrics (meter <see cref="MeterName"/>), shared by silos and web nodes: each process reports what happens in
/// it. Recording is a counter or histogram add with at most one tag, cheap enough for the purchase path; the backlog
/// gauges only read the latest <see cref="Backlog"/>, which a background probe refreshes, so a scrape costs no query.
/// </summary>
public sealed class KalmarMetrics
{
    public const string MeterName = "Kalmar";

    private readonly Counter<long> _purchases;
    private readonly Counter<long> _refusals;
    private readonly Histogram<int> _deductionsPerCommit;
    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _pushLatency;
    private readonly UpDownCounter<long> _hubConnections;
    private readonly Counter<long> _invoiceCloseRuns;

    public KalmarMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _purchases = meter.CreateCounter<long>("kalmar.purchases", "{purchase}", "Business trips charged to AllPay credit.");
        _refusals = meter.CreateCounter<long>("kalmar.purchase.refusals", "{refusal}", "Business-trip purchases refused, by reason.");
        _deductionsPerCommit = meter.CreateHistogram<int>(
            "kalmar.credit.deductions_per_commit", "{deduction}", "Charges written by one group commit of a credit account.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128] });
        _decisions = meter.CreateCounter<long>("kalmar.orders.decisions", "{decision}", "Staff-offer orders decided, by decision.");
        _pushLatency = meter.CreateHistogram<double>(
            "kalmar.live.push_latency", "ms", "From a change's durable write to its hub event sent to the connections.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 250, 500, 1000, 2500] });
        _hubConnections = meter.CreateUpDownCounter<long>("kalmar.hub.connections", "{connection}", "Open hub connections on this web node.");
        _invoiceCloseRuns = meter.CreateCounter<long>("kalmar.invoices.close_runs", "{run}", "Month closes of a company, by whether they issued an invoice.");
        meter.CreateObservableGauge("kalmar.outbox.backlog", () => Gauge(backlog => backlog.UnsentMessages), "{message}", "E-mail and SMS not yet sent.");
        meter.CreateObservableGauge(
            "kalmar.outbox.oldest_unsent_age", () => Gauge(backlog => backlog.OldestUnsentAge.TotalSeconds), "s", "Age of the oldest unsent message.");
        meter.CreateObservableGauge("kalmar.approvals.pending", () => Gauge(backlog => backlog.PendingOrders), "{order}", "Orders waiting for approval.");
        meter.CreateObservableGauge(
            "kalmar.approvals.oldest_pending_age", () => Gauge(backlog => backlog.OldestPendingAge.TotalSeconds), "s", "Age of the oldest pending order.");
    }

    /// <summary>The latest backlog the host's probe read; null until it has read one (the gauges then report nothing).</summary>
    public Backlog? Backlog { get; set; }

    public void Charged(int purchases) => _purchases.Add(purchases);

    public void Refused(string reason) => _refusals.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Committed(int deductions) => _deductionsPerCommit.Record(deductions);

    public void Decided(string decision) => _decisions.Add(1, new KeyValuePair<string, object?>("decision", decision));

    public void Pushed(string hubEvent, TimeSpan sinceWritten) =>
        _pushLatency.Record(sinceWritten.TotalMilliseconds, new KeyValuePair<string, object?>("event", hubEvent));

    public void HubConnected() => _hubConnections.Add(1);

    public void HubDisconnected() => _hubConnections.Add(-1);

    public void MonthClosed(bool issued) => _invoiceCloseRuns.Add(1, new KeyValuePair<string, object?>("issued", issued));

    private IEnumerable<Measurement<T>> Gauge<T>(Func<Backlog, T> value) where T : struct =>
        Backlog is { } backlog ? [new Measurement<T>(value(backlog))] : [];
}
