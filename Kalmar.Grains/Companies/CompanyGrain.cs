using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Infrastructure;

namespace Kalmar.Grains.Companies;

public sealed class CompanyGrain([PersistentState("company")] IPersistentState<CompanyState> state) : Grain, ICompanyGrain
{
    public async Task<CompanyInfo> CreateAsync(CompanyInfo company)
    {
        if (state.State.Company is { } existing)
        {
            return existing;
        }

        state.State.Company = company with { Id = this.GetPrimaryKey() };
        await state.WriteOrDropActivationAsync(this);
        return state.State.Company;
    }

    public async Task RegisterMemberAsync(CompanyMember member)
    {
        if (state.State.Members.GetValueOrDefault(member.UserId) is { } known && known.SameAs(member))
        {
            return;
        }

        state.State.Members[member.UserId] = member;
        await state.WriteOrDropActivationAsync(this);
    }

    public Task<IReadOnlyList<CompanyMember>> GetMembersAsync() =>
        Task.FromResult<IReadOnlyList<CompanyMember>>([.. state.State.Members.Values.OrderBy(member => member.Name)]);

    public Task<CompanyInfo?> GetAsync() => Task.FromResult(state.State.Company);
}
