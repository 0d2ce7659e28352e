namespace Kalmar.Web.Realtime;

/// <summary>
/// The session a hub connection was opened in, and whether by its cookie: a cookie is held to the portal's limits
/// even when its session is the app's.
/// </summary>
public readonly record struct HubSession(Guid SessionId, bool ViaCookie);
