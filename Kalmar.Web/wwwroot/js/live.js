// One connection to the live hub for a page. The portal's pages sign it in with the auth cookie;
// the app passes `accessToken` (an async function answering a fresh bearer token) and sends no
// cookie, as a native app would. It never gives up: a phone that slept for an hour, or a server
// that restarted, comes back live (retries back off to 30 s). Events may be missed meanwhile, so
// after a reconnect the page re-reads its state through `onReconnected`. `signal` stops it for good.
// <body data-live="connected"> says the page is listening (tests wait for it), and goes when the connection ends for
// good: stopped, or closed by the server without reconnect (the user's sessions ended, e.g. deactivated).
const backOff = attempt => Math.min(30_000, 1000 * 2 ** attempt);

// A `sessionEnded` event (this session was signed out elsewhere, the password changed, the user was deactivated or
// their roles changed) ends the page's session at once: `onSessionEnded` with the event's `{message}` when given (the
// app), else the portal's login page.
export async function connectLive(handlers, { onReconnected, onSessionEnded, accessToken, signal } = {}) {
  const options = accessToken ? { accessTokenFactory: accessToken, withCredentials: false } : {};
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live", options)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ({ previousRetryCount }) => backOff(previousRetryCount) })
    .build();
  for (const [event, handler] of Object.entries(handlers)) connection.on(event, handler);
  connection.on("sessionEnded", payload => {
    connection.stop();
    if (onSessionEnded) onSessionEnded(payload);
    else location.assign("/logga-in");
  });
  connection.onreconnecting(() => delete document.body.dataset.live);
  connection.onclose(() => delete document.body.dataset.live);
  connection.onreconnected(async () => {
    await connection.invoke("ready");
    document.body.dataset.live = "connected";
    if (onReconnected) await onReconnected();
  });
  signal?.addEventListener("abort", () => connection.stop());

  // Automatic reconnection only covers a connection that was up once; the first start retries here.
  for (let attempt = 0; !signal?.aborted; attempt++) {
    try {
      await connection.start();
      await connection.invoke("ready"); // answered once the server routes this user's events here
      document.body.dataset.live = "connected";
      return connection;
    } catch {
      await new Promise(resume => setTimeout(resume, backOff(attempt)));
    }
  }
  return connection;
}
