using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Kalmar.Web.Apis;

/// <summary>
/// Development only: every SMS and e-mail in the outbox, sent or still queued, newest first, so a
/// person trying the system can read the one-time code without a phone or a mailbox.
/// </summary>
public static class DevOutboxApi
{
    private const int Limit = 200;

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>The outbox shows one-time codes and reset links: never outside Development.</summary>
    public static bool IsAvailableIn(IHostEnvironment environment) => environment.IsDevelopment();

    public static WebApplication MapDevOutboxApi(this WebApplication app)
    {
        if (!IsAvailableIn(app.Environment))
        {
            return app;
        }

        var dev = app.MapGroup("/dev").WithTags("Utveckling").AllowAnonymous().ExcludeFromDescription();
        dev.MapGet("/outbox", PageAsync).WithName("DevOutboxPage").WithSummary("Utkorgen som webbsida, nyaste först");
        dev.MapGet("/outbox.json", ListAsync).WithName("DevOutbox").WithSummary("Utkorgens sms och e-post, nyaste först");
        return app;
    }

    public sealed record OutboxEntry(
        Guid Id,
        string Channel,
        string To,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Subject,
        string Body,
        DateTimeOffset? SentAt,
        DateTimeOffset CreatedAt,
        int Attempts);

    public static async Task<Ok<OutboxEntry[]>> ListAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReadAsync(dataSource, cancellationToken));

    public static async Task<ContentHttpResult> PageAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        TypedResults.Content(Render(await ReadAsync(dataSource, cancellationToken)), "text/html; charset=utf-8");

    public static async Task<OutboxEntry[]> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select id, channel, recipient, subject, body, sent_at, created_at, attempts
            from outbox order by created_at desc, id limit $1
            """);
        command.Parameters.AddWithValue(Limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<OutboxEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new OutboxEntry(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetInt32(7)));
        }

        return [.. entries];
    }

    private static string Render(OutboxEntry[] entries)
    {
        var html = new StringBuilder(
            """
            <!DOCTYPE html>
            <html lang="sv">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Utkorg (utveckling) – Företagsportalen</title>
            <style>
            body{font-family:system-ui,Arial,sans-serif;margin:0 auto;padding:1rem;max-width:48rem;line-height:1.5;color:#1a1a1a}
            article{border:1px solid #ccc;border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
            h2{font-size:1.1rem;margin:0 0 .5rem}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 .5rem}
            dt{font-weight:600}
            dd{margin:0;overflow-wrap:anywhere}
            pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f4f4;padding:.75rem;margin:0;font:inherit}
            .queued{color:#8a4b00;font-weight:600}
            </style>
            </head>
            <body>
            <main>
            <h1>Utkorg</h1>
            <p>Alla sms och e-postmeddelanden som systemet har skickat eller har i kö, nyaste först. Sidan finns bara i utvecklingsmiljön.</p>

            """);
        if (entries.Length == 0)
        {
            html.Append("<p>Utkorgen är tom.</p>\n");
        }

        foreach (var entry in entries)
        {
            var isSms = entry.Channel == MessageChannelNames.Sms;
            var heading = entry.Subject ?? (isSms ? "Sms" : "E-post utan ämne");
            html.Append("<article>\n<h2>").Append(HtmlText.Encode(heading)).Append("</h2>\n<dl>\n")
                .Append("<dt>Kanal</dt><dd>").Append(isSms ? "Sms" : "E-post").Append("</dd>\n")
                .Append("<dt>Till</dt><dd>").Append(HtmlText.Encode(entry.To)).Append("</dd>\n")
                .Append("<dt>Tid</dt><dd>")
                .Append(entry.SentAt is { } sentAt
                    ? $"Skickat {Format(sentAt)}"
                    : $"<span class=\"queued\">I kö</span> sedan {Format(entry.CreatedAt)}, {entry.Attempts} försök")
                .Append("</dd>\n</dl>\n<pre>").Append(HtmlText.Encode(entry.Body)).Append("</pre>\n</article>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Format(DateTimeOffset at) =>
        Stockholm.ToLocal(at).ToString("yyyy-MM-dd HH:mm:ss", Swedish);
}
