using Kalmar.Contracts.Notifications;
namespace Kalmar.Grains.Notifications;

/// <summary>
/// An e-mail or SMS on its way out. <paramref name="Id"/> is stable for the event it tells of (see
/// <see cref="MessageIds"/>), so enqueueing it again after a crash or retry adds nothing. Serializable,
/// so a grain may keep messages in its own state until they are enqueued.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.OutgoingMessage")]
public sealed record OutgoingMessage(
    [property: Id(0)] Guid Id,
    [property: Id(1)] MessageChannel Channel,
    [property: Id(2)] string To,
    [property: Id(3)] string? Subject,
    [property: Id(4)] string Body,
    [property: Id(5)] string? HtmlBody);
