using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kalmar.Web.Features.Tickets;

/// <summary>
/// The <c>ticket_signing_keys</c> table. Every web node reads it; whichever first sees that no key waits to take over
/// creates the next one, a rotation period ahead, in one transaction under an advisory lock, so nodes doing it at once
/// create one key. Private keys are stored as PKCS#8 protected with the web nodes' data protection key ring: the ring
/// all nodes already share (and rotate) for cookies and tokens, so the ticket keys need no secret of their own, and
/// the table alone (a dump, a replica) gives no private key away.
/// </summary>
public sealed class TicketKeyStore(NpgsqlDataSource dataSource, IDataProtectionProvider protection, IOptions<TicketKeyOptions> options)
{
    /// <summary>The advisory lock id of key creation ("KLTTKEYS").</summary>
    private const long CreationLock = 0x4B4C_5454_4B45_5953;

    private readonly IDataProtector _protector = protection.CreateProtector("Kalmar.TicketSigningKeys.v1");

    /// <summary>The keys published at <paramref name="now"/>, after creating the first or the next one if it is due.</summary>
    public async Task<IReadOnlyList<TicketSigningKey>> LoadAsync(DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var keys = await ReadAsync(connection, null, now);
        if (keys.Any(key => key.ActivatedAt > now))
        {
            return keys;
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockKeys = new NpgsqlCommand("select pg_advisory_xact_lock($1)", connection, transaction))
        {
            lockKeys.Parameters.AddWithValue(CreationLock);
            await lockKeys.ExecuteNonQueryAsync();
        }

        // Read again under the lock: another node may have created the key while this one waited.
        keys = await ReadAsync(connection, transaction, now);
        if (!keys.Any(key => key.ActivatedAt > now))
        {
            await CreateNextAsync(connection, transaction, keys.Count == 0 ? null : keys.Max(key => key.ActivatedAt), now);
            keys = await ReadAsync(connection, transaction, now);
        }

        await transaction.CommitAsync();
        return keys;
    }

    /// <summary>
    /// Without keys, one that signs from now; then the next, a period after the latest (or after now, when the nodes were
    /// stopped for longer than that), which retires the latest at that moment.
    /// </summary>
    private async Task CreateNextAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset? latest, DateTimeOffset now)
    {
        var period = options.Value.RotationPeriod;
        if (latest is null)
        {
            await InsertAsync(connection, transaction, now);
            latest = now;
        }

        var next = latest.Value + period > now ? latest.Value + period : now + period;
        await using (var retire = new NpgsqlCommand(
            "update ticket_signing_keys set retired_at = $1, verify_until = $2 where activated_at = $3", connection, transaction))
        {
            retire.Parameters.AddWithValue(next.ToUniversalTime());
            retire.Parameters.AddWithValue((next + options.Value.MaxTicketLifetime).ToUniversalTime());
            retire.Parameters.AddWithValue(latest.Value.ToUniversalTime());
            await retire.ExecuteNonQueryAsync();
        }

        await InsertAsync(connection, transaction, next);
    }

    private async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset activatedAt)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        await using var insert = new NpgsqlCommand(
            "insert into ticket_signing_keys (kid, public_x, public_y, private_key_protected, activated_at) values ($1, $2, $3, $4, $5)",
            connection, transaction);
        insert.Parameters.AddWithValue(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(TicketCodeLayout.KeyIdLength)));
        insert.Parameters.AddWithValue(point.X!);
        insert.Parameters.AddWithValue(point.Y!);
        insert.Parameters.AddWithValue(_protector.Protect(key.ExportPkcs8PrivateKey()));
        insert.Parameters.AddWithValue(activatedAt.ToUniversalTime());
        await insert.ExecuteNonQueryAsync();
    }

    private async Task<List<TicketSigningKey>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, DateTimeOffset now)
    {
        // Private keys only of the key that signs and the one that waits to; retired keys only verify.
        await using var command = new NpgsqlCommand(
            """
            select kid, public_x, public_y, activated_at, verify_until,
                   case when retired_at is null or retired_at > $1 then private_key_protected end
            from ticket_signing_keys where verify_until is null or verify_until > $1
            order by activated_at desc
            """, connection, transaction);
        command.Parameters.AddWithValue(now.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<TicketSigningKey>();
        while (await reader.ReadAsync())
        {
            var publicKey = new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = reader.GetFieldValue<byte[]>(1), Y = reader.GetFieldValue<byte[]>(2) },
            };
            keys.Add(new TicketSigningKey(
                reader.GetString(0), publicKey, reader.IsDBNull(5) ? null : Private(reader.GetFieldValue<byte[]>(5)),
                reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return keys;
    }

    private ECParameters Private(byte[] protectedPkcs8)
    {
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(_protector.Unprotect(protectedPkcs8), out _);
        return key.ExportParameters(includePrivateParameters: true);
    }
}
