import { connectLive } from "./live.js";

// Keeps the approval queue live: rows leave when any admin decides, new orders are fetched as
// server-rendered rows (with their own forms), and each row's age is kept current.
const queue = document.getElementById("queue");
const empty = document.getElementById("queue-empty");
function showAges() {
  for (const element of queue.querySelectorAll("[data-age]")) {
    const minutes = Math.max(0, Math.round((Date.now() - new Date(element.dataset.age)) / 60000));
    element.textContent = minutes < 60
      ? `har väntat ${minutes} min`
      : `har väntat ${Math.floor(minutes / 60)} tim ${minutes % 60} min`;
  }
  empty.hidden = queue.children.length > 0;
}

async function addRow(orderId) {
  if (queue.querySelector(`[data-order-id="${orderId}"]`)) return;
  const response = await fetch(`/admin/attestering?handler=Row&id=${orderId}`);
  if (!response.ok) return; // outside this admin's scope
  queue.insertAdjacentHTML("beforeend", await response.text());
  showAges();
}

function removeRow(orderId) {
  queue.querySelector(`[data-order-id="${orderId}"]`)?.remove();
  showAges();
}

showAges();
setInterval(showAges, 30000);
await connectLive({
  approvalQueueChanged: async change => {
    change.removed.forEach(removeRow);
    for (const order of change.added) await addRow(order.id);
  },
}, { onReconnected: () => location.reload() });
