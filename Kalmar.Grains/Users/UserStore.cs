using Kalmar.Contracts.Model;
using Npgsql;
using NpgsqlTypes;

namespace Kalmar.Grains.Users;

/// <summary>
/// Users in <c>users</c>: each row is a user grain's state and the read model the admin's traveller list queries.
/// A write is versioned (a stale activation's write changes nothing) and goes in one transaction with whatever
/// must be durable with it (audit entries, outgoing invitations).
/// </summary>
public sealed class UserStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        """
        id, company_id, department_id, first_name, last_name, email, mobile, phone, personnummer, employee_number, roles,
        admin_of, notify_email, notify_sms, active, password_hash, security_stamp, failed_sign_ins, locked_until,
        terms_version, terms_accepted_at, reset_id, reset_hash, reset_expires_at, invitation_id, invitation_hash,
        invitation_expires_at, created_at, version, email_change_to, email_change_id, email_change_hash, email_change_expires_at
        """;

    public async Task<UserState> LoadAsync(Guid userId)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from users where id = $1");
        command.Parameters.AddWithValue(userId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : new UserState();
    }

    /// <summary>The stored users with any of <paramref name="emails"/> (lower case), in one query, whatever their company.</summary>
    public async Task<IReadOnlyList<UserState>> LoadByEmailsAsync(IReadOnlyCollection<string> emails)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from users where email = any($1)");
        command.Parameters.AddWithValue(emails.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var users = new List<UserState>(emails.Count);
        while (await reader.ReadAsync())
        {
            users.Add(Read(reader));
        }

        return users;
    }

    public async Task<Guid?> FindByEmailAsync(string email)
    {
        await using var command = dataSource.CreateCommand("select id from users where email = $1");
        command.Parameters.AddWithValue(email.Trim().ToLowerInvariant());
        return await command.ExecuteScalarAsync() as Guid?;
    }

    /// <summary>
    /// Writes <paramref name="next"/> (whose <see cref="UserState.Version"/> is one above the stored row's, or 1 for
    /// a new user) with <paramref name="alongside"/> in one transaction. With <paramref name="keepingAdminsOf"/>, the
    /// company's row is locked first (so two admins demoting each other are decided one after the other) and the
    /// change is refused when the company would have no active company admin left.
    /// </summary>
    /// <returns>Null when written; otherwise why nothing was.</returns>
    /// <exception cref="InvalidOperationException">The stored row is not at the version below (a stale activation).</exception>
    public async Task<Rejection?> CommitAsync(UserState next, IReadOnlyList<NpgsqlBatchCommand> alongside, Guid? keepingAdminsOf = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            if (keepingAdminsOf is { } companyId)
            {
                await ExecuteAsync(connection, transaction, "select 1 from companies where id = $1 for update", companyId);
            }

            await using (var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { Save(next) } })
            {
                foreach (var command in alongside)
                {
                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync();
                if (batch.BatchCommands[0].RecordsAffected != 1)
                {
                    throw new InvalidOperationException($"User {next.Profile!.Id} was changed by another activation; nothing was written.");
                }
            }

            if (keepingAdminsOf is { } company && await ExecuteAsync(connection, transaction,
                    "select count(*) from users where company_id = $1 and active and 'company-admin' = any(roles)", company) is 0L)
            {
                await transaction.RollbackAsync();
                return LastAdmin;
            }

            await transaction.CommitAsync();
            return null;
        }
        catch (PostgresException exception) when (exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "users_email" })
        {
            return EmailInUse;
        }
    }

    /// <summary>
    /// Writes many users (each at one version above its stored row, or 1 when new) with <paramref name="alongside"/>
    /// in one transaction, as one batch: all of it, or (a row changed meanwhile, an e-mail address taken meanwhile)
    /// none of it.
    /// </summary>
    /// <returns>Whether it was written.</returns>
    public async Task<bool> CommitManyAsync(IReadOnlyList<UserState> users, IReadOnlyList<NpgsqlBatchCommand> alongside)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var user in users)
        {
            batch.BatchCommands.Add(Save(user));
        }

        foreach (var command in alongside)
        {
            batch.BatchCommands.Add(command);
        }

        try
        {
            await batch.ExecuteNonQueryAsync();
        }
        catch (PostgresException exception) when (exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "users_email" })
        {
            return false;
        }

        for (var i = 0; i < users.Count; i++)
        {
            if (batch.BatchCommands[i].RecordsAffected != 1)
            {
                await transaction.RollbackAsync();
                return false;
            }
        }

        await transaction.CommitAsync();
        return true;
    }

    private static async Task<object?> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Guid id)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { Parameters = { new() { Value = id } } };
        return await command.ExecuteScalarAsync();
    }

    public static readonly Rejection LastAdmin = Rejection.Of(
        RejectionCodes.LastAdmin, "Företaget måste ha minst en aktiv företagsadministratör. Utse en annan först.");

    public static readonly Rejection EmailInUse = Rejection.Of(RejectionCodes.EmailInUse, "E-postadressen används redan av ett annat konto.");

    /// <summary>The row of <paramref name="user"/>: inserted at version 1, else updated from the version below it.</summary>
    public static NpgsqlBatchCommand Save(UserState user)
    {
        var profile = user.Profile!;
        var command = new NpgsqlBatchCommand(user.Version == 1
            ? $"insert into users ({Columns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33) on conflict (id) do nothing"
            : """
              update users set company_id = $2, department_id = $3, first_name = $4, last_name = $5, email = $6, mobile = $7,
                phone = $8, personnummer = $9, employee_number = $10, roles = $11, admin_of = $12, notify_email = $13,
                notify_sms = $14, active = $15, password_hash = $16, security_stamp = $17, failed_sign_ins = $18,
                locked_until = $19, terms_version = $20, terms_accepted_at = $21, reset_id = $22, reset_hash = $23,
                reset_expires_at = $24, invitation_id = $25, invitation_hash = $26, invitation_expires_at = $27, version = $29,
                email_change_to = $30, email_change_id = $31, email_change_hash = $32, email_change_expires_at = $33
              where id = $1 and version = $29 - 1
              """);
        var p = command.Parameters;
        p.AddWithValue(profile.Id);
        p.AddWithValue(NpgsqlDbType.Uuid, OrNull(profile.CompanyId));
        p.AddWithValue(NpgsqlDbType.Uuid, OrNull(profile.DepartmentId));
        p.AddWithValue(profile.FirstName);
        p.AddWithValue(profile.LastName);
        p.AddWithValue(profile.Email);
        p.AddWithValue(NpgsqlDbType.Text, (object?)profile.Mobile ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)profile.Phone ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)profile.Personnummer ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)profile.EmployeeNumber ?? DBNull.Value);
        p.AddWithValue(profile.Roles.Select(role => role.ToName()).ToArray());
        p.AddWithValue(profile.AdministeredDepartmentIds.ToArray());
        p.AddWithValue(profile.Notify.Email);
        p.AddWithValue(profile.Notify.Sms);
        p.AddWithValue(profile.Active);
        p.AddWithValue(NpgsqlDbType.Text, (object?)user.PasswordHash ?? DBNull.Value);
        p.AddWithValue(user.SecurityStamp);
        p.AddWithValue(user.FailedSignIns);
        p.AddWithValue(NpgsqlDbType.TimestampTz, (object?)user.LockedUntil?.ToUniversalTime() ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)user.Terms?.Version ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.TimestampTz, (object?)user.Terms?.AcceptedAt.ToUniversalTime() ?? DBNull.Value);
        AddToken(p, user.PasswordReset);
        AddToken(p, user.Invitation);
        p.AddWithValue(user.CreatedAt.ToUniversalTime());
        p.AddWithValue(user.Version);
        p.AddWithValue(NpgsqlDbType.Text, (object?)profile.PendingEmail ?? DBNull.Value);
        AddToken(p, user.EmailChange);
        return command;
    }

    private static void AddToken(NpgsqlParameterCollection p, PasswordResetToken? token)
    {
        p.AddWithValue(NpgsqlDbType.Uuid, (object?)token?.Id ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.Text, (object?)token?.Hash ?? DBNull.Value);
        p.AddWithValue(NpgsqlDbType.TimestampTz, (object?)token?.ExpiresAt.ToUniversalTime() ?? DBNull.Value);
    }

    private static object OrNull(Guid id) => id == Guid.Empty ? DBNull.Value : id;

    private static UserState Read(NpgsqlDataReader r)
    {
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        DateTimeOffset? At(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
        Guid IdOrEmpty(int i) => r.IsDBNull(i) ? Guid.Empty : r.GetGuid(i);
        PasswordResetToken? Token(int i) => r.IsDBNull(i) ? null : new(r.GetGuid(i), r.GetString(i + 1), r.GetFieldValue<DateTimeOffset>(i + 2));

        var passwordHash = Text(15);
        var invitation = Token(24);
        return new UserState
        {
            Profile = new UserProfile(
                r.GetGuid(0), r.GetString(3), r.GetString(4), r.GetString(5), Text(6), Text(7), Text(8), IdOrEmpty(1), IdOrEmpty(2),
                [.. r.GetFieldValue<string[]>(10).Select(RoleNames.Parse)], r.GetFieldValue<Guid[]>(11),
                new NotificationChoice(r.GetBoolean(12), r.GetBoolean(13)), r.GetBoolean(14))
            {
                EmployeeNumber = Text(9),
                Invited = passwordHash is null,
                PendingEmail = Text(29),
            },
            PasswordHash = passwordHash,
            SecurityStamp = r.GetString(16),
            FailedSignIns = r.GetInt32(17),
            LockedUntil = At(18),
            Terms = Text(19) is { } version ? new TermsAcceptance(version, At(20)!.Value) : null,
            PasswordReset = Token(21),
            Invitation = invitation,
            EmailChange = Token(30),
            CreatedAt = r.GetFieldValue<DateTimeOffset>(27),
            Version = r.GetInt64(28),
        };
    }
}
