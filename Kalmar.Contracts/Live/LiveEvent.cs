namespace Kalmar.Contracts.Live;

/// <summary>
/// A change on its way from a grain to the web nodes, and who gets it (users by id, and hub groups such as an
/// approval queue's admins). The web node turns <see cref="Update"/> into its hub event; <see cref="Id"/> lets a node
/// that is reached through two recipients deliver it once. <see cref="WrittenAt"/> (wall-clock time, not the business
/// clock: it measures the push latency) is when the grain made it, right after the change's durable write.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.LiveEvent")]
public sealed record LiveEvent(
    [property: Id(0)] LiveUpdate Update,
    [property: Id(1)] IReadOnlyList<string> UserIds,
    [property: Id(2)] IReadOnlyList<string> Groups,
    [property: Id(3)] Guid Id,
    [property: Id(4)] DateTimeOffset WrittenAt)
{
    public static LiveEvent ToUser(LiveUpdate update, Guid userId) =>
        new(update, [LiveAddress.User(userId)], [], Guid.NewGuid(), DateTimeOffset.UtcNow);

    public static LiveEvent ToGroups(LiveUpdate update, IReadOnlyList<string> groups) =>
        new(update, [], groups, Guid.NewGuid(), DateTimeOffset.UtcNow);
}
