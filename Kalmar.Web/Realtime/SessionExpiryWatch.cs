using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Kalmar.Web.Realtime;

/// <summary>
/// Closes this node's hub connections of sessions that run out quietly (idle, or past their lifetime): a request
/// would find that out, an open connection makes none. Each session is asked once for the time it would end if
/// unused, and again only when this clock passes that time (its grain answers a later one if it was used meanwhile),
/// so 10,000 quiet connections cost a look at a table each tick and one grain call each per half hour.
/// </summary>
public sealed partial class SessionExpiryWatch(
    IClusterClient client,
    UserConnections connections,
    SessionEndNotice sessionEnds,
    [FromKeyedServices(SessionClock.Key)] TimeProvider clock,
    IOptions<LiveOptions> options,
    ILogger<SessionExpiryWatch> logger) : BackgroundService
{
    /// <summary>Only the loop reads and writes it.</summary>
    private readonly Dictionary<HubSession, DateTimeOffset> _openUntil = [];

    private int _askAgain;

    /// <summary>
    /// Asks every session again on the next tick, whatever time it gave: this node may have missed the news of some that
    /// ended (<see cref="LiveCatchUp"/>). Their connections are closed as if the sessions ran out, since the reason was in
    /// the news missed: they are told "Du har loggats ut." even when an administrator ended them.
    /// </summary>
    public void AskAgain() => Volatile.Write(ref _askAgain, 1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(options.Value.SessionCheckInterval, CheckAsync, stoppingToken);

    private async Task CheckAsync()
    {
        if (Interlocked.Exchange(ref _askAgain, 0) == 1)
        {
            _openUntil.Clear();
        }

        var now = clock.GetUtcNow();
        var open = connections.Sessions();
        foreach (var closed in _openUntil.Keys.Where(session => !open.Contains(session)).ToList())
        {
            _openUntil.Remove(closed);
        }

        var due = open.Where(session => !_openUntil.TryGetValue(session, out var until) || now > until);
        foreach (var (session, until) in await Task.WhenAll(due.Select(AskAsync)))
        {
            if (until is { } later)
            {
                _openUntil[session] = later;
            }
            else
            {
                _openUntil.Remove(session);
                await CloseAsync(session);
            }
        }
    }

    /// <summary>A session that cannot be asked now counts as open until the next tick.</summary>
    private async Task<(HubSession Session, DateTimeOffset? Until)> AskAsync(HubSession session)
    {
        try
        {
            return (session, await client.GetGrain<ISessionGrain>(session.SessionId).OpenUntilAsync(session.ViaCookie));
        }
        catch (Exception exception) // a timed-out or cancelled call too: nothing here is being stopped
        {
            LogAskFailed(exception, session.SessionId);
            return (session, clock.GetUtcNow());
        }
    }

    /// <summary>A failure here must not stop the loop (and with it the host): the connections are closed all the same.</summary>
    private async Task CloseAsync(HubSession session)
    {
        try
        {
            await sessionEnds.CloseAsync(connections.Take(session), SessionEndReasons.Expired);
        }
        catch (Exception exception)
        {
            LogNoticeFailed(exception, session.SessionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the hub connections of session {SessionId} that it ended; they are closed all the same")]
    private partial void LogNoticeFailed(Exception exception, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask session {SessionId} when it ends; asking again on the next tick")]
    private partial void LogAskFailed(Exception exception, Guid sessionId);
}
