namespace Kalmar.Contracts.Model;

/// <summary>The ticket's carrier ("Biljettbärare"): the app on a mobile number, or a travel card.</summary>
[GenerateSerializer, Alias("Kalmar.CarrierType")]
public enum CarrierType
{
    App,
    Card,
}
