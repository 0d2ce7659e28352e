namespace Kalmar.Contracts.Model;

/// <summary>
/// How a traveller's unexpired tickets are grouped on Startsida and in the app, current ones first: each ticket is in
/// exactly one group (a blocked ticket is Spärrad whenever it would have been valid).
/// </summary>
[GenerateSerializer, Alias("Kalmar.TicketGroup")]
public enum TicketGroup
{
    /// <summary>Aktiva: valid now and not blocked.</summary>
    Active,

    /// <summary>Kommande: not blocked, valid from a time still ahead.</summary>
    Upcoming,

    /// <summary>Spärrade: blocked by an admin, not yet expired.</summary>
    Blocked,
}
