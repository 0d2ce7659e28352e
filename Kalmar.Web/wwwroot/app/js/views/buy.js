import { api, ApiError } from "../api.js";
import { html } from "../html.js";
import { clearErrors, showError, whileSending } from "../forms.js";
import { state } from "../state.js";
import { kronor } from "/js/kronor.js";
import { suggestStops } from "/js/suggest-stops.js";

// Sök & köp: a business trip between two stops (the departure gives the zones) or in chosen zones;
// ticket type and category with the price incl. VAT; the purpose, with the credit that remains
// shown beside it; paid with Faktura via AllPay. The server decides; this screen only helps.
const clock = new Intl.DateTimeFormat("sv-SE", { timeStyle: "short", timeZone: "Europe/Stockholm" });
const stockholmDate = instant =>
  new Intl.DateTimeFormat("sv-SE", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "Europe/Stockholm" }).format(instant);

export async function showBuy(view) {
  if (!state.me.businessTravel.enabled) {
    view.render("Sök & köp", html`
      <h1 tabindex="-1">Sök &amp; köp</h1>
      <p class="notice-box">Tjänsteresor är inte aktiverade för dig. Din företags- eller avdelningsadministratör lägger till
        tjänsteresa och kreditgräns i Företagsportalen.</p>`);
    return;
  }

  const [methods, zones] = await Promise.all([api("/api/app/payment-methods"), api("/api/zones")]);
  if (!methods.some(method => method.type === "allpay")) {
    view.render("Sök & köp", html`
      <h1 tabindex="-1">Sök &amp; köp</h1>
      <p class="notice-box">Lägg till Faktura via AllPay som betalmedel innan du köper en tjänsteresa.</p>
      <p><a class="button primary wide" href="#/mer/betalmedel/andra">Lägg till Faktura via AllPay</a></p>`);
    return;
  }

  if (view.render("Sök & köp", page(zones))) wire(view);
}

const page = zones => html`
  <h1 tabindex="-1">Sök &amp; köp</h1>
  <form id="resa" class="card" novalidate>
    <fieldset class="options">
      <legend>Var ska du resa?</legend>
      <label><input type="radio" name="mode" value="stops" checked> Mellan två hållplatser</label>
      <label><input type="radio" name="mode" value="zones"> I zoner jag väljer</label>
    </fieldset>
    <div data-mode="stops">
      <div class="field">
        <label for="from">Från</label>
        <input id="from" name="from" list="from-list" autocomplete="off">
        <datalist id="from-list"></datalist>
      </div>
      <div class="field">
        <label for="to">Till</label>
        <input id="to" name="to" list="to-list" autocomplete="off">
        <datalist id="to-list"></datalist>
      </div>
      <button type="submit" class="button">Sök resa</button>
    </div>
    <div data-mode="zones" hidden>
      <div class="field">
        <label for="zones">Zoner</label>
        <select id="zones" name="zones" multiple size="6" aria-describedby="zones-hint">
          ${zones.map(zone => html`<option value="${zone.id}">${zone.id}: ${zone.stops.slice(0, 3).join(", ")}</option>`)}
        </select>
        <p id="zones-hint" class="hint">Välj zonerna som resan går i.</p>
      </div>
      <button type="submit" class="button">Visa biljetter</button>
    </div>
  </form>
  <div id="avgangar"></div>
  <form id="kop" class="card" novalidate hidden>
    <h2>Biljett</h2>
    <p id="giltighet"></p>
    <div class="field">
      <label for="productId">Biljettyp</label>
      <select id="productId" name="productId"></select>
    </div>
    <div class="field">
      <label for="categoryId">Resenärskategori</label>
      <select id="categoryId" name="categoryId"></select>
    </div>
    <p id="pris" class="price" aria-live="polite"></p>
    <div class="field">
      <label for="purpose">Syfte med tjänsteresan</label>
      <input id="purpose" name="purpose" maxlength="200" required aria-describedby="kvar">
      <p id="kvar" class="hint">Kvar att använda i <span data-credit="month"></span>: <strong data-credit="remainingOre"></strong></p>
    </div>
    <fieldset class="options">
      <legend>Betalmedel</legend>
      <label><input type="radio" name="paymentMethod" value="allpay" checked> Faktura via AllPay</label>
    </fieldset>
    <p id="over-kredit" class="warning" hidden>Priset är högre än det som finns kvar av krediten denna månad.</p>
    <button type="submit" class="button primary wide">Betala med AllPay</button>
  </form>`;

function wire(view) {
  const trip = view.main.querySelector("#resa");
  const departures = view.main.querySelector("#avgangar");
  const purchase = view.main.querySelector("#kop");
  const ticket = new TicketChoice(purchase);
  const getStops = (query, signal) => api(`/api/stops?q=${encodeURIComponent(query)}`, { signal });
  suggestStops(trip.elements.from, getStops);
  suggestStops(trip.elements.to, getStops);

  trip.addEventListener("change", event => {
    if (event.target.name !== "mode") return;
    for (const part of trip.querySelectorAll("[data-mode]")) part.hidden = part.dataset.mode !== event.target.value;
    departures.replaceChildren();
    purchase.hidden = true;
  });

  trip.addEventListener("submit", event => {
    event.preventDefault();
    whileSending(trip, async () => {
      clearErrors(trip);
      try {
        if (trip.elements.mode.value === "zones") {
          departures.replaceChildren();
          await ticket.showFor([...trip.elements.zones.selectedOptions].map(option => option.value));
        } else {
          await searchJourneys(trip, departures, ticket);
        }
      } catch (error) {
        showError(trip, error);
      }
    });
  });

  departures.addEventListener("change", event => ticket.showFor(event.target.value.split(",")).catch(error => showError(purchase, error)));
  purchase.addEventListener("submit", event => {
    event.preventDefault();
    whileSending(purchase, () => ticket.buy(view));
  });
}

