using Kalmar.Grains.Abstractions;
using Kalmar.Grains.Contracts;

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
        await state.WriteStateAsync();
        return state.State.Company;
    }

    public Task<CompanyInfo?> GetAsync() => Task.FromResult(state.State.Company);
}
