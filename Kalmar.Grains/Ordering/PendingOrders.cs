using Kalmar.Contracts.Model;
using Npgsql;
using Orleans.Serialization;

namespace Kalmar.Grains.Ordering;

/// <summary>
/// The <c>approval_queue</c> table: each company's pending orders, one row each, so that a change writes one row and
/// no grain's state grows with the queue. An order is stored as the Orleans serializer writes it.
/// </summary>
public sealed class PendingOrders(NpgsqlDataSource dataSource, Serializer serializer)
{
    /// <summary>Adds <paramref name="order"/>; false when it waits already (adding it again changes nothing).</summary>
    public async Task<bool> AddAsync(OrderView order)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into approval_queue (order_id, company_id, submitted_at, order_view) values ($1, $2, $3, $4)
            on conflict (order_id) do nothing
            """);
        command.Parameters.AddWithValue(order.Id);
        command.Parameters.AddWithValue(order.Submission.CompanyId);
        command.Parameters.AddWithValue(order.Submission.SubmittedAt.ToUniversalTime());
        command.Parameters.AddWithValue(serializer.SerializeToArray(order));
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>Takes the order out of the queue: the order as it waited, or null when it did not wait.</summary>
    public async Task<OrderView?> RemoveAsync(Guid companyId, Guid orderId)
    {
        await using var command = dataSource.CreateCommand("delete from approval_queue where company_id = $1 and order_id = $2 returning order_view");
        command.Parameters.AddWithValue(companyId);
        command.Parameters.AddWithValue(orderId);
        return await command.ExecuteScalarAsync() is byte[] waited ? serializer.Deserialize<OrderView>(waited) : null;
    }

    /// <summary>Replaces a waiting order by <paramref name="order"/>: the order as it waited before, or null when it did not wait.</summary>
    public async Task<OrderView?> ReplaceAsync(OrderView order)
    {
        await using var command = dataSource.CreateCommand(
            """
            update approval_queue q set order_view = $3
            from (select order_id, order_view from approval_queue where company_id = $1 and order_id = $2 for update) before
            where q.order_id = before.order_id
            returning before.order_view
            """);
        command.Parameters.AddWithValue(order.Submission.CompanyId);
        command.Parameters.AddWithValue(order.Id);
        command.Parameters.AddWithValue(serializer.SerializeToArray(order));
        return await command.ExecuteScalarAsync() is byte[] before ? serializer.Deserialize<OrderView>(before) : null;
    }

    /// <summary>The company's pending orders, oldest first.</summary>
    public async Task<IReadOnlyList<OrderView>> OfAsync(Guid companyId)
    {
        await using var command = dataSource.CreateCommand(
            "select order_view from approval_queue where company_id = $1 order by submitted_at, order_id");
        command.Parameters.AddWithValue(companyId);
        await using var reader = await command.ExecuteReaderAsync();
        var orders = new List<OrderView>();
        while (await reader.ReadAsync())
        {
            orders.Add(serializer.Deserialize<OrderView>(reader.GetFieldValue<byte[]>(0))!);
        }

        return orders;
    }
}
