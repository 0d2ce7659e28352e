using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Features.Travellers;
using Kalmar.Web.Infrastructure;
using Npgsql;

namespace Kalmar.Web.Features.Customers;

/// <summary>The operator's customers ("Kunder"): every company, searched in the read model, changed through its grain.</summary>
public sealed class CustomersService(IClusterClient cluster, NpgsqlDataSource dataSource)
{
    public const int PageSize = 50;

    public async Task<Paged<CustomerListItem>> SearchAsync(string? q, int page)
    {
        page = Math.Max(page, 1);
        const string from = "from companies c where ($1::text is null or c.name ilike $1 or c.org_number ilike $1)";
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"select count(*) {from}") { Parameters = { Like(q) } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"""
            select c.id, c.name, c.org_number, c.invoice_email, c.staff_offer_available, c.max_monthly_limit_ore,
                   (select count(*) from users u where u.company_id = c.id and u.active),
                   (select count(*) from users u where u.company_id = c.id and u.active and 'company-admin' = any(u.roles)),
                   c.created_at
            {from} order by lower(c.name) limit $2 offset $3
            """)
        { Parameters = { Like(q), new() { Value = PageSize }, new() { Value = (page - 1) * PageSize } } });
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        var total = reader.GetInt64(0);
        await reader.NextResultAsync();
        var items = new List<CustomerListItem>();
        while (await reader.ReadAsync())
        {
            items.Add(new CustomerListItem(
                reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                reader.GetBoolean(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return new Paged<CustomerListItem>(items, page, PageSize, total);
    }

    public Task<CompanyInfo?> GetAsync(Guid companyId) => cluster.GetGrain<ICompanyGrain>(companyId).GetAsync();

    /// <summary>A new customer and its first company admin, who is invited by e-mail.</summary>
    public Task<Outcome<CompanyInfo>> RegisterAsync(CompanyFields company, TravellerFields firstAdmin, Actor actor) =>
        cluster.GetGrain<ICompanyGrain>(Guid.NewGuid()).RegisterAsync(company, firstAdmin, Guid.NewGuid(), actor);

    public async Task<Outcome<CompanyInfo>> UpdateAsync(Guid companyId, CompanyFields change, Actor actor) =>
        await GetAsync(companyId) is null
            ? Rejections.NotFound("Företaget")
            : await cluster.GetGrain<ICompanyGrain>(companyId).UpdateAsync(change, actor);

    private static NpgsqlParameter<string?> Like(string? q) => new()
    {
        TypedValue = SearchPattern.Containing(q),
    };
}
