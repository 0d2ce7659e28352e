using Npgsql;

namespace Kalmar.Grains.Ordering;

/// <summary>The <c>traveller_orders</c> table: which orders each traveller placed, so no grain has to hold that list.</summary>
public sealed class TravellerOrders(NpgsqlDataSource dataSource)
{
    /// <summary>Records an order; recording it again changes nothing.</summary>
    public async Task RecordAsync(Guid travellerId, Guid orderId, DateTimeOffset submittedAt)
    {
        await using var command = dataSource.CreateCommand(
            "insert into traveller_orders (order_id, traveller_id, submitted_at) values ($1, $2, $3) on conflict (order_id) do nothing");
        command.Parameters.AddWithValue(orderId);
        command.Parameters.AddWithValue(travellerId);
        command.Parameters.AddWithValue(submittedAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The traveller's orders, newest first.</summary>
    public async Task<IReadOnlyList<Guid>> OfAsync(Guid travellerId, int limit = 500)
    {
        await using var command = dataSource.CreateCommand(
            "select order_id from traveller_orders where traveller_id = $1 order by submitted_at desc, order_id limit $2");
        command.Parameters.AddWithValue(travellerId);
        command.Parameters.AddWithValue(limit);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
