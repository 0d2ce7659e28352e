namespace Kalmar.Grains.Credit;

/// <summary>What became of a credit commit; anything but <see cref="Committed"/> wrote nothing.</summary>
public enum CommitOutcome
{
    Committed,

    /// <summary>Another activation of the account wrote since this one read it.</summary>
    StaleVersion,

    /// <summary>An idempotency key of the batch was charged before: the batch must be decided again with its receipt.</summary>
    KeyCharged,
}
