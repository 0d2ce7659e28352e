using Kalmar.Contracts.Model;

namespace Kalmar.Contracts.Abstractions;

/// <summary>A customer company (keyed by company id) and its departments.</summary>
[Alias("Kalmar.ICompanyGrain")]
public interface ICompanyGrain : IGrainWithGuidKey
{
    /// <summary>Registers the company; registering it again changes nothing.</summary>
    [Alias("Create")]
    Task<CompanyInfo> CreateAsync(CompanyInfo company);

    /// <summary>Adds or updates a user in the company's directory.</summary>
    [Alias("RegisterMember")]
    Task RegisterMemberAsync(CompanyMember member);

    [Alias("GetMembers")]
    Task<IReadOnlyList<CompanyMember>> GetMembersAsync();

    /// <summary>The company, or null when no such company exists.</summary>
    [Alias("Get")]
    Task<CompanyInfo?> GetAsync();
}
