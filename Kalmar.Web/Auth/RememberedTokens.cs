using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Kalmar.Web.Auth;

/// <summary>
/// Remembers for a minute what each bearer token read as: reading one (key derivation, AES and HMAC) was the largest
/// part of an app request's cost on the web node, and the app sends the same token with every request. Safe to
/// remember: the same string always reads the same, the token's expiry is still checked on every request by the
/// handler, and whether the session it names is still open is asked apart from it (<see cref="SessionChecks"/>). A
/// minute bounds how long a token outlives a revoked key of the ring.
/// </summary>
internal sealed class RememberedTokens : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Tokens remembered at most; beyond that some are let go (a token is read again when it comes back).</summary>
    private const int Capacity = 4096;

    private readonly MemoryCache _read = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The token format <paramref name="inner"/>, reading through this memory.</summary>
    public ISecureDataFormat<AuthenticationTicket> Around(ISecureDataFormat<AuthenticationTicket> inner) => new Format(inner, _read);

    public void Dispose() => _read.Dispose();

    private sealed class Format(ISecureDataFormat<AuthenticationTicket> inner, MemoryCache read) : ISecureDataFormat<AuthenticationTicket>
    {
        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

        /// <summary>A copy each time: a request may add to its principal or properties, and no other request must see that.</summary>
        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            if (protectedText is null || purpose is not null)
            {
                return inner.Unprotect(protectedText, purpose);
            }

            if (!read.TryGetValue(protectedText, out AuthenticationTicket? ticket))
            {
                ticket = inner.Unprotect(protectedText);
                if (ticket is null)
                {
                    return null; // not remembered: a made-up token must not push out a real one
                }

                read.Set(protectedText, ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
            }

            return new AuthenticationTicket(ticket!.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);
        }
    }
}
