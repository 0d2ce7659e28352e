using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kalmar.Tests.Web;

/// <summary>
/// Every route that reads a JSON body, found in the endpoint data source, gets generated bad bodies from a caller it
/// serves: wrong roots, broken and deeply nested JSON, and for each field of its request type a wrong type, a huge string
/// or a huge number. None may answer 5xx, and the database must be as it was; an unknown field and a null body must not
/// answer 5xx either.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RequestBodyFuzzTests(PortalFixture portal) : IAsyncLifetime
{
    private Travellers.Traveller _traveller = null!;
    private HttpClient _travellerClient = null!, _anonymous = null!, _anna = null!, _operator = null!;
    private Guid _order, _ticket;

    public async Task InitializeAsync()
    {
        (_traveller, _travellerClient) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        _order = (await Orders.SubmitAsync(portal.Cluster.Client, _traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21)).Id;
        var approved = await Orders.SubmitAsync(portal.Cluster.Client, _traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        await portal.Cluster.Client.GetGrain<IOrderGrain>(approved.Id).DecideAsync(new OrderDecision(true, DemoAccounts.Anna, "Anna Admin", null));
        _ticket = approved.Submission.Lines[0].Id;
        _anonymous = portal.WebA.CreateClient(new() { AllowAutoRedirect = false });
        _anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        _operator = await portal.WebA.SignedInClientAsync("olle@klt.example.se", DemoAccounts.OperatorPassword);
    }

    public Task DisposeAsync()
    {
        foreach (var client in new[] { _travellerClient, _anonymous, _anna, _operator })
        {
            client.Dispose();
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task BadBodiesAreRefusedWithoutA5xxAndChangeNothing()
    {
        var routes = BodyRoutes(portal.WebA.Services.GetServices<EndpointDataSource>()).ToList();
        var failures = new List<string>();
        foreach (var route in routes)
        {
            var client = CallerFor(route.Endpoint);
            var path = PathFor(route.Pattern);
            var before = await SnapshotAsync();
            foreach (var body in Malformed(route.RequestType))
            {
                failures.AddRange(await SendAsync(client, route, path, body));
            }

            if (await SnapshotAsync() != before)
            {
                failures.Add($"{route.Key}: bad bodies changed the database");
            }

            // An unknown field is ignored and a null body is no body, as in any JSON API: a route whose fields are all
            // optional (e.g. deactivation's blockTickets) may act on these, so they are held only to "never a 5xx".
            foreach (var body in new[] { "{\"unexpectedField\":{\"deeper\":[1,2,3]}}", "null" })
            {
                failures.AddRange(await SendAsync(client, route, path, body));
            }
        }

        Assert.Contains(routes, route => route.Key == "POST /api/app/purchases"); // the list is the real one
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<IEnumerable<string>> SendAsync(HttpClient client, BodyRoute route, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), path) { Content = content };
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode < 500 ? []
            : [$"{route.Key} with {Shorten(body)}: {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())}"];
    }

    /// <summary>Bodies no request of <paramref name="type"/> can be: wrong roots, broken or too deep JSON, and wrong, huge or out-of-range fields.</summary>
    private static IEnumerable<string> Malformed(Type type)
    {
        yield return "[]";
        yield return "\"text\"";
        yield return "12";
        yield return "{\"name\":";
        yield return string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var kind = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var wrong = kind == typeof(string) ? "[1,2]" : kind == typeof(bool) ? "\"kanske\"" : IsNumber(kind) ? "\"tolv\"" : "\"text\"";
            yield return $"{{\"{name}\":{wrong}}}";
            yield return $"{{\"{name}\":{(kind == typeof(string) ? $"\"{new string('x', 100_000)}\"" : "1e30")}}}";
            yield return $"{{\"{name}\":-1e30}}";
        }
    }

    private static bool IsNumber(Type type) => type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double);

    /// <summary>A caller the route serves, by its authorization: anyone, a traveller, a company admin or an operator.</summary>
    private HttpClient CallerFor(Endpoint endpoint)
    {
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).ToList();
        return endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || policies.Count == 0 ? _anonymous
            : policies.Contains(AuthExtensions.OperatorPolicy) ? _operator
            : policies.Contains(AdminScope.Policy) || policies.Contains(AdminScope.CompanyPolicy) ? _anna
            : _travellerClient;
    }

    /// <summary>The route's pattern with real ids of Exempel AB's in scope for the caller, so that the body is what decides.</summary>
    private string PathFor(string pattern) => pattern switch
    {
        _ when pattern.StartsWith("/api/admin/travellers/{id", StringComparison.Ordinal) => Fill(pattern, _traveller.Id),
        _ when pattern.StartsWith("/api/admin/departments/{id", StringComparison.Ordinal) => Fill(pattern, DemoAccounts.Avdelning21),
        _ when pattern.Contains("/orders/{id", StringComparison.Ordinal) => Fill(pattern, _order),
        _ when pattern.Contains("/tickets/{id", StringComparison.Ordinal) => Fill(pattern, _ticket),
        _ when pattern.StartsWith("/api/operator/companies/{id", StringComparison.Ordinal) => Fill(pattern, DemoAccounts.ExempelAb),
        _ => Fill(pattern, Guid.NewGuid()),
    };

    private static string Fill(string pattern, Guid id) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, "\\{id(:guid)?\\}", id.ToString()).Replace("{month}", DateTimeOffset.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;

    /// <summary>Every table a request could change, counted, and the versions of the rows the bodies aim at.</summary>
    private async Task<string> SnapshotAsync() => (await Sql.ReadAsync(portal.Cluster,
        """
        select concat_ws('|',
          (select sum(version) from users), (select sum(version) from companies), (select count(*) from departments),
          (select string_agg(name || reference || cost_centre, ',' order by id) from departments where company_id = $1),
          (select count(*) from audit_log), (select count(*) from outbox), (select count(*) from invoice_ledger),
          (select count(*) from credit_ledger), (select string_agg(status, ',' order by id) from tickets), (select count(*) from users))
        """,
        reader => reader.GetString(0), DemoAccounts.ExempelAb))[0];

    private sealed record BodyRoute(string Key, string Method, string Pattern, Type RequestType, Endpoint Endpoint);

    /// <summary>The routes whose handler binds a JSON body, one per method.</summary>
    private static IEnumerable<BodyRoute> BodyRoutes(IEnumerable<EndpointDataSource> sources) =>
        from endpoint in sources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
        let accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()
        where accepts?.RequestType is not null && accepts.ContentTypes.Contains("application/json")
        let pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/')
        from method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []
        select new BodyRoute($"{method} {pattern}", method, pattern, accepts.RequestType!, endpoint);
}
