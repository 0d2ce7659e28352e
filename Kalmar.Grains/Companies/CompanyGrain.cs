using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Audit;
using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Users;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kalmar.Grains.Companies;

/// <summary>
/// A customer company and its departments, stored by <see cref="CompanyStore"/>. Each change is written, with its
/// audit entry, before it becomes this activation's state (a new <see cref="CompanyInfo"/>, so reads that interleave
/// see the old company or the new, never half of one).
/// </summary>
public sealed class CompanyGrain(CompanyStore store, UserStore users, [FromKeyedServices(BusinessClock.Key)] TimeProvider time) : Grain, ICompanyGrain
{
    private const int MaxTextLength = 100;
    private CompanyInfo? _company;
    private long _version;

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => (_company, _version) = await store.LoadAsync(Id);

    public async Task<CompanyInfo> CreateAsync(CompanyInfo company)
    {
        if (_company is null)
        {
            var created = company with { Id = Id };
            await CommitAsync(created, [.. created.Departments.Select(department => CompanyStore.InsertDepartment(Id, department))]);
        }

        if (_company is not null)
        {
            await ScheduleMonthCloseAsync();
        }

        return _company!;
    }

    public async Task<Outcome<CompanyInfo>> RegisterAsync(CompanyFields fields, TravellerFields firstAdmin, Guid firstAdminId, Actor actor)
    {
        if (_company is not null)
        {
            return Outcome<CompanyInfo>.Success(_company);
        }

        var errors = new Dictionary<string, string[]>();
        var company = Apply(new CompanyInfo(Id, "", false, []), fields, errors, creating: true);
        if (errors.Count > 0)
        {
            return new Rejection(Rejection.ValidationCode, errors.Values.First()[0], errors);
        }

        var admin = GrainFactory.GetGrain<IUserGrain>(firstAdminId);
        if (await admin.GetAsync() is not null)
        {
            return Rejection.Field("admin", "Administratören finns redan.");
        }

        // Checked before the company is written, so a taken address leaves no company without its admin (but for a race).
        if (firstAdmin.Email is { } email && await users.FindByEmailAsync(email) is not null)
        {
            return UserStore.EmailInUse with { FieldErrors = new Dictionary<string, string[]> { ["admin.email"] = [UserStore.EmailInUse.Message] } };
        }

        if (await CommitAsync(company, [AuditLog.Insert(Audit(actor, AuditActions.CompanyCreated, null, Described(company)))]) is { } refused)
        {
            return refused;
        }

        await ScheduleMonthCloseAsync();

        // The company first, then its admin, who is invited into it; an admin whose address is taken is reported, and
        // the operator adds the admin again with another address (PATCH keeps the company as it is).
        var invited = await admin.InviteAsync(firstAdmin, Id, [Role.Traveller, Role.CompanyAdmin], actor);
        return invited.Rejection is { } rejection
            ? rejection with { FieldErrors = rejection.FieldErrors.ToDictionary(field => $"admin.{field.Key}", field => field.Value) }
            : Outcome<CompanyInfo>.Success(_company!);
    }

    public async Task<Outcome<CompanyInfo>> UpdateAsync(CompanyFields change, Actor actor)
    {
        if (_company is not { } current)
        {
            return NotFound;
        }

        var errors = new Dictionary<string, string[]>();
        var changed = Apply(current, change, errors, creating: false);
        if (errors.Count > 0)
        {
            return new Rejection(Rejection.ValidationCode, errors.Values.First()[0], errors);
        }

        if (Described(changed) == Described(current))
        {
            return Outcome<CompanyInfo>.Success(current);
        }

        return await CommitAsync(changed, [AuditLog.Insert(Audit(actor, AuditActions.CompanyChanged, Described(current), Described(changed)))]) is { } refused
            ? refused
            : Outcome<CompanyInfo>.Success(changed);
    }

    public async Task<Outcome<DepartmentInfo>> CreateDepartmentAsync(DepartmentFields fields, Actor actor)
    {
        if (_company is not { } current)
        {
            return NotFound;
        }

        if (CheckDepartment(new DepartmentInfo(Guid.NewGuid(), "", ""), fields, out var department) is { } invalid)
        {
            return invalid;
        }

        return await CommitAsync(
            current with { Departments = [.. current.Departments, department] },
            [CompanyStore.InsertDepartment(Id, department), AuditLog.Insert(Audit(actor, AuditActions.DepartmentCreated, null, department))]) is { } refused
            ? refused
            : Outcome<DepartmentInfo>.Success(department);
    }

