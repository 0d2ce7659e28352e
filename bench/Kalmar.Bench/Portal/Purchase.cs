namespace Kalmar.Bench.Portal;

/// <summary>A business trip in one zone (Kalmar), bought with AllPay under a fresh idempotency key.</summary>
public static class Purchase
{
    public static object NewBody() => new
    {
        productId = "enkel",
        categoryId = "vuxen",
        zones = new[] { "101" },
        purpose = "Kundmöte (benchmark)",
        paymentMethod = "allpay",
        idempotencyKey = Guid.NewGuid().ToString("N"),
    };
}
