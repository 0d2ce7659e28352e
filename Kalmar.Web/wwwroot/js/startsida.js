import { connectLive } from "./live.js";

// "Dina aktiva biljetter" shows a newly issued ticket at once, rendered by the server, and the
// Tjänsteresa card follows the credit on every purchase or limit change.
const tickets = document.getElementById("tickets");
const remaining = document.getElementById("credit-remaining");
const limit = document.getElementById("credit-limit");
const kronor = new Intl.NumberFormat("sv-SE", { style: "currency", currency: "SEK" });

async function refreshTickets() {
  const response = await fetch("/?handler=Tickets");
  if (response.ok) tickets.innerHTML = await response.text();
}

function showCredit(credit) {
  if (!remaining) return;
  remaining.textContent = kronor.format(credit.remainingOre / 100).replace("SEK", "kr");
  limit.textContent = kronor.format(credit.limitOre / 100).replace("SEK", "kr");
}

await connectLive({ ticketIssued: refreshTickets, creditChanged: showCredit }, () => location.reload());
