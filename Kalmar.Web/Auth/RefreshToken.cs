namespace Kalmar.Web.Auth;

/// <summary>A refresh token and the hash its session keeps of it (the token itself is never stored).</summary>
public sealed record RefreshToken(string Token, string Hash);
