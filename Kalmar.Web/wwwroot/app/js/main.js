import { api, session, whenSignedOut } from "./api.js";
import { html } from "./html.js";
import { state, paintCredit } from "./state.js";
import { connectLive } from "/js/live.js";
import { showActivate, showSignIn } from "./views/activate.js";
import { showTickets } from "./views/tickets.js";
import { showBuy } from "./views/buy.js";
import { showCredit } from "./views/credit.js";
import { showMore, showPaymentMethods, showOtherPaymentMethods } from "./views/more.js";

// The app's shell: a hash route per screen, the tab bar, and one live connection while signed in.
const routes = {
  "/aktivera": showActivate,
  "/logga-in": showSignIn,
  "/biljetter": showTickets,
  "/kop": showBuy,
  "/kredit": showCredit,
  "/mer": showMore,
  "/mer/betalmedel": showPaymentMethods,
  "/mer/betalmedel/andra": showOtherPaymentMethods,
};
const signedOutRoutes = new Set(["/aktivera", "/logga-in"]);
const main = document.getElementById("vy");
const tabBar = document.querySelector(".tab-bar");
let generation = 0;
let flash = null;
let live = null;
let firstView = true;

/** What a screen uses: render once it has loaded (unless another screen was opened meanwhile), and move on. */
function viewFor(current) {
  return {
    render(title, markup) {
      if (current !== generation) return false;
      const message = flash;
      flash = null;
      main.innerHTML = String(markup);
      if (message) main.querySelector("h1")?.insertAdjacentHTML("afterend", String(html`<p class="notice" role="status">${message}</p>`));
      document.title = `${title} – Kalmar länstrafik`;
      paintCredit(main);
      if (!firstView) main.querySelector("h1")?.focus();
      firstView = false;
      return true;
    },
    navigate,
    signIn,
    signOut,
    main,
  };
}

function navigate(hash, message = null) {
  flash = message;
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  const path = location.hash.slice(1) || "/biljetter";
  const signedIn = Boolean(session.token);
  if (!signedIn && !signedOutRoutes.has(path)) return navigate("#/aktivera", flash);
  if (signedIn && signedOutRoutes.has(path)) return navigate("#/biljetter", flash);
  const show = routes[path];
  if (!show) return navigate(signedIn ? "#/biljetter" : "#/aktivera");

  tabBar.hidden = !signedIn;
  for (const link of tabBar.querySelectorAll("a")) {
    const tab = link.getAttribute("href").slice(1);
    if (path === tab || path.startsWith(`${tab}/`)) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }

  const view = viewFor(++generation);
  try {
    if (signedIn) await loadTraveller();
    await show(view);
  } catch (error) {
    if (!session.token) return; // signed out meanwhile: the sign-in screen is on its way
    view.render("Något gick fel", html`
      <h1 tabindex="-1">Något gick fel</h1>
      <p class="error-summary" role="alert">${error.problem?.detail ?? error.message}</p>
      <p><button type="button" class="button" id="igen">Försök igen</button></p>`);
    main.querySelector("#igen")?.addEventListener("click", route);
  }
}

/** The traveller and the credit, read once a sign-in (and again after a reconnect). */
async function loadTraveller(force = false) {
  if (state.me && !force) return;
  [state.me, state.credit] = await Promise.all([api("/api/me"), api("/api/app/credit")]);
  startLive();
}

function startLive() {
  if (live) return;
  live = connectLive(
    {
      creditChanged: credit => {
        state.credit = credit;
        paintCredit();
      },
      ticketIssued: () => {
        if (location.hash === "#/biljetter") route();
      },
    },
    async () => {
      await loadTraveller(true);
      route();
    },
    () => session.token);
  live.catch(() => { live = null; }); // not live now; the next screen tries again
}

async function signIn(token, hash, message) {
  session.start(token);
  await loadTraveller(true);
  navigate(hash, message);
}

async function signOut(message) {
  session.end();
  state.me = null;
  state.credit = null;
  const connection = live;
  live = null;
  (await connection?.catch(() => null))?.stop();
  navigate("#/aktivera", message);
}

whenSignedOut(() => signOut("Din inloggning har gått ut. Aktivera appen eller logga in igen."));
window.addEventListener("hashchange", route);
route();
