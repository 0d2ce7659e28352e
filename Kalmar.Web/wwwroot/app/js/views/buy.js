import { api, ApiError } from "../api.js";
import { html } from "../html.js";
import { clearErrors, showError, whileSending } from "../forms.js";
import { state, businessTravelEnabled } from "../state.js";
import { notGranted } from "./notices.js";
import { kronor } from "/js/kronor.js";
import { suggestStops } from "/js/suggest-stops.js";

// Sök & köp: a business trip between two stops (the departure gives the zones) or in chosen zones;
// ticket type and category with the price incl. VAT; the purpose, with the credit that remains
// shown beside it; paid with Faktura via AllPay. The server decides; this screen only helps.
const clock = new Intl.DateTimeFormat("sv-SE", { timeStyle: "short", timeZone: "Europe/Stockholm" });
const stockholmDate = instant =>
  new Intl.DateTimeFormat("sv-SE", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "Europe/Stockholm" }).format(instant);
const searchLabels = { stops: "Sök resa", zones: "Visa biljetter" };

export async function showBuy(view) {
  if (!businessTravelEnabled()) {
    view.render("Sök & köp", html`<h1>Sök &amp; köp</h1>${notGranted()}`);
    return;
  }

  const [methods, zones] = await Promise.all([api("/api/app/payment-methods"), api("/api/zones")]);
  if (!methods.some(method => method.type === "allpay")) {
    view.render("Sök & köp", html`
      <h1>Sök &amp; köp</h1>
      <p class="notice-box">Lägg till Faktura via AllPay som betalmedel innan du köper en tjänsteresa.</p>
      <p><a class="button primary wide" href="#/mer/betalmedel/andra">Lägg till Faktura via AllPay</a></p>`);
    return;
  }

  if (view.render("Sök & köp", page(zones))) wire(view);
}

