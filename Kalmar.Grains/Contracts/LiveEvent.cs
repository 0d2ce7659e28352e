using System.Text.Json;

namespace Kalmar.Grains.Contracts;

/// <summary>
/// A hub event on its way from a grain to the web nodes: the event name, its JSON payload and who
/// gets it (users by id, and hub groups such as an approval queue's admins).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.LiveEvent")]
public sealed record LiveEvent(
    [property: Id(0)] string Name,
    [property: Id(1)] string PayloadJson,
    [property: Id(2)] IReadOnlyList<string> UserIds,
    [property: Id(3)] IReadOnlyList<string> Groups)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static LiveEvent ToUser<T>(string name, T payload, Guid userId) =>
        new(name, JsonSerializer.Serialize(payload, Json), [LiveAddress.User(userId)], []);

    public static LiveEvent ToGroups<T>(string name, T payload, IReadOnlyList<string> groups) =>
        new(name, JsonSerializer.Serialize(payload, Json), [], groups);
}
