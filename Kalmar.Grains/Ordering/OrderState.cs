using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Ordering;

[GenerateSerializer, Alias("Kalmar.OrderState")]
public sealed class OrderState
{
    [Id(0)] public OrderView? Order { get; set; }

    /// <summary>
    /// Set in the same write as the decision and cleared when its consequences (queue, tickets,
    /// notifications, live event) are done: the outbox that makes them survive a crash.
    /// </summary>
    [Id(1)] public bool DecisionEffectsPending { get; set; }

    /// <summary>How many times the admins were reminded of this order while it waited.</summary>
    [Id(2)] public int RemindersSent { get; set; }

    [Id(3)] public bool Escalated { get; set; }

    /// <summary>Who decided (or withdrew) the order, for the audit log that the decision's effects write.</summary>
    [Id(4)] public Actor? DecidedBy { get; set; }
}
