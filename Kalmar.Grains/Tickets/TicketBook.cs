using Kalmar.Contracts.Model;
using Npgsql;
using NpgsqlTypes;

namespace Kalmar.Grains.Tickets;

/// <summary>
/// The <c>tickets</c> table: every ticket a traveller was issued. A ticket is written once under its id, so
/// writing it again (a retry, an outbox run twice) adds nothing.
/// </summary>
public sealed class TicketBook(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "id, source, product, category, zones, carrier_type, carrier_number, price_ore, registered_at, valid_from, valid_to, purpose";

    /// <summary>The columns read back: the written ones and the status an admin may have changed since.</summary>
    private const string ReadColumns = Columns + ", status";

    /// <summary>Writes <paramref name="tickets"/> and returns those that were not there before.</summary>
    public async Task<IReadOnlyList<Ticket>> IssueAsync(Guid travellerId, IReadOnlyList<Ticket> tickets)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var ticket in tickets)
        {
            batch.BatchCommands.Add(Insert(travellerId, ticket));
        }

        await using var reader = await batch.ExecuteReaderAsync();
        var issued = new HashSet<Guid>();
        do
        {
            while (await reader.ReadAsync())
            {
                issued.Add(reader.GetGuid(0));
            }
        }
        while (await reader.NextResultAsync());

        return [.. tickets.Where(ticket => issued.Contains(ticket.Id))];
    }

    /// <summary>The command that writes one ticket (returning its id when it was new), for a caller's own transaction.</summary>
    public static NpgsqlBatchCommand Insert(Guid travellerId, Ticket ticket)
    {
        var command = new NpgsqlBatchCommand(
            $"""
            insert into tickets (traveller_id, {Columns})
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            on conflict (id) do nothing
            returning id
            """);
        var parameters = command.Parameters;
        parameters.AddWithValue(travellerId);
        parameters.AddWithValue(ticket.Id);
        parameters.AddWithValue(ticket.Source);
        parameters.AddWithValue(ticket.ProductName);
        parameters.AddWithValue(ticket.CategoryName);
        parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, ticket.Zones.ToArray());
        parameters.AddWithValue(ticket.Carrier.Type.ToName());
        parameters.AddWithValue(ticket.Carrier.Number);
        parameters.AddWithValue(ticket.PriceOre);
        parameters.AddWithValue(ticket.RegisteredAt.ToUniversalTime());
        parameters.AddWithValue(ticket.ValidFrom.ToUniversalTime());
        parameters.AddWithValue(ticket.ValidTo.ToUniversalTime());
        parameters.AddWithValue((object?)ticket.Purpose ?? DBNull.Value);
        return command;
    }

    /// <summary>
    /// A page of the traveller's tickets still valid at <paramref name="now"/>, soonest ending first: blocked ones
    /// included (the traveller sees them as Spärrad), recalled ones not.
    /// </summary>
    public async Task<IReadOnlyList<Ticket>> ActiveAsync(Guid travellerId, DateTimeOffset now, int skip, int take)
    {
        await using var command = dataSource.CreateCommand(
            $"select {ReadColumns} from tickets where traveller_id = $1 and valid_to > $2 and status <> 'recalled' order by valid_to, id offset $3 limit $4");
        command.Parameters.AddWithValue(travellerId);
        command.Parameters.AddWithValue(now.ToUniversalTime());
        command.Parameters.AddWithValue(skip);
        command.Parameters.AddWithValue(take);
        return await ReadAsync(command);
    }

    /// <summary>One of the traveller's tickets if it is still valid at <paramref name="now"/> and neither blocked nor recalled.</summary>
    public async Task<Ticket?> FindActiveAsync(Guid travellerId, Guid ticketId, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand(
            $"select {ReadColumns} from tickets where id = $1 and traveller_id = $2 and valid_to > $3 and status = 'active'");
        command.Parameters.AddWithValue(ticketId);
        command.Parameters.AddWithValue(travellerId);
        command.Parameters.AddWithValue(now.ToUniversalTime());
        return (await ReadAsync(command)).SingleOrDefault();
    }

    /// <summary>The tickets with these ids (those that exist).</summary>
    public async Task<IReadOnlyDictionary<Guid, Ticket>> FindAsync(IReadOnlyCollection<Guid> ids)
    {
        await using var command = dataSource.CreateCommand($"select {ReadColumns} from tickets where id = any($1)");
        command.Parameters.AddWithValue(ids.ToArray());
        return (await ReadAsync(command)).ToDictionary(ticket => ticket.Id);
    }

    /// <summary>A ticket of any status, with its holder; null when there is none with this id.</summary>
    public async Task<HeldTicket?> FindHeldAsync(Guid ticketId)
    {
        await using var command = dataSource.CreateCommand($"select {ReadColumns}, traveller_id from tickets where id = $1");
        command.Parameters.AddWithValue(ticketId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new HeldTicket(Read(reader), reader.GetGuid(13)) : null;
    }

    /// <summary>
    /// The command that gives a ticket <paramref name="status"/>, with who, when and why, for the caller's transaction. A
    /// recall is final, so it affects no row when the ticket is recalled already or has that status.
    /// </summary>
    public static NpgsqlBatchCommand ChangeStatus(Guid ticketId, TicketStatus status, string? reason, Actor actor, DateTimeOffset at)
    {
        var command = new NpgsqlBatchCommand(
            """
            update tickets set status = $2, status_reason = $3, status_changed_at = $4, status_changed_by = $5
            where id = $1 and status not in ($2, 'recalled')
            """);
        command.Parameters.AddWithValue(ticketId);
        command.Parameters.AddWithValue(status.ToName());
        command.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)reason ?? DBNull.Value);
        command.Parameters.AddWithValue(at.ToUniversalTime());
        command.Parameters.AddWithValue(NpgsqlDbType.Uuid, actor.Id == Guid.Empty ? DBNull.Value : actor.Id);
        return command;
    }

    private static async Task<IReadOnlyList<Ticket>> ReadAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var tickets = new List<Ticket>();
        while (await reader.ReadAsync())
        {
            tickets.Add(Read(reader));
        }

        return tickets;
    }

    private static Ticket Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<string[]>(4),
        new Carrier(CarrierTypeNames.Parse(reader.GetString(5))!.Value, reader.GetString(6)),
        reader.GetInt64(7), reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9),
        reader.GetFieldValue<DateTimeOffset>(10), reader.GetString(1), reader.IsDBNull(11) ? null : reader.GetString(11),
        TicketStatusNames.Parse(reader.GetString(12))!.Value);
}
