using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kalmar.Tests.Web;

/// <summary>
/// The authorization matrix over every route the web host serves, read from its endpoint data source, so a route added
/// without an entry here fails <see cref="EveryRouteHasAnEntry"/>. Each route is called as anonymous, a traveller, an
/// admin's app token, a department admin of another department, a company admin of another company and an operator;
/// each must get what the route's access allows, a refused call changes nothing, and no answer carries the target's data.
/// The target is Exempel AB: its company admin Anna, its Ekonomi department and a pending order placed there.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AuthorizationMatrixTests(PortalFixture portal) : IAsyncLifetime
{
    private enum Access
    {
        /// <summary>Anyone, signed in or not (sign-in, password reset, public pages, health).</summary>
        Public,

        /// <summary>Only in Development (the tests' environment): the outbox viewer; absent in Production.</summary>
        Development,

        /// <summary>Any signed-in user, for their own data.</summary>
        SignedIn,

        /// <summary>Travellers (every company user is one), for their own tickets and orders; not KLT's operators.</summary>
        Traveller,

        /// <summary>Company and department admins, within their company and departments.</summary>
        Admin,

        /// <summary>Company admins only, within their company.</summary>
        CompanyAdmin,

        /// <summary>KLT's operators only.</summary>
        Operator,
    }

    /// <summary><paramref name="Path"/> names the target's own resource when <paramref name="ById"/>: nobody else finds it.</summary>
    private sealed record Route(Access Access, string Path, bool ById = false);

    private static readonly string Month = Stockholm.MonthOf(DateTimeOffset.UtcNow);
    private static readonly Guid Anna = DemoAccounts.Anna;
    private static readonly Guid Nobody = Guid.NewGuid();

    /// <summary>The Orleans dashboard's routes, a bundle of its own under one operator-only prefix: one entry for all.</summary>
    private const string Dashboard = "GET /operator/dashboard/*";

    private Guid _order, _ticket, _annasSession;
    private Callers _callers = null!;

    /// <summary>Every route by method and pattern, with its access and a path that aims at the target.</summary>
    private Dictionary<string, Route> Matrix => new()
    {
        ["ANY /health/live"] = new(Access.Public, "/health/live"),
        ["ANY /health/ready"] = new(Access.Public, "/health/ready"),
        ["GET /openapi/{documentName}.json"] = new(Access.Public, "/openapi/v1.json"),
        ["GET /.well-known/ticket-keys.json"] = new(Access.Public, "/.well-known/ticket-keys.json"),
        ["POST /api/tickets/verify"] = new(Access.Public, "/api/tickets/verify"),
        ["POST /api/auth/login"] = new(Access.Public, "/api/auth/login"),
        ["POST /api/auth/refresh"] = new(Access.Public, "/api/auth/refresh"),
        ["POST /api/auth/logout"] = new(Access.Public, "/api/auth/logout"),
        ["POST /api/auth/password-reset"] = new(Access.Public, "/api/auth/password-reset"),
        ["POST /api/auth/password-reset/confirm"] = new(Access.Public, "/api/auth/password-reset/confirm"),
        ["POST /api/auth/invitation/accept"] = new(Access.Public, "/api/auth/invitation/accept"),
        ["POST /api/app/activate"] = new(Access.Public, "/api/app/activate"),
        ["POST /api/auth/email-change/confirm"] = new(Access.Public, "/api/auth/email-change/confirm"),
        ["GET /dev/outbox"] = new(Access.Development, "/dev/outbox"),
        ["GET /dev/outbox.json"] = new(Access.Development, "/dev/outbox.json"),

        ["GET /api/me/"] = new(Access.SignedIn, "/api/me"),
        ["PUT /api/me/"] = new(Access.SignedIn, "/api/me"),
        ["POST /api/me/password"] = new(Access.SignedIn, "/api/me/password"),
        ["GET /api/me/tickets"] = new(Access.SignedIn, "/api/me/tickets"),
        ["GET /api/me/tickets/groups"] = new(Access.SignedIn, "/api/me/tickets/groups"),
        ["GET /api/me/tickets/{id:guid}/qr"] = new(Access.SignedIn, $"/api/me/tickets/{_ticket}/qr", ById: true),
        ["GET /api/me/sessions/"] = new(Access.SignedIn, "/api/me/sessions"),
        ["DELETE /api/me/sessions/{id:guid}"] = new(Access.SignedIn, $"/api/me/sessions/{_annasSession}", ById: true),
        ["GET /api/me/terms"] = new(Access.SignedIn, "/api/me/terms"),
        ["POST /api/me/terms"] = new(Access.SignedIn, "/api/me/terms"),
        ["GET /api/me/purchases"] = new(Access.SignedIn, "/api/me/purchases"),
        ["GET /api/me/purchases/{id:guid}/receipt.pdf"] = new(Access.SignedIn, $"/api/me/purchases/{_order}/receipt.pdf", ById: true),
        ["GET /api/me/export"] = new(Access.SignedIn, "/api/me/export"),
        ["GET /api/me/orders"] = new(Access.SignedIn, "/api/me/orders"),
        ["GET /api/orders/{id:guid}"] = new(Access.SignedIn, $"/api/orders/{_order}", ById: true),
        ["POST /api/orders/{id:guid}/withdraw"] = new(Access.SignedIn, $"/api/orders/{_order}/withdraw", ById: true),
        ["GET /api/cart/"] = new(Access.SignedIn, "/api/cart"),
        ["POST /api/cart/items"] = new(Access.SignedIn, "/api/cart/items"),
        ["DELETE /api/cart/items/{id:guid}"] = new(Access.SignedIn, $"/api/cart/items/{Nobody}", ById: true),
        ["POST /api/cart/checkout"] = new(Access.SignedIn, "/api/cart/checkout"),
        ["GET /api/stops"] = new(Access.SignedIn, "/api/stops?q=Kalmar"),
        ["GET /api/journeys"] = new(Access.SignedIn, "/api/journeys"),
        ["GET /api/zones"] = new(Access.SignedIn, "/api/zones"),
        ["GET /api/products"] = new(Access.SignedIn, "/api/products?zones=101"),
        ["GET /api/app/payment-methods"] = new(Access.SignedIn, "/api/app/payment-methods"),
        ["POST /api/app/payment-methods"] = new(Access.SignedIn, "/api/app/payment-methods"),
        ["GET /api/app/credit"] = new(Access.SignedIn, "/api/app/credit"),
        ["POST /api/app/purchases"] = new(Access.SignedIn, "/api/app/purchases"),
        ["ANY /hubs/live/negotiate"] = new(Access.SignedIn, "/hubs/live/negotiate?negotiateVersion=1"),

        ["GET /api/admin/travellers/"] = new(Access.Admin, "/api/admin/travellers?q=anna"),
        ["POST /api/admin/travellers/"] = new(Access.Admin, "/api/admin/travellers"),
        ["POST /api/admin/travellers/import"] = new(Access.Admin, "/api/admin/travellers/import?dryRun=true"),
        ["GET /api/admin/travellers/{id:guid}"] = new(Access.Admin, $"/api/admin/travellers/{Anna}", ById: true),
        ["PATCH /api/admin/travellers/{id:guid}"] = new(Access.Admin, $"/api/admin/travellers/{Anna}", ById: true),
        ["PUT /api/admin/travellers/{id:guid}/roles"] = new(Access.CompanyAdmin, $"/api/admin/travellers/{Anna}/roles", ById: true),
        ["POST /api/admin/travellers/{id:guid}/deactivate"] = new(Access.Admin, $"/api/admin/travellers/{Anna}/deactivate", ById: true),
        ["POST /api/admin/travellers/{id:guid}/reactivate"] = new(Access.Admin, $"/api/admin/travellers/{Anna}/reactivate", ById: true),
        ["POST /api/admin/travellers/{id:guid}/invitation"] = new(Access.Admin, $"/api/admin/travellers/{Anna}/invitation", ById: true),
        ["PUT /api/admin/travellers/{id:guid}/business-travel"] = new(Access.Admin, $"/api/admin/travellers/{Anna}/business-travel", ById: true),
        ["POST /api/admin/travellers/{id:guid}/business-travel/code"] = new(Access.Admin, $"/api/admin/travellers/{Anna}/business-travel/code", ById: true),
        ["GET /api/admin/departments/"] = new(Access.Admin, "/api/admin/departments"),
        ["POST /api/admin/departments/"] = new(Access.CompanyAdmin, "/api/admin/departments"),
        ["PATCH /api/admin/departments/{id:guid}"] = new(Access.CompanyAdmin, $"/api/admin/departments/{DemoAccounts.Ekonomi}", ById: true),
        ["DELETE /api/admin/departments/{id:guid}"] = new(Access.CompanyAdmin, $"/api/admin/departments/{DemoAccounts.Ekonomi}", ById: true),
        ["POST /api/admin/tickets/{id:guid}/block"] = new(Access.Admin, $"/api/admin/tickets/{_ticket}/block", ById: true),
        ["POST /api/admin/tickets/{id:guid}/recall"] = new(Access.Admin, $"/api/admin/tickets/{_ticket}/recall", ById: true),
        ["GET /api/admin/approvals"] = new(Access.Admin, "/api/admin/approvals"),
        ["POST /api/admin/orders/{id:guid}/approve"] = new(Access.Admin, $"/api/admin/orders/{_order}/approve", ById: true),
        ["POST /api/admin/orders/{id:guid}/reject"] = new(Access.Admin, $"/api/admin/orders/{_order}/reject", ById: true),
        ["GET /api/admin/audit"] = new(Access.Admin, "/api/admin/audit"),
        ["GET /api/admin/audit.csv"] = new(Access.Admin, "/api/admin/audit.csv"),
        ["GET /api/admin/invoices"] = new(Access.Admin, "/api/admin/invoices"),
        ["GET /api/admin/invoices/{month}"] = new(Access.Admin, $"/api/admin/invoices/{Month}"),
        ["GET /api/admin/invoices/{month}.csv"] = new(Access.Admin, $"/api/admin/invoices/{Month}.csv"),
        ["GET /api/admin/invoices/{month}.pdf"] = new(Access.Admin, $"/api/admin/invoices/{Month}.pdf"),
        ["GET /api/admin/payroll/{month}.csv"] = new(Access.Admin, $"/api/admin/payroll/{Month}.csv"),

        ["GET /api/operator/companies/"] = new(Access.Operator, "/api/operator/companies"),
        ["POST /api/operator/companies/"] = new(Access.Operator, "/api/operator/companies"),
        ["GET /api/operator/companies/{id:guid}"] = new(Access.Operator, $"/api/operator/companies/{DemoAccounts.ExempelAb}"),
        ["PATCH /api/operator/companies/{id:guid}"] = new(Access.Operator, $"/api/operator/companies/{DemoAccounts.ExempelAb}"),
        ["GET /api/operator/invoices/{month}"] = new(Access.Operator, $"/api/operator/invoices/{Month}"),
        ["GET /api/operator/invoices/{month}.csv"] = new(Access.Operator, $"/api/operator/invoices/{Month}.csv"),
        ["GET /api/operator/reconciliation/"] = new(Access.Operator, "/api/operator/reconciliation"),
        ["POST /api/operator/reconciliation/"] = new(Access.Operator, "/api/operator/reconciliation"),
        ["ANY /metrics"] = new(Access.Operator, "/metrics"),
        [Dashboard] = new(Access.Operator, "/operator/dashboard/version"),

        // Pages (GET; their forms post back to the same page, under the same authorization).
        ["PAGE /"] = new(Access.SignedIn, "/"),
        ["PAGE /logga-in"] = new(Access.Public, "/logga-in"),
        ["PAGE /logga-ut"] = new(Access.Public, "/logga-ut"),
        ["PAGE /glomt-losenord"] = new(Access.Public, "/glomt-losenord"),
        ["PAGE /aterstall-losenord"] = new(Access.Public, "/aterstall-losenord"),
        ["PAGE /inbjudan"] = new(Access.Public, "/inbjudan"),
        ["PAGE /bekrafta-e-post"] = new(Access.Public, "/bekrafta-e-post"),
        ["PAGE /faq"] = new(Access.Public, "/faq"),
        ["PAGE /support"] = new(Access.Public, "/support"),
        ["PAGE /allmanna-villkor"] = new(Access.Public, "/allmanna-villkor"),
        ["PAGE /integritetspolicy"] = new(Access.Public, "/integritetspolicy"),
        ["PAGE /fel/{status:int}"] = new(Access.Public, "/fel/404"),
        ["PAGE /godkann-villkor"] = new(Access.SignedIn, "/godkann-villkor"),
        ["PAGE /min-profil"] = new(Access.SignedIn, "/min-profil"),
        ["PAGE /biljetter"] = new(Access.Traveller, "/biljetter"),
        ["PAGE /biljetter/personalerbjudande"] = new(Access.Traveller, "/biljetter/personalerbjudande"),
        ["PAGE /biljetter/bestallningar"] = new(Access.SignedIn, "/biljetter/bestallningar"),
        ["PAGE /biljetter/bestallning/{id:guid}"] = new(Access.SignedIn, $"/biljetter/bestallning/{_order}", ById: true),
        ["PAGE /biljetter/mina-biljetter"] = new(Access.SignedIn, "/biljetter/mina-biljetter?grupp=active"),
        ["PAGE /biljetter/mina-kop"] = new(Access.SignedIn, "/biljetter/mina-kop"),
        ["PAGE /admin/attestering"] = new(Access.Admin, "/admin/attestering"),
        ["PAGE /admin/resenarer"] = new(Access.Admin, "/admin/resenarer?q=anna"),
        ["PAGE /admin/resenarer/import"] = new(Access.Admin, "/admin/resenarer/import"),
        ["PAGE /admin/resenarer/{id:guid}"] = new(Access.Admin, $"/admin/resenarer/{Anna}", ById: true),
        ["PAGE /admin/avdelningar"] = new(Access.CompanyAdmin, "/admin/avdelningar"),
        ["PAGE /admin/fakturor"] = new(Access.Admin, "/admin/fakturor"),
        ["PAGE /admin/handelselogg"] = new(Access.Admin, "/admin/handelselogg"),
        ["PAGE /operator/kunder"] = new(Access.Operator, "/operator/kunder"),
        ["PAGE /operator/kunder/{id:guid}"] = new(Access.Operator, $"/operator/kunder/{DemoAccounts.ExempelAb}"),
        ["PAGE /operator/fakturor"] = new(Access.Operator, "/operator/fakturor"),
        ["PAGE /operator/avstamning"] = new(Access.Operator, "/operator/avstamning"),
    };

    public static TheoryData<string> Keys => [.. new AuthorizationMatrixTests(null!).Matrix.Keys];

    public async Task InitializeAsync()
    {
        var ekonomi = await Travellers.CreateAsync(portal.Cluster.Client, DemoAccounts.ExempelAb, DemoAccounts.Ekonomi, "Ebba", "Ekonom");
        _order = (await Orders.SubmitAsync(portal.Cluster.Client, ekonomi, DemoAccounts.ExempelAb, DemoAccounts.Ekonomi)).Id;
        var approved = await Orders.SubmitAsync(portal.Cluster.Client, ekonomi, DemoAccounts.ExempelAb, DemoAccounts.Ekonomi);
        await portal.Cluster.Client.GetGrain<IOrderGrain>(approved.Id).DecideAsync(new OrderDecision(true, Anna, "Anna Admin", null));
        _ticket = approved.Submission.Lines[0].Id; // a staff-offer ticket has its order line's id
        _callers = await Callers.SignInAsync(portal, ekonomi);
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        _annasSession = (await (await anna.GetAsync("/api/me/sessions")).ReadJsonAsync()).EnumerateArray()
            .Single(session => session.GetProperty("current").GetBoolean()).GetProperty("id").GetGuid();
    }

    public Task DisposeAsync()
    {
        _callers.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void EveryRouteHasAnEntry()
    {
        var served = portal.WebA.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(KeysOf)
            .Where(key => !key.StartsWith("HUB ", StringComparison.Ordinal))
            .ToHashSet();

        var unlisted = served.Except(Matrix.Keys).Order().ToList();
        var gone = Matrix.Keys.Except(served).Order().ToList();
        Assert.True(unlisted.Count == 0, "Routes without an entry: " + string.Join(", ", unlisted));
        Assert.True(gone.Count == 0, "Entries without a route: " + string.Join(", ", gone));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task EachCallerGetsWhatTheRouteAllowsAndNothingElse(string key)
    {
        var route = Matrix[key];
        var method = key[..key.IndexOf(' ', StringComparison.Ordinal)] switch
        {
            "PAGE" or "ANY" when !key.EndsWith("/negotiate", StringComparison.Ordinal) => "GET",
            "ANY" => "POST",
            var named => named,
        };
        var page = key.StartsWith("PAGE ", StringComparison.Ordinal);
        foreach (var caller in _callers.For(page))
        {
            var before = await SnapshotAsync();
            using var response = await SendAsync(caller.Client, method, route);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            var expected = Expected(route, caller.Role);

            Assert.True(status < 500, $"{caller.Role} {key}: {status} {body}");
            if (expected is { } refused)
            {
                Assert.True(refused == status, $"{caller.Role} {key}: expected {refused}, got {status}: {body}");
                Assert.Equal(before, await SnapshotAsync());
            }
            else if (route.Access != Access.Public)
            {
                Assert.False(status is 401 or 403, $"{caller.Role} {key}: {status} {body}"); // (sign-in routes may answer 401 to bad credentials)
            }

            foreach (var secret in route.Access == Access.Development ? [] : caller.MustNotSee(_order))
            {
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{caller.Role} {key} shows {secret}: {body}");
            }
        }
    }

    /// <summary>The status a caller must get, or null where the route serves them (whatever its answer short of 5xx and, but for the public routes, 401/403).</summary>
    private static int? Expected(Route route, Who caller)
    {
        // The API and the hub answer 401; pages and the operator's tools outside /api send the browser to Logga in.
        var signInFirst = route.Path.StartsWith("/api/", StringComparison.Ordinal) || route.Path.StartsWith("/hubs/", StringComparison.Ordinal)
            ? StatusCodes.Status401Unauthorized
            : StatusCodes.Status302Found;
        return (route.Access, caller) switch
        {
            (Access.Public or Access.Development, _) => null,
            (_, Who.Anonymous) => signInFirst,
            (Access.Traveller, Who.Operator) => 403,
            (Access.SignedIn or Access.Traveller, _) => route.ById ? 404 : null,
            (Access.Operator, Who.Operator) => null,
            (Access.Operator, _) or (_, Who.Traveller or Who.App or Who.Operator) => 403,
            (Access.CompanyAdmin, Who.OtherDepartmentAdmin) => 403,
            (Access.Admin or Access.CompanyAdmin, _) => route.ById ? 404 : null,
            _ => throw new ArgumentOutOfRangeException(nameof(route), $"{route.Access} for {caller}"),
        };
    }

    /// <summary>"GET /api/me/" for a minimal API route (one key per method), "PAGE /min-profil" for a Razor page.</summary>
    private static IEnumerable<string> KeysOf(RouteEndpoint endpoint)
    {
        var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
        if (pattern.StartsWith("/operator/dashboard/", StringComparison.Ordinal))
        {
            return [Dashboard];
        }

        if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
        {
            return [$"PAGE {pattern}"];
        }

        if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.SignalR.HubMetadata>() is not null && !pattern.EndsWith("/negotiate", StringComparison.Ordinal))
        {
            return [$"HUB {pattern}"]; // the connection itself: its negotiate step carries the authorization
        }

        return endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Select(method => $"{method} {pattern}") ?? [$"ANY {pattern}"];
    }

    /// <summary>
    /// Sends the call with an empty JSON object, or, to an administration route aimed at the target's own resource, with a
    /// body valid for any of them, so that the answer is the scope's refusal and not a complaint about the body.
    /// </summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, Route route)
    {
        object body = route.ById && route.Access is Access.Admin or Access.CompanyAdmin
            ? new { firstName = "Ändrad", companyAdmin = false, enabled = true, monthlyLimitOre = 100, reference = "X-1", departmentId = DemoAccounts.Ekonomi, reason = "Borttappad telefon" }
            : new { };
        using var request = new HttpRequestMessage(new HttpMethod(method), route.Path)
        {
            Content = method is "GET" or "DELETE" ? null : JsonContent.Create(body),
        };
        return await client.SendAsync(request);
    }

    /// <summary>What a refused call must leave as it was: the target's rows and the counts of every table it could touch.</summary>
    private async Task<string> SnapshotAsync() => (await Sql.ReadAsync(portal.Cluster,
        """
        select concat_ws('|',
          (select u.first_name || u.active || array_to_string(u.roles, ',') || u.version from users u where u.id = $1),
          (select d.name || d.reference || d.cost_centre from departments d where d.id = $2),
          (select c.name || c.version from companies c where c.id = $3),
          (select count(*) from audit_log), (select count(*) from outbox), (select count(*) from invoice_ledger),
          (select count(*) from credit_ledger), (select count(*) from tickets), (select count(*) from users))
        """,
        reader => reader.GetString(0), Anna, DemoAccounts.Ekonomi, DemoAccounts.ExempelAb))[0];

    private enum Who
    {
        Anonymous,
        Traveller,
        App,
        OtherDepartmentAdmin,
        OtherCompanyAdmin,
        Operator,
    }

    private sealed record Caller(Who Role, HttpClient Client, IReadOnlyList<string> Secrets)
    {
        public IEnumerable<string> MustNotSee(Guid order) => Secrets.Count == 0 ? [] : [.. Secrets, order.ToString()];
    }

    /// <summary>
    /// The six callers, signed in once: with bearer tokens for the API and with the portal's cookie for pages. The app
    /// token is a company admin's (of another company), issued after an SMS activation: it must carry no admin right.
    /// </summary>
    private sealed class Callers : IDisposable
    {
        private readonly List<Caller> _api = [], _pages = [];

        public List<Caller> For(bool pages) => pages ? _pages : _api;

        public static async Task<Callers> SignInAsync(PortalFixture portal, Travellers.Traveller ebba)
        {
            var web = portal.WebA;
            var other = await Companies.CreateAsync(portal.Cluster.Client);
            var appAdmin = Guid.NewGuid();
            await portal.Cluster.Client.GetGrain<IUserGrain>(appAdmin).CreateAsync(new NewUser(
                "Bo", "Appadmin", $"bo-{appAdmin:N}@example.se", Travellers.Mobile, other.Id, other.DepartmentId,
                [Role.Traveller, Role.CompanyAdmin], [], Travellers.Password));
            using var ada = await web.SignedInClientAsync(other.AdminEmail, Travellers.Password);
            var appToken = await portal.GrantAndActivateAsync(ada, appAdmin);
            string[] exempel = [DemoAccounts.ExempelAb.ToString(), "Exempel AB", Demo.Anna, Anna.ToString(), DemoAccounts.Ekonomi.ToString()];
            string[] ekonomi = [ebba.Email, ebba.Id.ToString(), DemoAccounts.Ekonomi.ToString()];
            (Who, string? Email, string Password, string[] Secrets)[] people =
            [
                (Who.Anonymous, null, "", []),
                (Who.Traveller, Demo.Emmy, Demo.TravellerPassword, ekonomi),
                (Who.OtherDepartmentAdmin, Demo.Dan, Demo.AdminPassword, ekonomi),
                (Who.OtherCompanyAdmin, other.AdminEmail, Travellers.Password, exempel),
                (Who.Operator, "olle@klt.example.se", DemoAccounts.OperatorPassword, []),
            ];
            var callers = new Callers();
            foreach (var (role, email, password, secrets) in people)
            {
                var api = web.CreateClient(new() { AllowAutoRedirect = false });
                var browser = web.CreateClient(new() { AllowAutoRedirect = false });
                if (email is not null)
                {
                    api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await web.CreateClient().LoginForTokenAsync(email, password));
                    await Terms.AcceptAsync(web, email, password);
                    (await browser.PostLoginAsync(email, password)).Dispose();
                }

                callers._api.Add(new Caller(role, api, secrets));
                callers._pages.Add(new Caller(role, browser, secrets));
            }

            var app = web.CreateClient(new() { AllowAutoRedirect = false });
            app.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", appToken);
            callers._api.Add(new Caller(Who.App, app, exempel));
            return callers;
        }

        public void Dispose()
        {
            foreach (var caller in _api.Concat(_pages))
            {
                caller.Client.Dispose();
            }
        }
    }
}
