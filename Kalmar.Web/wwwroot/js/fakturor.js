import { connectLive } from "./live.js";
import { kronor } from "./kronor.js";

// Keeps the open month's totals live: each invoiceChanged adds what new lines cost to its department's row, the sum
// and the month in the list, and says so in a polite live region. After a reconnect the page is read again.
const table = document.getElementById("departments");
const announcer = document.getElementById("invoice-live");
const month = table.dataset.month;

function add(row, change) {
  for (const [amount, ore] of [["excl", change.addedExclVatOre], ["vat", change.addedVatOre], ["total", change.addedTotalOre]]) {
    const cell = row.querySelector(`[data-amount="${amount}"]`);
    cell.dataset.ore = String(Number(cell.dataset.ore) + ore);
    cell.textContent = kronor(Number(cell.dataset.ore));
  }
}

await connectLive({
  invoiceChanged: change => {
    if (change.month !== month) return;
    const row = table.querySelector(`[data-department-id="${change.departmentId}"]`);
    if (!row) return; // outside the departments shown
    add(row, change);
    add(table.querySelector("[data-total-row]"), change);
    const listed = document.querySelector(`.invoice-months [data-month="${month}"] [data-total-ore]`);
    if (listed) {
      listed.dataset.totalOre = String(Number(listed.dataset.totalOre) + change.addedTotalOre);
      listed.textContent = kronor(Number(listed.dataset.totalOre));
    }
    const total = row.querySelector('[data-amount="total"]').dataset.ore;
    const added = change.addedTotalOre < 0 ? `${kronor(-change.addedTotalOre)} har krediterats` : `${kronor(change.addedTotalOre)} har tillkommit`;
    announcer.textContent = `${row.dataset.name}: ${added}, totalt ${kronor(Number(total))}.`;
  },
}, { onReconnected: () => location.reload() });
