namespace Kalmar.Tests.Fixtures;

/// <summary>A traveller ready to buy business trips: Anna's client (she granted them) and the activated app's.</summary>
public sealed record Buyer(Travellers.Traveller Traveller, HttpClient Anna, HttpClient Phone) : IDisposable
{
    public void Dispose()
    {
        Anna.Dispose();
        Phone.Dispose();
    }
}
