namespace Kalmar.Grains.Notifications;

/// <summary>
/// An e-mail or SMS on its way out. <paramref name="Id"/> is stable for the event it tells of (see
/// <see cref="MessageIds"/>), so enqueueing it again after a crash or retry adds nothing.
/// </summary>
public sealed record OutgoingMessage(
    Guid Id,
    MessageChannel Channel,
    string To,
    string? Subject,
    string Body,
    string? HtmlBody);
