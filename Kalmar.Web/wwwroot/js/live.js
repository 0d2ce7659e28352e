// One connection to the live hub for a page (the auth cookie signs it in). Events may be missed
// while disconnected, so after a reconnect the page re-reads its state through onReconnected.
// <body data-live="connected"> says the page is listening (tests wait for it).
export async function connectLive(handlers, onReconnected) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live")
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
