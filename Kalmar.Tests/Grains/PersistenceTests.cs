using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Grains;

public sealed class PersistenceTests
{
    [Fact]
    public async Task GrainStateSurvivesStoppingTheWholeClusterAndStartingANewOne()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync();
        var serviceId = $"persistence-{Guid.NewGuid():N}";
        var companyId = Guid.NewGuid();
        var company = new CompanyInfo(companyId, "Beständig AB", StaffOfferAvailable: true, [new(Guid.NewGuid(), "Lager", "L-1")]);

        await using (var first = await KalmarCluster.StartAsync(connectionString, demoData: false, serviceId: serviceId))
        {
            await first.Client.GetGrain<ICompanyGrain>(companyId).CreateAsync(company);
        }

        await using var second = await KalmarCluster.StartAsync(connectionString, demoData: false, serviceId: serviceId);
        var reloaded = await second.Client.GetGrain<ICompanyGrain>(companyId).GetAsync();

        Assert.NotNull(reloaded);
        Assert.Equal("Beständig AB", reloaded.Name);
        Assert.Equal(company.Departments, reloaded.Departments);
    }
}