    public async Task<Outcome<DepartmentInfo>> UpdateDepartmentAsync(Guid departmentId, DepartmentFields change, Actor actor)
    {
        if (_company?.FindDepartment(departmentId) is not { } current)
        {
            return DepartmentNotFound;
        }

        if (CheckDepartment(current, change, out var changed) is { } invalid)
        {
            return invalid;
        }

        if (changed == current)
        {
            return Outcome<DepartmentInfo>.Success(current);
        }

        return await CommitAsync(
            _company with { Departments = [.. _company.Departments.Select(d => d.Id == departmentId ? changed : d)] },
            [CompanyStore.UpdateDepartment(Id, changed), AuditLog.Insert(Audit(actor, AuditActions.DepartmentChanged, current, changed))]) is { } refused
            ? refused
            : Outcome<DepartmentInfo>.Success(changed);
    }

    public async Task<Outcome<DepartmentInfo>> DeleteDepartmentAsync(Guid departmentId, Actor actor)
    {
        if (_company?.FindDepartment(departmentId) is not { } department)
        {
            return DepartmentNotFound;
        }

        return await CommitAsync(
            _company with { Departments = [.. _company.Departments.Where(d => d.Id != departmentId)] },
            [CompanyStore.DeleteEmptyDepartment(departmentId), AuditLog.Insert(Audit(actor, AuditActions.DepartmentDeleted, department, null))]) is { } refused
            ? refused
            : Outcome<DepartmentInfo>.Success(department);
    }

    public Task<IReadOnlyList<CompanyMember>> GetAdminsAsync() => store.AdminsAsync(Id);

    public Task<CompanyInfo?> GetAsync() => Task.FromResult(_company);

    /// <summary>Every company has its month close from the start (a silo's start-up pass schedules any that missed it).</summary>
    private Task ScheduleMonthCloseAsync() => GrainFactory.GetGrain<IInvoiceGrain>(Id).ScheduleAsync();

    private static Rejection NotFound => Rejection.Of(RejectionCodes.NotFound, "Företaget finns inte.");

    private static Rejection DepartmentNotFound => Rejection.Of(RejectionCodes.NotFound, "Avdelningen finns inte.");

    /// <summary>Writes <paramref name="next"/> with <paramref name="alongside"/>; null when written, else the rejection.</summary>
    private async Task<Rejection?> CommitAsync(CompanyInfo next, IReadOnlyList<NpgsqlBatchCommand> alongside)
    {
        string? refused;
        try
        {
            refused = await store.CommitAsync(next, _version + 1, alongside);
        }
        catch
        {
            DeactivateOnIdle(); // the next call reads the stored company afresh
            throw;
        }

        if (refused is null)
        {
            (_company, _version) = (next, _version + 1);
            return null;
        }

        return refused switch
        {
            "companies_org_number" => Rejection.Of(RejectionCodes.OrgNumberInUse, "Organisationsnumret är redan registrerat på ett annat företag."),
            CompanyStore.NothingChanged => Rejection.Of(RejectionCodes.DepartmentNotEmpty, "Avdelningen har resenärer. Flytta dem till en annan avdelning först."),
            _ => Rejection.Of(RejectionCodes.DepartmentExists, "Det finns redan en avdelning med samma namn, referens eller kostnadsställe."),
        };
    }

