using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Companies;

[GenerateSerializer, Alias("Kalmar.CompanyState")]
public sealed class CompanyState
{
    [Id(0)] public CompanyInfo? Company { get; set; }
    [Id(1)] public Dictionary<Guid, CompanyMember> Members { get; set; } = [];
}
