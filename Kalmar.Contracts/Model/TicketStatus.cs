namespace Kalmar.Contracts.Model;

/// <summary>Where a ticket stands apart from its validity period: in use, blocked (lost phone, leaver) or recalled.</summary>
[GenerateSerializer, Alias("Kalmar.TicketStatus")]
public enum TicketStatus
{
    Active,

    /// <summary>Spärrad by an admin: kept and shown to the traveller, but refused at inspection.</summary>
    Blocked,

    /// <summary>Återkallad before its validity started; the company is credited and the ticket is gone from the traveller's lists.</summary>
    Recalled,
}
