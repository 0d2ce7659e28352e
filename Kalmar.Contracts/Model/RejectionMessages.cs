namespace Kalmar.Contracts.Model;

/// <summary>Swedish messages that a grain and the web host both give, so a page says what the grain would.</summary>
public static class RejectionMessages
{
    public const string InvalidCode = "Fel användarnamn eller kod, eller så har koden redan använts eller gått ut.";
    public const string UnknownStop = "Hållplatsen finns inte. Välj en hållplats bland förslagen.";
}
