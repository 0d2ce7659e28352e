import { api } from "../api.js";
import { html } from "../html.js";
import { state, businessTravelEnabled } from "../state.js";
import { notGranted } from "./notices.js";

// Kontrollera kredit: this month's limit, what is used and what remains; it follows every purchase,
// limit change and new month live.
export async function showCredit(view) {
  state.credit = await api("/api/app/credit");
  view.render("Kredit", businessTravelEnabled()
    ? html`
      <h1>Kredit</h1>
      <section class="card credit" aria-labelledby="kredit-manad">
        <h2 id="kredit-manad">Tjänsteresor i <span data-credit="month"></span></h2>
        <p class="credit-remaining" aria-live="polite" aria-atomic="true">Kvar att använda <strong data-credit="remainingOre"></strong></p>
        <meter data-credit-meter min="0" aria-label="Använd del av krediten"></meter>
        <dl class="facts">
          <dt>Kreditgräns</dt><dd data-credit="limitOre"></dd>
          <dt>Använt</dt><dd data-credit="usedOre"></dd>
        </dl>
      </section>
      <p>Kreditgränsen sätts månadsvis och det är viktigt att du själv håller koll på den, så att utrymme alltid finns för
        dina biljettköp. Krediten börjar om den 1:a varje månad; det som inte används förs inte över.</p>`
    : html`<h1>Kredit</h1>${notGranted()}`);
}
