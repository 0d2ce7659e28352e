using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;

namespace Kalmar.Web.Features.Terms;

/// <summary>Integritetspolicy and Allmänna villkor: which version a user has accepted, and accepting the one in force.</summary>
public sealed class TermsService(IClusterClient cluster)
{
    public Task<TermsAcceptance?> AcceptedAsync(Guid userId) => cluster.GetGrain<IUserGrain>(userId).GetTermsAsync();

    /// <summary>A user who accepted an earlier version accepts again before going on.</summary>
    public async Task<bool> HasAcceptedCurrentAsync(Guid userId) =>
        (await AcceptedAsync(userId))?.Version == TermsAcceptance.CurrentVersion;

    /// <summary>Only the version in force can be accepted: nobody agrees to terms they were not shown.</summary>
    public async Task<Outcome<TermsAcceptance>> AcceptAsync(Guid userId, string? version) =>
        version == TermsAcceptance.CurrentVersion
            ? Outcome<TermsAcceptance>.Success(await cluster.GetGrain<IUserGrain>(userId).AcceptTermsAsync(version))
            : Rejection.Field("version", $"Godkänn den gällande versionen av villkoren ({TermsAcceptance.CurrentVersion}).");
}
