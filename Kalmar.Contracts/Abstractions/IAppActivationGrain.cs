using Kalmar.Contracts.Model;
namespace Kalmar.Contracts.Abstractions;

/// <summary>
/// A temporary app user name from a grant SMS (the grain's key, e.g. <c>klt-7QX2M9PA</c>) and its
/// one-time code: stored as a hash, single use, expiring, and locked after repeated wrong codes.
/// </summary>
[Alias("Kalmar.IAppActivationGrain")]
public interface IAppActivationGrain : IGrainWithStringKey
{
    [Alias("Issue")]
    Task IssueAsync(Guid userId, string codeHash, DateTimeOffset expiresAt);

    [Alias("Revoke")]
    Task RevokeAsync();

    /// <summary>The user the code belongs to, or why not (<c>invalid-code</c>, <c>too-many-attempts</c>).</summary>
    [Alias("Activate")]
    Task<Outcome<Guid>> ActivateAsync(string code);
}
