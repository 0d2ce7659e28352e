import { api } from "../api.js";
import { html } from "../html.js";
import { showError, whileSending } from "../forms.js";
import { state } from "../state.js";

// Integritetspolicy and Allmänna villkor are accepted at the first sign-in, in the app as in the
// portal; the acceptance is recorded with its version and time (POST /api/me/terms).
export function showTerms(view) {
  if (state.terms.accepted) return view.termsAccepted();
  if (!view.render("Godkänn villkoren", html`
    <h1>Godkänn villkoren</h1>
    <p>Innan du börjar behöver du läsa och godkänna
      <a href="/integritetspolicy" target="_blank" rel="noopener">Integritetspolicy</a> och
      <a href="/allmanna-villkor" target="_blank" rel="noopener">Allmänna villkor</a> (öppnas i ett nytt fönster).</p>
    <form class="card" novalidate>
      <div class="choice">
        <input type="checkbox" id="godkann" name="accept">
        <label for="godkann">Jag har läst och godkänner Integritetspolicy och Allmänna villkor</label>
      </div>
      <button type="submit" class="button primary wide">Godkänn</button>
    </form>`)) return;

  const form = view.main.querySelector("form");
  form.addEventListener("submit", event => {
    event.preventDefault();
    if (!form.elements.accept.checked) {
      showError(form, { problem: { detail: "Kryssa i rutan för att godkänna villkoren." } });
      return;
    }
    whileSending(form, async () => {
      try {
        await api("/api/me/terms", { method: "POST", body: { version: state.terms.currentVersion } });
        view.termsAccepted();
      } catch (error) {
        showError(form, error);
      }
    });
  });
}