const page = zones => html`
  <h1>Sök &amp; köp</h1>
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
    </div>
    <fieldset data-mode="zones" class="zone-list" hidden>
      <legend>Zoner som resan går i</legend>
      ${zones.map(zone => html`
        <label><input type="checkbox" name="zone" value="${zone.id}"> <span><strong>${zone.id}</strong> ${zone.stops.slice(0, 3).join(", ")}</span></label>`)}
    </fieldset>
    <button type="submit" class="button">${searchLabels.stops}</button>
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
  const ticket = new TicketChoice(view.main.querySelector("#kop"), view);
  const getStops = (query, signal) => api(`/api/stops?q=${encodeURIComponent(query)}`, { signal });
  suggestStops(trip.elements.from, getStops);
  suggestStops(trip.elements.to, getStops);

  trip.addEventListener("change", event => {
    if (event.target.name !== "mode") return;
    for (const part of trip.querySelectorAll("[data-mode]")) part.hidden = part.dataset.mode !== event.target.value;
    trip.querySelector("button[type=submit]").textContent = searchLabels[event.target.value];
    departures.replaceChildren();
    ticket.hide();
  });

  trip.addEventListener("submit", event => {
    event.preventDefault();
    whileSending(trip, async () => {
      clearErrors(trip);
      departures.replaceChildren();
      ticket.hide();
      try {
        if (trip.elements.mode.value === "zones") await ticket.showFor(chosenZones(trip), "");
        else await searchJourneys(trip, departures, ticket);
      } catch (error) {
        if (error.name !== "AbortError") showError(trip, error);
      }
    }, "Söker …");
  });

  departures.addEventListener("change", event => {
    const { zones, when } = event.target.dataset;
    ticket.showFor(zones.split(","), when).catch(error => error.name !== "AbortError" && showError(trip, error));
  });
}

function chosenZones(trip) {
  const zones = [...trip.querySelectorAll("input[name=zone]:checked")].map(box => box.value);
  if (zones.length === 0) throw new ApiError(400, { detail: "Välj minst en zon." });
  return zones;
}

/** Today's next departures; late in the evening, when none is left, tomorrow's first ones. */
async function searchJourneys(trip, departures, ticket) {
  const [from, to] = await Promise.all([stopNamed(trip.elements.from.value, "from"), stopNamed(trip.elements.to.value, "to")]);
  const between = `from=${encodeURIComponent(from.id)}&to=${encodeURIComponent(to.id)}`;
  let journeys = await api(`/api/journeys?${between}`);
  let when = "";
  if (journeys.length === 0) {
    journeys = await api(`/api/journeys?${between}&date=${stockholmDate(Date.now() + 24 * 3600 * 1000)}&time=00:00`);
    when = "i morgon";
  }
  if (journeys.length === 0) {
    departures.innerHTML = String(html`<p class="empty" role="status">Inga avgångar från ${from.name} till ${to.name}. Välj zoner i stället.</p>`);
    return;
  }

  departures.innerHTML = String(html`
    <fieldset class="card departures">
      <legend>Avgångar ${when} från ${from.name} till ${to.name}</legend>
      ${journeys.map((journey, i) => html`
        <label class="departure">
          <input type="radio" name="journey" data-zones="${journey.zones.join(",")}" data-when="${when}" ${i === 0 ? html`checked` : ""}>
          <span>${clock.format(new Date(journey.departure))}–${clock.format(new Date(journey.arrival))}, ${journey.line}</span>
          <span class="muted">${journey.zones.length === 1 ? "Zon" : "Zoner"} ${journey.zones.join(", ")}</span>
        </label>`)}
      <p class="hint">Biljetten gäller i avgångens zoner.</p>
    </fieldset>`);
  await ticket.showFor(journeys[0].zones, when);
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
  #view;
  #zones = [];
  #quotes = [];
  #loading = null; // the latest products request; an older answer arriving late is dropped
  #key = null; // kept until the server has answered for sure, so a retry after no answer is charged once

  constructor(form, view) {
    this.#form = form;
    this.#view = view;
    form.addEventListener("change", () => this.#showPrice());
    form.addEventListener("submit", event => {
      event.preventDefault();
      whileSending(form, () => this.#buy(), "Betalar …");
    });
    document.addEventListener("credit-painted", () => this.#showPrice(), { signal: view.signal });
  }

  hide() {
    this.#loading?.abort();
    this.#form.hidden = true;
  }

  /** Shows the tickets for `zones`; `when` says the departure is tomorrow. */
  async showFor(zones, when) {
    this.hide();
    const loading = this.#loading = new AbortController();
    const quotes = await api(`/api/products?zones=${encodeURIComponent(zones.join(","))}`, { signal: loading.signal });
    if (loading !== this.#loading) return;
    this.#zones = zones;
    this.#quotes = quotes;
    fill(this.#form.elements.productId, quotes.map(quote => [quote.productId, quote.productName]));
    fill(this.#form.elements.categoryId, quotes.map(quote => [quote.categoryId, quote.categoryName]));
    const where = quotes.some(quote => quote.wholeCounty) ? "hela länet" : `${zones.length === 1 ? "zon" : "zonerna"} ${zones.join(", ")}`;
    this.#form.querySelector("#giltighet").dataset.where = where;
    this.#form.querySelector("#giltighet").dataset.when = when;
    this.#form.hidden = false;
    this.#showPrice();
  }

  #selected() {
    const { productId, categoryId } = this.#form.elements;
    return this.#quotes.find(quote => quote.productId === productId.value && quote.categoryId === categoryId.value);
  }

  #showPrice() {
    const quote = this.#selected();
    const validity = this.#form.querySelector("#giltighet");
    write(validity, quote ? `Gäller i ${validity.dataset.where} i ${duration(quote.validityMinutes)} från köpet.${validity.dataset.when
      ? " Den börjar gälla när du köper den: köp den strax före resan." : ""}` : "");
    write(this.#form.querySelector("#pris"), quote ? `${kronor(quote.totalOre)} inkl. moms (varav moms ${kronor(quote.vatOre)})` : "");
    this.#form.querySelector("#over-kredit").hidden = !quote || !state.credit || quote.totalOre <= state.credit.remainingOre;
  }

  async #buy() {
    const { productId, categoryId, purpose } = this.#form.elements;
    this.#key ??= crypto.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, "0")).join("");
    try {
      const { ticket } = await api("/api/app/purchases", {
        method: "POST",
        body: {
          productId: productId.value, categoryId: categoryId.value, zones: this.#zones, purpose: purpose.value,
          paymentMethod: "allpay", idempotencyKey: this.#key,
        },
      });
      this.#key = null;
      state.credit = await api("/api/app/credit").catch(() => state.credit);
      this.#view.navigate("#/biljetter",
        `Klart! ${ticket.product}, ${ticket.category} är köpt med Faktura via AllPay. Kvar att använda denna månad: ${kronor(state.credit.remainingOre)}.`);
    } catch (error) {
      if (!error.outcomeUnknown) {
        this.#key = null;
        showError(this.#form, error);
      } else {
        showError(this.#form, error, "Vi vet inte om köpet gick igenom. Tryck Betala med AllPay igen: du debiteras bara en gång. Eller titta under Biljetter.");
      }
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

/** Writes only a changed text, so that screen readers are not told the same thing again. */
function write(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/** 90 → "90 minuter", 1440 → "24 timmar", 43200 → "30 dagar". */
function duration(minutes) {
  if (minutes % 1440 === 0 && minutes > 1440) return `${minutes / 1440} dagar`;
  if (minutes % 60 === 0 && minutes >= 120) return `${minutes / 60} timmar`;
  return `${minutes} minuter`;
}