    private static CompanyInfo Apply(CompanyInfo current, CompanyFields change, Dictionary<string, string[]> errors, bool creating)
    {
        string? Text(string? value, string field, string missing) =>
            value is null ? (creating ? Error(errors, field, missing) : null)
            : string.IsNullOrWhiteSpace(value) || value.Trim().Length > MaxTextLength ? Error(errors, field, missing)
            : value.Trim();

        var name = Text(change.Name, "name", "Ange företagets namn.");
        string? orgNumber = null;
        if (change.OrgNumber is not null || creating)
        {
            orgNumber = OrganisationNumber.TryParse(change.OrgNumber, out var parsed) ? parsed : Error(errors, "orgNumber", OrganisationNumber.Error);
        }

        string? invoiceEmail = null;
        if (change.InvoiceEmail is not null || creating)
        {
            invoiceEmail = EmailAddress.TryParse(change.InvoiceEmail, out var email, out var error) ? email.Value : Error(errors, "invoiceEmail", error);
        }

        PostalAddress? address = null;
        if (change.InvoiceAddress is not null || creating)
        {
            var street = Text(change.InvoiceAddress?.Street ?? "", "invoiceAddress.street", "Ange fakturaadressens gatuadress.");
            var postalCode = new string((change.InvoiceAddress?.PostalCode ?? "").Where(char.IsAsciiDigit).ToArray());
            if (postalCode.Length != 5)
            {
                Error(errors, "invoiceAddress.postalCode", "Ange ett postnummer med fem siffror, t.ex. 392 32.");
            }

            var city = Text(change.InvoiceAddress?.City ?? "", "invoiceAddress.city", "Ange fakturaadressens ort.");
            address = new PostalAddress(street ?? "", postalCode.Length == 5 ? $"{postalCode[..3]} {postalCode[3..]}" : "", city ?? "");
        }

        if (change.MaxMonthlyLimitOre is < 0 || (creating && change.MaxMonthlyLimitOre is null))
        {
            Error(errors, "maxMonthlyLimitOre", "Ange den högsta månadskrediten per resenär, 0 kr eller mer.");
        }

        if (change.PayrollDeduction is not (null or PayrollDeductions.Gross or PayrollDeductions.Net))
        {
            Error(errors, "payrollDeduction", "Välj bruttolöneavdrag eller nettolöneavdrag.");
        }

        return current with
        {
            PayrollDeduction = change.PayrollDeduction ?? current.PayrollDeduction,
            Name = name ?? current.Name,
            OrgNumber = orgNumber ?? current.OrgNumber,
            InvoiceEmail = invoiceEmail ?? current.InvoiceEmail,
            InvoiceAddress = address ?? current.InvoiceAddress,
            StaffOfferAvailable = change.StaffOfferAvailable ?? current.StaffOfferAvailable,
            MaxMonthlyLimitOre = change.MaxMonthlyLimitOre ?? current.MaxMonthlyLimitOre,
        };
    }

    private static Rejection? CheckDepartment(DepartmentInfo current, DepartmentFields change, out DepartmentInfo department)
    {
        var errors = new Dictionary<string, string[]>();
        string? Text(string? value, string field, string missing, bool required) =>
            value is null ? null
            : value.Trim().Length > MaxTextLength ? Error(errors, field, $"Skriv högst {MaxTextLength} tecken.")
            : required && string.IsNullOrWhiteSpace(value) ? Error(errors, field, missing)
            : value.Trim();

        department = current with
        {
            Name = Text(change.Name, "name", "Ange avdelningens namn.", required: true) ?? current.Name,
            Reference = Text(change.Reference, "reference", "Ange avdelningens fakturareferens.", required: true) ?? current.Reference,
            CostCentre = Text(change.CostCentre, "costCentre", "", required: false) ?? current.CostCentre,
        };
        if (department.Name.Length == 0)
        {
            Error(errors, "name", "Ange avdelningens namn.");
        }

        if (department.Reference.Length == 0)
        {
            Error(errors, "reference", "Ange avdelningens fakturareferens.");
        }

        return errors.Count == 0 ? null : new Rejection(Rejection.ValidationCode, errors.Values.First()[0], errors);
    }

    private static string? Error(Dictionary<string, string[]> errors, string field, string message)
    {
        errors.TryAdd(field, [message]);
        return null;
    }

    private AuditRecord Audit(Actor actor, string action, object? before, object? after) =>
        new(time.GetUtcNow(), Id, actor, action, TargetId(after ?? before), TargetName(after ?? before), before, after);

    private Guid TargetId(object? target) => target is DepartmentInfo department ? department.Id : Id;

    private string TargetName(object? target) => target switch
    {
        DepartmentInfo department => department.Name,
        CompanyDescription company => company.Name,
        _ => _company?.Name ?? "",
    };

    /// <summary>A company's details as the audit log keeps them (a record, so two can be compared).</summary>
    private static CompanyDescription Described(CompanyInfo company) => new(
        company.Name, company.OrgNumber, company.InvoiceEmail, company.InvoiceAddress, company.StaffOfferAvailable, company.MaxMonthlyLimitOre,
        company.PayrollDeduction);

    private sealed record CompanyDescription(
        string Name, string? OrgNumber, string InvoiceEmail, PostalAddress InvoiceAddress, bool StaffOfferAvailable, long MaxMonthlyLimitOre,
        string PayrollDeduction);
}
