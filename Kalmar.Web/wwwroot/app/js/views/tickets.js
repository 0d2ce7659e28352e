import { api } from "../api.js";
import { html } from "../html.js";
import { kronor } from "/js/kronor.js";
import { businessTravelEnabled } from "../state.js";

// Mina biljetter: the traveller's active tickets on carrier App (business trips and staff-offer
// tickets alike) as mobile tickets, each with its QR code signed by the server for inspection.
// A new ticket (ticketIssued), one an admin blocks or recalls (ticketChanged) and one that runs out
// update the list in place: a blocked ticket shows as Spärrad, without a code; a recalled one is gone.
// The last list seen, with its codes, is kept on the phone, so that the tickets can be shown without a connection.
const day = 24 * 3600 * 1000;
const savedKey = "klt.app.saved-tickets";
const dateTime = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Stockholm" });

export async function showTickets(view) {
  const tickets = await activeTickets();
  if (!view.render("Biljetter", html`
    <h1>Mina biljetter</h1>
    ${businessTravelEnabled() ? html`
      <p class="credit-line">Kvar att använda i <span data-credit="month"></span>: <strong data-credit="remainingOre"></strong></p>` : ""}
    <div id="biljettlista">${list(tickets)}</div>`)) return;

  const holder = view.main.querySelector("#biljettlista");
  let expiry;
  async function show(shown) {
    holder.innerHTML = String(list(shown));
    clearTimeout(expiry);
    const next = Math.min(...shown.map(ticket => Date.parse(ticket.validTo)));
    // Checked again a second after the first ticket runs out (and at least daily: timers cannot wait months).
    if (Number.isFinite(next)) expiry = setTimeout(async () => show(await activeTickets()), Math.min(Math.max(next - Date.now(), 0) + 1000, day));
    const codes = await Promise.all(shown.map(showCode));
    localStorage.setItem(savedKey, JSON.stringify({ savedAt: Date.now(), tickets: shown, codes }));
  }
  view.signal.addEventListener("abort", () => clearTimeout(expiry));
  view.ticketsChanged = async () => show(await activeTickets());
  await show(tickets);
}

async function activeTickets() {
  return (await api("/api/me/tickets")).filter(ticket => ticket.carrier.type === "app" && Date.parse(ticket.validTo) > Date.now());
}

const list = tickets => tickets.length === 0
  ? html`<p class="empty">Du har inga aktiva mobilbiljetter.${businessTravelEnabled()
    ? html` Köp en tjänsteresa under <a href="#/kop">Sök &amp; köp</a>.` : ""}</p>`
  : html`<ul class="mobile-tickets">${tickets.map(ticketCard)}</ul>`;

const ticketCard = ticket => html`
  <li>
    <article class="mobile-ticket" aria-labelledby="biljett-${ticket.id}">
      <p class="ticket-source">${ticket.source === "business-trip" ? "Tjänsteresa" : "Personalerbjudande"}</p>
      <h2 id="biljett-${ticket.id}">${ticket.product}, ${ticket.category}</h2>
      <dl class="facts">
        <dt>${ticket.zones.length === 1 ? "Zon" : "Zoner"}</dt><dd>${ticket.zones.join(", ")}</dd>
        <dt>Giltig t.o.m.</dt><dd>${dateTime.format(new Date(ticket.validTo))}</dd>
        <dt>Pris</dt><dd>${kronor(ticket.priceOre)}</dd>
        ${ticket.purpose ? html`<dt>Syfte</dt><dd>${ticket.purpose}</dd>` : ""}
      </dl>
      ${ticket.status === "blocked" ? html`
      <p class="ticket-blocked" role="status"><strong>Spärrad</strong> – biljetten kan inte användas. Kontakta din administratör om den spärrats av misstag.</p>` : html`
      <figure class="ticket-code">
        <img data-ticket-code="${ticket.id}" alt="QR-kod för ${ticket.product}, ${ticket.category}" width="220" height="220">
        <figcaption>Visa koden för kontrollanten.</figcaption>
      </figure>`}
    </article>
  </li>`;

/** Fetches and shows a ticket's code; answers the SVG, or null if it could not be had (a blocked ticket has none). */
async function showCode(ticket) {
  if (ticket.status === "blocked") return null;
  try {
    const { svg } = await api(`/api/me/tickets/${ticket.id}/qr`);
    paintCode(ticket, svg);
    return svg;
  } catch {
    document.querySelector(`img[data-ticket-code="${ticket.id}"]`)?.closest("figure")?.replaceChildren(Object.assign(document.createElement("p"), {
      className: "field-error", textContent: "QR-koden kunde inte hämtas. Öppna Biljetter igen om en stund.",
    }));
    return null;
  }
}

function paintCode(ticket, svg) {
  const image = document.querySelector(`img[data-ticket-code="${ticket.id}"]`);
  if (image && svg) image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function savedTickets() {
  const saved = JSON.parse(localStorage.getItem(savedKey) ?? "null");
  if (!saved) return null;
  const valid = saved.tickets.map((ticket, i) => ({ ticket, svg: saved.codes[i] })).filter(({ ticket }) => Date.parse(ticket.validTo) > Date.now());
  return valid.length > 0 ? { savedAt: saved.savedAt, valid } : null;
}

/** Without a connection: the tickets last seen that are still valid, with their codes, if there are any. */
export function showSavedTickets(view) {
  const saved = savedTickets();
  if (!saved || !view.render("Biljetter", html`
    <h1>Mina biljetter</h1>
    <p class="warning" role="status">Du är utan anslutning. Biljetterna visas som de såg ut ${dateTime.format(new Date(saved.savedAt))}.</p>
    <ul class="mobile-tickets">${saved.valid.map(({ ticket }) => ticketCard(ticket))}</ul>`)) return false;
  saved.valid.forEach(({ ticket, svg }) => paintCode(ticket, svg));
  return true;
}

export const forgetSavedTickets = () => localStorage.removeItem(savedKey);
