import { connectLive } from "./live.js";

// Keeps every order status on the page current ([data-order-status="<order id>"]): the live hub
// pushes orderStatusChanged, and after (re)connecting, when pushes may have been missed, orders
// still pending are read again from the API. Texts match TicketText on the server.
const labels = { pending: "Väntar på godkännande", approved: "Godkänd", rejected: "Avslagen", withdrawn: "Tillbakadragen" };
const dateTime = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Stockholm" });

function show({ orderId, status, reason, decidedBy, decidedAt, notices = [] }) {
  for (const element of document.querySelectorAll(`[data-order-status="${orderId}"]`)) {
    if (element.dataset.status === status) continue;
    element.dataset.status = status;
    element.querySelector("[data-status-text]").textContent = labels[status] ?? status;
    element.querySelector("[data-status-detail]").textContent = decidedAt
      ? `av ${decidedBy}, ${dateTime.format(new Date(decidedAt))}${reason ? `. Skäl: ${reason}` : ""}${notices.map(notice => `. ${notice}`).join("")}`
      : "";
  }
}

async function refreshPending() {
  const pending = document.querySelectorAll('[data-order-status][data-status="pending"]');
  await Promise.all([...pending].map(async element => {
    const response = await fetch(`/api/orders/${element.dataset.orderStatus}`, { headers: { Accept: "application/json" } });
    if (response.ok) {
      const order = await response.json();
      show({ ...order, orderId: order.id });
    }
  }));
}

await connectLive({ orderStatusChanged: show }, { onReconnected: refreshPending });
// Connecting took a moment, in which a decision may have gone by unseen.
await refreshPending();
