import { api } from "../api.js";
import { html } from "../html.js";
import { kronor } from "/js/kronor.js";
import { state } from "../state.js";

// Mina biljetter: the traveller's active tickets on carrier App (business trips and staff-offer
// tickets alike) as mobile tickets, each with its QR code signed by the server for inspection.
const dateTime = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Stockholm" });

export async function showTickets(view) {
  const tickets = (await api("/api/me/tickets")).filter(ticket => ticket.carrier.type === "app");
  const rendered = view.render("Biljetter", html`
    <h1 tabindex="-1">Mina biljetter</h1>
    ${state.me.businessTravel.enabled ? html`
      <p class="credit-line">Kvar att använda i <span data-credit="month"></span>: <strong data-credit="remainingOre"></strong></p>` : ""}
    ${tickets.length === 0
      ? html`<p class="empty">Du har inga aktiva mobilbiljetter. Köp en tjänsteresa under <a href="#/kop">Sök &amp; köp</a>.</p>`
      : html`<ul class="mobile-tickets">${tickets.map(ticketCard)}</ul>`}`);
  if (rendered) await Promise.all(tickets.map(showCode));
}

const ticketCard = ticket => html`
  <li>
    <article class="mobile-ticket" aria-labelledby="biljett-${ticket.id}">
      <p class="ticket-source">${ticket.source === "business-trip" ? "Tjänsteresa" : "Personalerbjudande"}</p>
      <h2 id="biljett-${ticket.id}">${ticket.product}, ${ticket.category}</h2>
      <dl class="facts">
        <dt>Zoner</dt><dd>${ticket.zones.join(", ")}</dd>
        <dt>Giltig t.o.m.</dt><dd>${dateTime.format(new Date(ticket.validTo))}</dd>
        <dt>Pris</dt><dd>${kronor(ticket.priceOre)}</dd>
        ${ticket.purpose ? html`<dt>Syfte</dt><dd>${ticket.purpose}</dd>` : ""}
      </dl>
      <figure class="ticket-code">
        <img data-ticket-code="${ticket.id}" alt="QR-kod för ${ticket.product}, ${ticket.category}" width="220" height="220">
        <figcaption>Visa koden för kontrollanten.</figcaption>
      </figure>
    </article>
  </li>`;

async function showCode(ticket) {
  const image = document.querySelector(`img[data-ticket-code="${ticket.id}"]`);
  const code = await api(`/api/me/tickets/${ticket.id}/qr`);
  if (image) image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.svg)}`;
}
