import { connectLive } from "./live.js";

// "Dina aktiva biljetter" shows a newly issued ticket at once, rendered by the server.
const tickets = document.getElementById("tickets");

async function refreshTickets() {
  const response = await fetch("/?handler=Tickets");
  if (response.ok) tickets.innerHTML = await response.text();
}

await connectLive({ ticketIssued: refreshTickets }, refreshTickets);
