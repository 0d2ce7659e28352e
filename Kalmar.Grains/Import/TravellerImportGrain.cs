using System.Diagnostics;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Hosting;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Audit;
using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kalmar.Grains.Import;

/// <summary>
/// A company's traveller import (keyed by company id). It keeps no state: a grain only so that one import at a time
/// runs per company, deciding on the users it read. All new and changed users, their invitations and audit entries
/// are one transaction written by <see cref="UserStore"/>, so a file is imported whole or not at all.
/// </summary>
/// <remarks>
/// Business-travel grants are another grain's state, so they follow the commit, one call per traveller. Should one
/// fail, importing the file again finds that traveller's grant different and completes it (nothing else is written).
/// </remarks>
public sealed partial class TravellerImportGrain(
    UserStore store,
    IOptions<PortalOptions> portal,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time,
    ILogger<TravellerImportGrain> logger) : Grain, ITravellerImportGrain
{
    private const string EmailColumn = "E-post";
    private const string DepartmentColumn = "Avdelning";
    private const string LimitColumn = "Månadsgräns";

    /// <summary>Grain calls after the commit (grants, reloads) in flight at once: fast, without flooding the silo.</summary>
    private const int ParallelCalls = 32;

    private Guid CompanyId => this.GetPrimaryKey();

    public async Task<TravellerImportResult> ImportAsync(
        IReadOnlyList<TravellerImportRow> rows, bool dryRun, Actor actor, IReadOnlyList<Guid>? onlyDepartments)
    {
        if (await GrainFactory.GetGrain<ICompanyGrain>(CompanyId).GetAsync() is not { } company)
        {
            return new TravellerImportResult(0, 0, 0, [new TravellerImportError(1, null, "Företaget finns inte.")]);
        }

        var errors = new List<TravellerImportError>();
        var plans = await PlanAsync(rows, company, onlyDepartments, errors);
        var created = plans.Count(plan => plan.Existing is null);
        var updated = plans.Count(plan => plan.Existing is not null && (plan.Changed is not null || plan.Grant));
        var result = new TravellerImportResult(created, updated, plans.Count - created - updated, [.. errors.OrderBy(error => error.Line)]);
        if (errors.Count > 0 || dryRun || created + updated == 0)
        {
            return result;
        }

        var started = Stopwatch.GetTimestamp();
        if (!await CommitAsync(plans, company, actor, result))
        {
            return result with
            {
                Created = 0, Updated = 0, Unchanged = 0,
                Errors = [new TravellerImportError(1, null, "Resenärer ändrades av någon annan medan filen importerades. Inget sparades; försök igen.")],
            };
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        LogImported(CompanyId, created, updated, elapsed.TotalMilliseconds);
        await ForEachAsync(plans.Where(plan => plan.Changed is not null), plan => AfterUpdateAsync(plan, actor));
        await ForEachAsync(plans.Where(plan => plan.Grant), plan => GrantAsync(plan, actor));
        return result;
    }

    /// <summary>What to do with each row without an error; an error for each problem of the others.</summary>
    private async Task<List<Plan>> PlanAsync(
        IReadOnlyList<TravellerImportRow> rows, CompanyInfo company, IReadOnlyList<Guid>? onlyDepartments, List<TravellerImportError> errors)
    {
        var departments = new Dictionary<string, DepartmentInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var department in company.Departments)
        {
            departments.TryAdd(department.Name.Trim(), department);
        }

        foreach (var department in company.Departments)
        {
            departments.TryAdd(department.Reference.Trim(), department);
        }

        var existing = (await store.LoadByEmailsAsync([.. rows.Select(row => row.Email).Distinct()]))
            .ToDictionary(user => user.Profile!.Email, StringComparer.Ordinal);
        var plans = new List<Plan>(rows.Count);
        foreach (var row in rows)
        {
            var errorsBefore = errors.Count;
            void Fail(string column, string message) => errors.Add(new TravellerImportError(row.Line, column, message));

            if (!departments.TryGetValue(row.DepartmentText.Trim(), out var department))
            {
                Fail(DepartmentColumn, $"Avdelningen {row.DepartmentText} finns inte i företaget.");
            }
            else if (onlyDepartments is not null && !onlyDepartments.Contains(department.Id))
            {
                Fail(DepartmentColumn, $"Du administrerar inte avdelningen {department.Name}.");
            }

            if (row.MonthlyLimitOre > company.MaxMonthlyLimitOre)
            {
                Fail(LimitColumn, $"{company.Name} ger högst {Money.ToKronor(company.MaxMonthlyLimitOre)} i månadskredit per resenär.");
            }

            existing.TryGetValue(row.Email, out var user);
            if (user?.Profile is { } other && other.CompanyId != CompanyId)
            {
                Fail(EmailColumn, UserStore.EmailInUse.Message);
            }
            else if (user?.Profile is { } inScope && onlyDepartments is not null && !onlyDepartments.Contains(inScope.DepartmentId))
            {
                Fail(EmailColumn, "Resenären med e-postadressen tillhör en avdelning som du inte administrerar.");
            }

            if (errors.Count == errorsBefore)
            {
                plans.Add(Plan.For(row, department!, user, company));
            }
        }

        var withLimit = plans.Where(plan => plan is { Existing: not null, Row.MonthlyLimitOre: > 0 }).ToList();
        var grants = new BusinessTravelStatus[withLimit.Count];
        await ForEachAsync(Enumerable.Range(0, withLimit.Count), async i =>
            grants[i] = await GrainFactory.GetGrain<IBusinessTravelGrain>(withLimit[i].Existing!.Profile!.Id).GetAsync());
        for (var i = 0; i < withLimit.Count; i++)
        {
            withLimit[i].Grant = grants[i] is not { Enabled: true } granted || granted.MonthlyLimitOre != withLimit[i].Row.MonthlyLimitOre;
        }

        foreach (var plan in plans.Where(plan => plan is { Existing: null, Row.MonthlyLimitOre: > 0 }))
        {
            plan.Grant = true;
        }

        return plans;
    }

    private async Task<bool> CommitAsync(List<Plan> plans, CompanyInfo company, Actor actor, TravellerImportResult result)
    {
        var now = time.GetUtcNow();
        var users = new List<UserState>(plans.Count);
        var alongside = new List<NpgsqlBatchCommand>(plans.Count * 2 + 1);
        foreach (var plan in plans)
        {
            if (plan.Existing is null)
            {
                var (token, invitation) = UserGrain.NewLink(now + UserGrain.InvitationLifetime);
                var profile = plan.NewProfile(CompanyId);
                users.Add(new UserState
                {
                    Profile = profile,
                    SecurityStamp = UserGrain.NewStamp(),
                    Invitation = invitation,
                    CreatedAt = now,
                    Version = 1,
                });
                alongside.Add(AuditLog.Insert(new AuditRecord(now, CompanyId, actor, AuditActions.TravellerCreated, profile.Id, profile.FullName,
                    null, UserGrain.Described(profile, company))));
                alongside.Add(UserGrain.InvitationMessage(profile, company, token, invitation, portal.Value, now));
            }
            else if (plan.Changed is { } changed)
            {
                var current = plan.Existing.Profile!;
                var next = plan.Existing.Copy();
                (next.Profile, next.Version) = (changed, plan.Existing.Version + 1);
                users.Add(next);
                var action = changed.DepartmentId != current.DepartmentId ? AuditActions.TravellerMoved : AuditActions.TravellerChanged;
                alongside.Add(AuditLog.Insert(new AuditRecord(now, CompanyId, actor, action, current.Id, changed.FullName,
                    UserGrain.Described(current, company), UserGrain.Described(changed, company))));
            }
        }

        alongside.Add(AuditLog.Insert(new AuditRecord(now, CompanyId, actor, AuditActions.Imported, CompanyId, company.Name, null,
            new { result.Created, result.Updated, result.Unchanged })));
        return await store.CommitManyAsync(users, alongside);
    }

    /// <summary>
    /// The user's grain re-reads its row; a moved traveller's pending orders follow it to the new department's queue,
    /// by the same step an admin's move takes (saving the department again moves what is left behind).
    /// </summary>
    private async Task AfterUpdateAsync(Plan plan, Actor actor)
    {
        var user = GrainFactory.GetGrain<IUserGrain>(plan.Existing!.Profile!.Id);
        await user.ReloadAsync();
        if (plan.Changed!.DepartmentId != plan.Existing.Profile.DepartmentId)
        {
            await user.EditAsync(new TravellerEdit(null, null, null, plan.Changed.DepartmentId, null), actor);
        }
    }

    private async Task GrantAsync(Plan plan, Actor actor)
    {
        var travellerId = plan.Existing?.Profile?.Id ?? plan.NewId;
        try
        {
            if ((await GrainFactory.GetGrain<IBusinessTravelGrain>(travellerId).GrantAsync(true, plan.Row.MonthlyLimitOre!.Value, actor)).Rejection is { } rejection)
            {
                LogGrantRefused(travellerId, plan.Row.Line, rejection.Message);
            }
        }
        catch (Exception exception)
        {
            LogGrantFailed(exception, travellerId, plan.Row.Line);
        }
    }

    private static async Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> action)
    {
        foreach (var chunk in items.Chunk(ParallelCalls))
        {
            await Task.WhenAll(chunk.Select(action));
        }
    }

    /// <summary>
    /// A row's outcome: a new traveller (no <see cref="Existing"/>), a changed one (<see cref="Changed"/>), or one
    /// left as it is; <see cref="Grant"/> when its business-travel grant is to be set after the commit.
    /// </summary>
    private sealed class Plan(TravellerImportRow row, DepartmentInfo department, UserState? existing, UserProfile? changed)
    {
        public TravellerImportRow Row { get; } = row;

        public UserState? Existing { get; } = existing;

        public UserProfile? Changed { get; } = changed;

        public Guid NewId { get; } = Guid.NewGuid();

        public bool Grant { get; set; }

        public static Plan For(TravellerImportRow row, DepartmentInfo department, UserState? existing, CompanyInfo company)
        {
            if (existing?.Profile is not { } current)
            {
                return new Plan(row, department, null, null);
            }

            // An empty employee number leaves the stored one: a file without the column must not erase every number.
            var changed = current with
            {
                FirstName = row.FirstName,
                LastName = row.LastName,
                Mobile = row.Mobile,
                DepartmentId = department.Id,
                EmployeeNumber = row.EmployeeNumber ?? current.EmployeeNumber,
            };
            return new Plan(row, department, existing,
                UserGrain.Described(changed, company) == UserGrain.Described(current, company) ? null : changed);
        }

        public UserProfile NewProfile(Guid companyId) => new(
            NewId, Row.FirstName, Row.LastName, Row.Email, Row.Mobile, Phone: null, Personnummer: null, companyId, department.Id,
            [Role.Traveller], [], new NotificationChoice(Email: true, Sms: false), Active: true)
        {
            EmployeeNumber = Row.EmployeeNumber,
            Invited = true,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import into company {CompanyId}: {Created} created, {Updated} updated, committed in {Milliseconds} ms")]
    private partial void LogImported(Guid companyId, int created, int updated, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Business travel for traveller {TravellerId} (import line {Line}) was refused: {Reason}")]
    private partial void LogGrantRefused(Guid travellerId, int line, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Business travel for traveller {TravellerId} (import line {Line}) failed; importing the file again grants it")]
    private partial void LogGrantFailed(Exception exception, Guid travellerId, int line);
}
