using System.Diagnostics;
using System.Net;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Hubs;
using OpenTelemetry.Metrics;

namespace Kalmar.Tests.Web;

/// <summary>Metrics, traces and the operators' routes, read through the web host's own OpenTelemetry pipelines.</summary>
public sealed class ObservabilityTests(ObservedPortalFixture portal) : IClassFixture<ObservedPortalFixture>
{
    private const string Olle = "olle@klt.example.se";

    [Fact]
    public async Task APurchaseAndAnApprovalAreCountedAndTheirPushIsTimed()
    {
        using var buyer = await BusinessTrips.ReadyToBuyAsync(portal.Cluster, portal.Web);
        using (var bought = await buyer.Phone.BuyAsync(BusinessTrips.Purchase("mätt-köp")))
        {
            Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
        }

        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var token = await portal.Web.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password);
        await using var live = await LiveClient.ConnectAsync(portal.Web, token, LiveEvents.OrderStatusChanged);
        var order = await Orders.SubmitAsync(portal.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        using (var approved = await buyer.Anna.PostAsync($"/api/admin/orders/{order.Id}/approve", null))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        await live.WaitForAsync(LiveEvents.OrderStatusChanged, e => e.GetProperty("orderId").GetGuid() == order.Id);

        var metrics = portal.FlushMetrics();
        Assert.True(Points(metrics, "kalmar.purchases").Sum(point => point.GetSumLong()) >= 1);
        Assert.Contains(Points(metrics, "kalmar.orders.decisions"), point => Tag(point, "decision") == "approved" && point.GetSumLong() >= 1);
        Assert.True(Points(metrics, "kalmar.credit.deductions_per_commit").Sum(point => point.GetHistogramCount()) >= 1);
        Assert.Contains(Points(metrics, "kalmar.live.push_latency"), point => Tag(point, "event") == "OrderStatusChanged" && point.GetHistogramCount() >= 1);
    }

    [Fact]
    public async Task APurchaseIsOneTraceFromTheWebThroughTheGrainsToPostgres()
    {
        using var buyer = await BusinessTrips.ReadyToBuyAsync(portal.Cluster, portal.Web);
        using (var bought = await buyer.Phone.BuyAsync(BusinessTrips.Purchase("spårat-köp")))
        {
            Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
        }

        var request = await RequestSpanAsync("/api/app/purchases");
        var trace = portal.Spans.Snapshot().Where(span => span.TraceId == request.TraceId).ToList();
        Assert.Contains(trace, span => span.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
        Assert.Contains(trace, span => span.Source.Name == "Npgsql");
    }

    [Fact]
    public async Task MetricsAndTheDashboardAreForOperatorsOnly()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var travellerClient = portal.Web.CreateClientWithToken(
            await portal.Web.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password));
        using var admin = await portal.Web.SignedInAdminAsync(Demo.Anna);
        using var olle = await portal.Web.SignedInClientAsync(Olle, DemoAccounts.OperatorPassword);

        foreach (var path in new[] { "/metrics", "/operator/dashboard/" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await travellerClient.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(path)).StatusCode);
        }

        using var metrics = await olle.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("http_server_request_duration", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var dashboard = await olle.GetAsync("/operator/dashboard/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("text/html", dashboard.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The server span of a request to <paramref name="path"/>, once it has ended (after the client had its answer).</summary>
    private async Task<Activity> RequestSpanAsync(string path)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Waits.Patience)
        {
            if (portal.Spans.Snapshot().FirstOrDefault(span =>
                span.Kind == ActivityKind.Server && span.GetTagItem("url.path") as string == path) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw Waits.TimedOut($"the request span of {path}");
    }

    private static List<MetricPoint> Points(IReadOnlyList<Metric> metrics, string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in metrics.Where(metric => metric.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points.Add(point);
            }
        }

        return points;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }
}
