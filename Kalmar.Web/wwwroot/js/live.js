// One connection to the live hub for a page (the auth cookie signs it in). Events may be missed
// while disconnected, so after a reconnect the page re-reads its state through onReconnected.
export async function connectLive(handlers, onReconnected) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live")
    .withAutomaticReconnect()
    .build();
  for (const [event, handler] of Object.entries(handlers)) connection.on(event, handler);
  if (onReconnected) connection.onreconnected(onReconnected);
  await connection.start();
  return connection;
}
