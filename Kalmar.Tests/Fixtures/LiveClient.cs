using System.Collections.Concurrent;
using System.Text.Json;
using Kalmar.Web.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kalmar.Tests.Fixtures;

/// <summary>A hub connection for tests: records every payload of the events it listens to, and waits for them.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonElement>> _received = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveClient(HubConnection connection, IEnumerable<string> events)
    {
        _connection = connection;
        connection.Closed += _ =>
        {
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
        foreach (var name in events)
        {
            var queue = _received.GetOrAdd(name, _ => new());
            connection.On<JsonElement>(name, payload =>
            {
                queue.Enqueue(payload);
                _arrivals.Release();
            });
        }
    }

    public static Task<LiveClient> ConnectAsync(KalmarWebFactory web, string token, params string[] events) =>
        ConnectAsync(web, options => options.AccessTokenProvider = () => Task.FromResult<string?>(token), events);

    /// <summary>A connection that signs in with the portal's cookie (<paramref name="cookieHeader"/>), as a page does.</summary>
    public static Task<LiveClient> ConnectWithCookieAsync(KalmarWebFactory web, string cookieHeader, params string[] events) =>
        ConnectAsync(web, options => options.Headers["Cookie"] = cookieHeader, events);

    /// <summary>
    /// A bare hub connection of <paramref name="token"/> that reconnects by itself when the server allows it, as the app's
    /// does; <paramref name="handler"/> reaches the node each attempt goes to (a proxy's choice, in a test).
    /// </summary>
    public static HubConnection Reconnecting(Uri node, Func<HttpMessageHandler> handler, string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(node, LiveHub.Path), options =>
        {
            options.HttpMessageHandlerFactory = _ => handler();
            options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            options.Transports = HttpTransportType.LongPolling;
        })
        .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)])
        .Build();

    /// <summary>Whether the server still answers on this connection.</summary>
    public async Task<bool> AnswersAsync()
    {
        try
        {
            await _connection.InvokeAsync("ready");
            return true;
        }
        catch (Exception exception) when (exception is InvalidOperationException or HubException)
        {
            return false;
        }
    }

    private static async Task<LiveClient> ConnectAsync(KalmarWebFactory web, Action<HttpConnectionOptions> signIn, string[] events)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(web.Server.BaseAddress, LiveHub.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => web.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                signIn(options);
            })
            .Build();
        var client = new LiveClient(connection, events);
        await connection.StartAsync();
        await connection.InvokeAsync("ready");
        return client;
    }

    /// <summary>Completes when the connection ends (the server closed it, or it was disposed).</summary>
    public Task Closed => _closed.Task;

    public IReadOnlyList<JsonElement> Received(string eventName) => [.. _received[eventName]];

    /// <summary>Waits for the first event of that name, and returns it.</summary>
    public Task<JsonElement> WaitForAsync(string eventName) => WaitForAsync(eventName, _ => true);

    /// <summary>Waits until an event of that name matches <paramref name="predicate"/>, and returns it.</summary>
    public async Task<JsonElement> WaitForAsync(string eventName, Func<JsonElement, bool> predicate)
    {
        using var timeout = new CancellationTokenSource(Waits.Patience);
        while (true)
        {
            if (_received[eventName].FirstOrDefault(predicate) is { ValueKind: not JsonValueKind.Undefined } match)
            {
                return match;
            }

            try
            {
                await _arrivals.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw Waits.TimedOut($"A matching {eventName} event");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _arrivals.Dispose();
    }
}
