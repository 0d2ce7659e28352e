using Kalmar.Contracts.Abstractions;

namespace Kalmar.Silo.DemoData;

/// <summary>Loads <see cref="DemoAccounts"/> once the silo is active (only where <c>DemoData:Enabled</c> is set).</summary>
internal sealed class DemoDataOnStart(IGrainFactory grains) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DemoDataOnStart), ServiceLifecycleStage.Active, _ => LoadAsync());

    private async Task LoadAsync()
    {
        foreach (var company in DemoAccounts.Companies)
        {
            await grains.GetGrain<ICompanyGrain>(company.Id).CreateAsync(company);
        }

        foreach (var (id, user) in DemoAccounts.Users)
        {
            await grains.GetGrain<IUserGrain>(id).CreateAsync(user);
        }
    }
}
