namespace Kalmar.Bench;

/// <summary>How much of each load a run does: the full run of issue 15, or a quick smoke run.</summary>
public sealed record Sizes(
    TimeSpan Warmup,
    TimeSpan Duration,
    int Concurrency,
    int Accounts,
    int GrowthPurchases,
    int GrowthWindow,
    int GrowthConcurrency,
    TimeSpan GrowthCap,
    int IdleConnections,
    int Approvals,
    int CreditEvents,
    int OnboardingTravellers,
    int OnboardingRuns,
    int SearchRequests,
    int SearchConcurrency,
    TimeSpan SearchDuration,
    int InvoiceLines)
{
    public static readonly Sizes FullRun = new(
        Warmup: TimeSpan.FromSeconds(3), Duration: TimeSpan.FromSeconds(20), Concurrency: 64, Accounts: 1_000,
        GrowthPurchases: 10_000, GrowthWindow: 1_000, GrowthConcurrency: 8, GrowthCap: TimeSpan.FromMinutes(5),
        IdleConnections: 10_000, Approvals: 300, CreditEvents: 300,
        OnboardingTravellers: 5_000, OnboardingRuns: 3, SearchRequests: 200, SearchConcurrency: 8, SearchDuration: TimeSpan.FromSeconds(10),
        InvoiceLines: 200_000);

    public static readonly Sizes QuickRun = new(
        Warmup: TimeSpan.FromSeconds(1), Duration: TimeSpan.FromSeconds(4), Concurrency: 64, Accounts: 100,
        GrowthPurchases: 1_000, GrowthWindow: 100, GrowthConcurrency: 8, GrowthCap: TimeSpan.FromMinutes(1),
        IdleConnections: 1_000, Approvals: 40, CreditEvents: 40,
        OnboardingTravellers: 1_000, OnboardingRuns: 1, SearchRequests: 50, SearchConcurrency: 8, SearchDuration: TimeSpan.FromSeconds(2),
        InvoiceLines: 5_000);
}
