using Kalmar.Contracts.Model;
using Npgsql;

namespace Kalmar.Web.Features.Tickets;

/// <summary>A ticket's status as its row in <c>tickets</c> has it now (an admin may have blocked or recalled it since its code was signed).</summary>
public sealed class TicketStatusReader(NpgsqlDataSource dataSource)
{
    /// <summary>The status, or null when there is no such ticket.</summary>
    public async Task<TicketStatus?> StatusAsync(Guid ticketId)
    {
        await using var command = dataSource.CreateCommand("select status from tickets where id = $1");
        command.Parameters.AddWithValue(ticketId);
        return await command.ExecuteScalarAsync() is string status ? TicketStatusNames.Parse(status) : null;
    }
}
