using Kalmar.Web.Pages.Biljetter;

namespace Kalmar.Web.Pages.Operator;

/// <summary>What <c>_ErrorSummary</c> lists above a refused form: a message without a field, then each field's, linked to it.</summary>
public sealed record ErrorSummary(string Heading, string? FormError, FormErrors Errors);
