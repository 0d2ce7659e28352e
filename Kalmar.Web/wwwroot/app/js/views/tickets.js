import { api, ApiError } from "../api.js";
import { html } from "../html.js";
import { kronor } from "/js/kronor.js";
import { businessTravelEnabled } from "../state.js";

// Mina biljetter: the traveller's tickets on carrier App (business trips and staff-offer tickets
// alike) as mobile tickets, each with its QR code signed by the server for inspection, grouped as the
// server counts them: Aktiva, Kommande, Spärrade, a few of each and "Visa alla (N)" for the rest, a page
// at a time. A new ticket (ticketIssued), one an admin blocks or recalls (ticketChanged), one that runs out and one
// that starts update the groups in place: a blocked ticket shows as Spärrad, without a code; a recalled one is gone.
// The last tickets seen, with their codes, are kept on the phone, so that they can be shown without a connection: a
// code is signed with a key that stays published until the ticket has expired, so a kept code still passes inspection.
const day = 24 * 3600 * 1000;
const savedKey = "klt.app.saved-tickets";
const dateTime = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Stockholm" });
const groupNames = { active: "Aktiva", upcoming: "Kommande", blocked: "Spärrade" };
const pageSize = 20;

export async function showTickets(view) {
  const groups = await ticketGroups();
  if (!view.render("Biljetter", html`
    <h1>Mina biljetter</h1>
    ${businessTravelEnabled() ? html`
      <p class="credit-line">Kvar att använda i <span data-credit="month"></span>: <strong data-credit="remainingOre"></strong></p>` : ""}
    <div id="biljettlista">${list(groups)}</div>`)) return;

  const holder = view.main.querySelector("#biljettlista");
  let expiry;
  let shown = [];
  let codes = [];
  /** Paints the codes of cards drawn again, fetches those of new ones, and keeps all for use without a connection. */
  async function remember(tickets) {
    const added = tickets.filter(ticket => !shown.some(seen => seen.id === ticket.id));
    shown.forEach((ticket, i) => paintCode(ticket, codes[i]));
    const kept = keptCodes();
    codes = [...codes, ...await Promise.all(added.map(ticket => ticket.status === "active" ? showCode(ticket, kept.get(ticket.id)) : null))];
    shown = [...shown, ...added];
    localStorage.setItem(savedKey, JSON.stringify({ savedAt: Date.now(), tickets: shown, codes }));
  }
  async function show(current) {
    holder.innerHTML = String(list(current));
    clearTimeout(expiry);
    const tickets = current.flatMap(group => group.items);
    const now = Date.now();
    // Checked again a second after the first ticket runs out or starts (and at least daily: timers cannot wait months).
    const next = Math.min(...tickets.flatMap(ticket => [Date.parse(ticket.validTo), Date.parse(ticket.validFrom)]).filter(time => time > now));
    if (Number.isFinite(next)) expiry = setTimeout(async () => show(await ticketGroups()), Math.min(next - now + 1000, day));
    [shown, codes] = [[], []];
    await remember(tickets);
  }
  // "Visa alla": the group's first page replaces its first few, each later click adds a page.
  holder.addEventListener("click", async event => {
    const button = event.target.closest("button[data-more]");
    if (!button) return;
    button.disabled = true;
    const page = Number(button.dataset.page);
    const { items, total } = await api(`/api/me/tickets?group=${button.dataset.more}&carrier=app&page=${page}&pageSize=${pageSize}`);
    const cards = button.closest("section").querySelector("ul.mobile-tickets");
    if (page === 1) cards.replaceChildren();
    cards.insertAdjacentHTML("beforeend", String(html`${items.map(ticketCard)}`));
    const loaded = (page - 1) * pageSize + items.length;
    if (loaded >= total || items.length === 0) button.remove();
    else Object.assign(button, { disabled: false, textContent: `Visa fler (${total - loaded} till)` }).dataset.page = page + 1;
    await remember(items);
  }, { signal: view.signal });
  view.signal.addEventListener("abort", () => clearTimeout(expiry));
  view.ticketsChanged = async () => show(await ticketGroups());
  await show(groups);
}

/** Aktiva, Kommande and Spärrade on the app, each with its count and first few tickets. */
const ticketGroups = () => api("/api/me/tickets/groups?carrier=app");

const list = groups => groups.every(group => group.total === 0)
  ? html`<p class="empty">Du har inga aktiva mobilbiljetter.${businessTravelEnabled()
    ? html` Köp en tjänsteresa under <a href="#/kop">Sök &amp; köp</a>.` : ""}</p>`
  : html`${groups.filter(group => group.total > 0).map(group => html`
    <section class="ticket-group" data-ticket-group="${group.group}" aria-labelledby="grupp-${group.group}">
      <h2 id="grupp-${group.group}">${groupNames[group.group]} <span class="count">(${group.total})</span></h2>
      <ul class="mobile-tickets">${group.items.map(ticketCard)}</ul>
      ${group.total > group.items.length
        ? html`<button type="button" class="button" data-more="${group.group}" data-page="1">Visa alla (${group.total})</button>` : ""}
    </section>`)}`;

