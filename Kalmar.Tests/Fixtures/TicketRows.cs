namespace Kalmar.Tests.Fixtures;

/// <summary>Many tickets for one traveller, written straight into the <c>tickets</c> table in one statement.</summary>
public static class TicketRows
{
    /// <summary>
    /// Inserts <paramref name="count"/> tickets valid from <paramref name="from"/> to <paramref name="to"/> (each a little
    /// later than the one before, so their order is known), and answers their ids in that order.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> InsertAsync(
        KalmarCluster cluster, Guid travellerId, int count, DateTimeOffset from, DateTimeOffset to, string status = "active", string carrier = "app") =>
        await Sql.ReadAsync(
            cluster,
            """
            insert into tickets (id, traveller_id, source, product, category, zones, carrier_type, carrier_number, price_ore,
                                 registered_at, valid_from, valid_to, purpose, status)
            select gen_random_uuid(), $1, 'staff-offer', 'Enkelbiljett', 'Vuxen', array['101'], $5,
                   case when $5 = 'app' then '+46701112233' else '1234567897' end, 3710,
                   $2 - interval '1 day', $2 + g * interval '1 second', $3 + g * interval '1 second', null, $4
            from generate_series(1, $6) g
            returning id
            """,
            reader => reader.GetGuid(0),
            travellerId, from.ToUniversalTime(), to.ToUniversalTime(), status, carrier, count);
}