/** Today's next departures; late in the evening, when none is left, tomorrow's first ones (the zones are what counts). */
async function searchJourneys(trip, departures, ticket) {
  const [from, to] = await Promise.all([stopNamed(trip.elements.from.value, "from"), stopNamed(trip.elements.to.value, "to")]);
  const between = `from=${encodeURIComponent(from.id)}&to=${encodeURIComponent(to.id)}`;
  let journeys = await api(`/api/journeys?${between}`);
  let when = "";
  if (journeys.length === 0) {
    journeys = await api(`/api/journeys?${between}&date=${stockholmDate(Date.now() + 24 * 3600 * 1000)}&time=00:00`);
    when = " i morgon";
  }
  if (journeys.length === 0) {
    departures.innerHTML = String(html`<p class="empty" role="status">Inga avgångar från ${from.name} till ${to.name}. Välj zoner i stället.</p>`);
    ticket.hide();
    return;
  }

  departures.innerHTML = String(html`
    <fieldset class="card departures">
      <legend>Avgångar${when} från ${from.name} till ${to.name}</legend>
      ${journeys.map((journey, i) => html`
        <label class="departure">
          <input type="radio" name="journey" value="${journey.zones.join(",")}" ${i === 0 ? html`checked` : ""}>
          <span>${clock.format(new Date(journey.departure))}–${clock.format(new Date(journey.arrival))}, ${journey.line}</span>
          <span class="muted">Zon ${journey.zones.join(", ")}</span>
        </label>`)}
      <p class="hint">Biljetten gäller i avgångens zoner, oavsett tid.</p>
    </fieldset>`);
  await ticket.showFor(journeys[0].zones);
}

/** The stop whose name was typed (or picked from the suggestions), else a field error. */
async function stopNamed(typed, field) {
  const name = typed.trim();
  const stops = name.length > 0 ? await api(`/api/stops?q=${encodeURIComponent(name)}`) : [];
  const stop = stops.find(candidate => candidate.name.localeCompare(name, "sv", { sensitivity: "base" }) === 0) ?? stops[0];
  if (stop) return stop;
  const message = name.length > 0 ? `Hittar ingen hållplats som heter ${name}.` : "Ange en hållplats.";
  throw new ApiError(400, { detail: message, errors: { [field]: [message] } });
}

/** The purchase form: products and prices for the chosen zones, and the purchase itself. */
class TicketChoice {
  #form;
  #zones = [];
  #quotes = [];
  #key = null; // kept while an answer is unknown (no connection, server error), so a retry is charged once

  constructor(form) {
    this.#form = form;
    form.addEventListener("change", () => this.#showPrice());
    form.addEventListener("input", () => { this.#key = null; });
    document.addEventListener("credit-painted", this.#showPrice);
  }

  hide() { this.#form.hidden = true; }

  async showFor(zones) {
    this.#key = null;
    this.#zones = zones;
    this.#quotes = await api(`/api/products?zones=${encodeURIComponent(zones.join(","))}`);
    fill(this.#form.elements.productId, this.#quotes.map(quote => [quote.productId, quote.productName]));
    fill(this.#form.elements.categoryId, this.#quotes.map(quote => [quote.categoryId, quote.categoryName]));
    const wholeCounty = this.#quotes.some(quote => quote.wholeCounty);
    this.#form.querySelector("#giltighet").textContent = wholeCounty
      ? "Giltig i hela länet."
      : `Giltig i ${zones.length === 1 ? "zon" : "zonerna"} ${zones.join(", ")}.`;
    this.#form.hidden = false;
    this.#showPrice();
  }

  #selected() {
    const { productId, categoryId } = this.#form.elements;
    return this.#quotes.find(quote => quote.productId === productId.value && quote.categoryId === categoryId.value);
  }

  #showPrice = () => {
    if (!this.#form.isConnected) {
      document.removeEventListener("credit-painted", this.#showPrice);
      return;
    }
    const quote = this.#selected();
    this.#form.querySelector("#pris").textContent = quote
      ? `Pris ${kronor(quote.priceExclVatOre)} + moms ${kronor(quote.vatOre)} = ${kronor(quote.totalOre)}`
      : "";
    this.#form.querySelector("#over-kredit").hidden = !quote || !state.credit || quote.totalOre <= state.credit.remainingOre;
  };

  async buy(view) {
    const { productId, categoryId, purpose } = this.#form.elements;
    this.#key ??= newKey();
    try {
      const { ticket, credit } = await api("/api/app/purchases", {
        method: "POST",
        body: {
          productId: productId.value, categoryId: categoryId.value, zones: this.#zones, purpose: purpose.value,
          paymentMethod: "allpay", idempotencyKey: this.#key,
        },
      });
      state.credit = credit;
      view.navigate("#/biljetter",
        `Klart! ${ticket.product}, ${ticket.category} är köpt med Faktura via AllPay. Kvar att använda denna månad: ${kronor(credit.remainingOre)}.`);
    } catch (error) {
      if (error.status !== 0 && !(error.status >= 500)) this.#key = null;
      showError(this.#form, error);
    }
  }
}

/** Fills a select with distinct [value, text] options, keeping the choice made if it is still there. */
function fill(select, options) {
  const chosen = select.value;
  const distinct = new Map(options);
  select.replaceChildren(...[...distinct].map(([value, text]) => new Option(text, value)));
  if (distinct.has(chosen)) select.value = chosen;
}

function newKey() {
  return crypto.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, "0")).join("");
}
