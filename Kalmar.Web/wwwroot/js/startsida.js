import { connectLive } from "./live.js";
import { kronor } from "./kronor.js";
import { monthName } from "./months.js";

// "Dina aktiva biljetter" shows a newly issued ticket at once, rendered by the server, and a blocked
// (Spärrad) or recalled one as soon as the admin has done it (ticketChanged); the
// Tjänsteresa card follows the credit on every purchase, limit change and new month; it comes or
// goes (a reload) when business travel is granted or revoked.
const tickets = document.getElementById("tickets");
const remaining = document.getElementById("credit-remaining");
const limit = document.getElementById("credit-limit");
const month = document.getElementById("credit-month");

async function refreshTickets() {
  const response = await fetch("/?handler=Tickets");
  if (response.ok) tickets.innerHTML = await response.text();
}

function showCredit(credit) {
  if (Boolean(remaining) !== credit.enabled) return location.reload();
  if (!remaining) return;
  remaining.textContent = kronor(credit.remainingOre);
  limit.textContent = kronor(credit.limitOre);
  month.textContent = monthName(credit.month);
}

await connectLive({ ticketIssued: refreshTickets, ticketChanged: refreshTickets, creditChanged: showCredit }, { onReconnected: () => location.reload() });
