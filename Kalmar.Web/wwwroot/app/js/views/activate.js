import { api } from "../api.js";
import { html } from "../html.js";
import { showError, whileSending } from "../forms.js";

// The first time: the temporary user name and one-time code from the SMS (POST /api/app/activate).
// A traveller who already has a portal account can sign in with it instead.
export function showActivate(view) {
  if (!view.render("Verifiera dig", html`
    <h1>Verifiera dig</h1>
    <p>När din administratör har lagt till tjänsteresa för dig får du ett sms med ett tillfälligt användarnamn och
      en engångskod. Ange dem här för att verifiera dig första gången.</p>
    <form class="card" novalidate>
      <div class="field">
        <label for="username">Tillfälligt användarnamn (från sms:et)</label>
        <input id="username" name="username" autocomplete="username" autocapitalize="characters" spellcheck="false" required>
      </div>
      <div class="field">
        <label for="code">Engångskod</label>
        <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
      </div>
      <button type="submit" class="button primary wide">Verifiera dig</button>
    </form>
    <p>Har du redan ett konto i Företagsportalen? <a href="#/logga-in">Logga in med e-post och lösenord</a></p>`)) return;
  submitTo(view, "/api/app/activate", "#/mer", "Du är verifierad. Lägg nu till Faktura via AllPay under Betalmedel.");
}

export function showSignIn(view) {
  if (!view.render("Logga in", html`
    <h1>Logga in</h1>
    <p>Med samma e-postadress och lösenord som i Företagsportalen.</p>
    <form class="card" novalidate>
      <div class="field">
        <label for="email">E-postadress</label>
        <input id="email" name="email" type="email" autocomplete="email" required>
      </div>
      <div class="field">
        <label for="password">Lösenord</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
      </div>
      <button type="submit" class="button primary wide">Logga in</button>
    </form>
    <p>Första gången med tjänsteresor? <a href="#/aktivera">Verifiera dig med koden från sms:et</a></p>`)) return;
  submitTo(view, "/api/auth/login", "#/biljetter", null);
}

function submitTo(view, path, next, message) {
  const form = view.main.querySelector("form");
  form.addEventListener("submit", event => {
    event.preventDefault();
    whileSending(form, async () => {
      try {
        view.signIn(await api(path, { method: "POST", body: Object.fromEntries(new FormData(form)) }), next, message);
      } catch (error) {
        showError(form, error);
      }
    });
  });
}
