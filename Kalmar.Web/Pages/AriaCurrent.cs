namespace Kalmar.Web.Pages;

/// <summary>
/// A menu link's aria-current, from the request path (the routes are fixed; page file names are not): "page" on the
/// link's own page, "true" below it (the ordering pages under Biljetter, every page under Administration), so the
/// link shows where one is without claiming to be the page.
/// </summary>
public static class AriaCurrent
{
    public static string? Page(PathString path, string href) => path.Equals(href, StringComparison.OrdinalIgnoreCase) ? "page" : null;

    public static string? Section(PathString path, string href) =>
        Page(path, href) ?? (path.StartsWithSegments(href, StringComparison.OrdinalIgnoreCase) ? "true" : null);
}
