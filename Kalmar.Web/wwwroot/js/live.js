// One connection to the live hub for a page. The portal's pages sign it in with the auth cookie;
// the app passes `accessToken` (a function answering its bearer token) and sends no cookie, as a
// native app would. Events may be missed while disconnected, so after a reconnect the page re-reads
// its state through onReconnected. <body data-live="connected"> says the page is listening (tests wait for it).
export async function connectLive(handlers, onReconnected, accessToken) {
  const options = accessToken ? { accessTokenFactory: accessToken, withCredentials: false } : {};
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live", options)
    .withAutomaticReconnect()
    .build();
  for (const [event, handler] of Object.entries(handlers)) connection.on(event, handler);
  connection.onreconnecting(() => delete document.body.dataset.live);
  connection.onreconnected(async () => {
    document.body.dataset.live = "connected";
    if (onReconnected) await onReconnected();
  });
  await connection.start();
  document.body.dataset.live = "connected";
  return connection;
}
