namespace Kalmar.Web.Auth;

/// <summary>An access token, the refresh token that renews it, and the access token's lifetime in seconds.</summary>
public sealed record IssuedTokens(string Token, string RefreshToken, long ExpiresIn);
