using Kalmar.Contracts.Model;
using Orleans.Concurrency;

namespace Kalmar.Contracts.Abstractions;

/// <summary>A customer company (keyed by company id) and its departments. Every change by a person is audited.</summary>
[Alias("Kalmar.ICompanyGrain")]
public interface ICompanyGrain : IGrainWithGuidKey
{
    /// <summary>Registers the company (demo data, tests); registering it again changes nothing.</summary>
    [Alias("Create")]
    Task<CompanyInfo> CreateAsync(CompanyInfo company);

    /// <summary>
    /// The operator's new customer: the company and its first company admin, who gets an invitation. 400 for a wrong
    /// field, <c>org-number-in-use</c>, <c>email-in-use</c> for the admin's address.
    /// </summary>
    [Alias("Register")]
    Task<Outcome<CompanyInfo>> RegisterAsync(CompanyFields fields, TravellerFields firstAdmin, Guid firstAdminId, Actor actor);

    /// <summary>The operator's change to the company's details and terms.</summary>
    [Alias("Update")]
    Task<Outcome<CompanyInfo>> UpdateAsync(CompanyFields change, Actor actor);

    /// <summary><c>department-exists</c> when the name, reference or cost centre is taken in the company.</summary>
    [Alias("CreateDepartment")]
    Task<Outcome<DepartmentInfo>> CreateDepartmentAsync(DepartmentFields fields, Actor actor);

    [Alias("UpdateDepartment")]
    Task<Outcome<DepartmentInfo>> UpdateDepartmentAsync(Guid departmentId, DepartmentFields change, Actor actor);

    /// <summary><c>department-not-empty</c> while any traveller, active or not, belongs to it.</summary>
    [Alias("DeleteDepartment")]
    Task<Outcome<DepartmentInfo>> DeleteDepartmentAsync(Guid departmentId, Actor actor);

    /// <summary>The active company and department admins.</summary>
    [Alias("GetAdmins"), ReadOnly]
    Task<IReadOnlyList<CompanyMember>> GetAdminsAsync();

    /// <summary>The company, or null when no such company exists.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<CompanyInfo?> GetAsync();
}
