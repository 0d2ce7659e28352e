using Kalmar.Contracts.Model;

namespace Kalmar.Web.Features;

/// <summary>The rejections that the web's own checks give, worded as the grains word theirs.</summary>
public static class Rejections
{
    /// <summary>Also what anything outside an admin's scope is: it does not exist, as far as the admin can tell.</summary>
    public static Rejection NotFound(string what) => Rejection.Of(RejectionCodes.NotFound, $"{what} finns inte.");

    /// <summary>Every field's messages at once; the first names the first thing to fix.</summary>
    public static Rejection Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(Rejection.ValidationCode, errors.Values.First()[0], errors);
}
