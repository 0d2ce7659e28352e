namespace Kalmar.Web.Features.Profile;

/// <summary>How the user wants to be told: by e-mail, by SMS.</summary>
public sealed record NotifyResponse(bool Email, bool Sms);
