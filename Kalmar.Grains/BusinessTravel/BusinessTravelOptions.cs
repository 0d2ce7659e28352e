using System.ComponentModel.DataAnnotations;

namespace Kalmar.Grains.BusinessTravel;

/// <summary>Section <c>BusinessTravel</c>: where the app is, as the activation SMS links it.</summary>
public sealed class BusinessTravelOptions
{
    public const string Section = "BusinessTravel";

    [Required, Url]
    public string AppUrl { get; set; } = "http://localhost:8080/app/";
}
