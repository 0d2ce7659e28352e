namespace Kalmar.Web.Features.Import;

/// <summary>
/// A problem in an import file, answered as <c>{line, column, message}</c>: the line as a spreadsheet shows it,
/// the column's header as the file spells it (null for a problem with the file or a whole row), and a Swedish
/// message without the line and column, which the page or the caller puts around it.
/// </summary>
public sealed record ImportError(int Line, string? Column, string Message);
