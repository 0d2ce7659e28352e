namespace Kalmar.Bench.Portal;

/// <summary>A business trip in one zone (Kalmar), bought with AllPay under an idempotency key.</summary>
public static class Purchase
{
    public static object NewBody() => NewBody(Guid.NewGuid().ToString("N"));

    /// <summary>The body under <paramref name="idempotencyKey"/>: sent again after an unknown outcome, it charges once.</summary>
    public static object NewBody(string idempotencyKey) => new
    {
        productId = "enkel",
        categoryId = "vuxen",
        zones = new[] { "101" },
        purpose = "Kundmöte (benchmark)",
        paymentMethod = "allpay",
        idempotencyKey,
    };
}