const ticketCard = ticket => html`
  <li>
    <article class="mobile-ticket" aria-labelledby="biljett-${ticket.id}">
      <p class="ticket-source">${ticket.source === "business-trip" ? "Tjänsteresa" : "Personalerbjudande"}</p>
      <h2 id="biljett-${ticket.id}">${ticket.product}, ${ticket.category}</h2>
      <dl class="facts">
        <dt>${ticket.zones.length === 1 ? "Zon" : "Zoner"}</dt><dd>${ticket.zones.join(", ")}</dd>
        ${Date.parse(ticket.validFrom) > Date.parse(ticket.registeredAt)
          ? html`<dt>Giltig från</dt><dd>${dateTime.format(new Date(ticket.validFrom))}</dd>` : ""}
        <dt>Giltig t.o.m.</dt><dd>${dateTime.format(new Date(ticket.validTo))}</dd>
        <dt>Pris</dt><dd>${kronor(ticket.priceOre)}</dd>
        ${ticket.purpose ? html`<dt>Syfte</dt><dd>${ticket.purpose}</dd>` : ""}
      </dl>
      ${ticket.status === "blocked" ? html`
      <p class="ticket-blocked" role="status"><strong>Spärrad</strong> – biljetten kan inte användas. Kontakta din administratör om den spärrats av misstag.</p>` : html`
      <figure class="ticket-code">
        <img data-ticket-code="${ticket.id}" alt="QR-kod för ${ticket.product}, ${ticket.category}" width="220" height="220">
        <figcaption>Visa koden för kontrollanten.</figcaption>
        <details class="ticket-code-text">
          <summary>Visa koden som text</summary>
          <output data-ticket-payload="${ticket.id}"></output>
        </details>
      </figure>`}
    </article>
  </li>`;

/**
 * Fetches and shows a ticket's code; answers `{svg, payload}`, or null if it could not be had (a blocked ticket has
 * none). Without an answer from the server the code kept from before is shown (one the server refused is not).
 */
async function showCode(ticket, kept) {
  if (ticket.status === "blocked") return null;
  try {
    const { svg, payload } = await api(`/api/me/tickets/${ticket.id}/qr`);
    paintCode(ticket, { svg, payload });
    return { svg, payload };
  } catch (error) {
    if (kept && error instanceof ApiError && error.outcomeUnknown) {
      paintCode(ticket, kept);
      return kept;
    }
    document.querySelector(`img[data-ticket-code="${ticket.id}"]`)?.closest("figure")?.replaceChildren(Object.assign(document.createElement("p"), {
      className: "field-error", textContent: "QR-koden kunde inte hämtas. Öppna Biljetter igen om en stund.",
    }));
    return null;
  }
}

function paintCode(ticket, code) {
  const image = document.querySelector(`img[data-ticket-code="${ticket.id}"]`);
  if (image && code?.svg) image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.svg)}`;
  const text = document.querySelector(`output[data-ticket-payload="${ticket.id}"]`);
  if (text) text.textContent = code?.payload ?? "";
}

/** The kept tickets with their codes; a list kept by an older app has the SVG alone. */
function savedTickets() {
  const saved = JSON.parse(localStorage.getItem(savedKey) ?? "null");
  if (!saved) return null;
  const valid = saved.tickets.map((ticket, i) => ({ ticket, code: typeof saved.codes[i] === "string" ? { svg: saved.codes[i] } : saved.codes[i] }))
    .filter(({ ticket }) => Date.parse(ticket.validTo) > Date.now());
  return valid.length > 0 ? { savedAt: saved.savedAt, valid } : null;
}

/** The kept codes by ticket id. */
function keptCodes() {
  return new Map((savedTickets()?.valid ?? []).filter(({ code }) => code).map(({ ticket, code }) => [ticket.id, code]));
}

/** Without a connection: the tickets last seen that are still valid, with their codes, if there are any. */
export function showSavedTickets(view) {
  const saved = savedTickets();
  if (!saved || !view.render("Biljetter", html`
    <h1>Mina biljetter</h1>
    <p class="warning" role="status">Du är utan anslutning. Biljetterna visas som de såg ut ${dateTime.format(new Date(saved.savedAt))}.</p>
    <ul class="mobile-tickets">${saved.valid.map(({ ticket }) => ticketCard(ticket))}</ul>`)) return false;
  saved.valid.forEach(({ ticket, code }) => paintCode(ticket, code));
  return true;
}

export const forgetSavedTickets = () => localStorage.removeItem(savedKey);
