import { api, freshToken, logout, session, whenSignedOut } from "./api.js";
import { html } from "./html.js";
import { state, paintCredit } from "./state.js";
import { connectLive } from "/js/live.js";
import { showActivate, showSignIn } from "./views/activate.js";
import { showTerms } from "./views/terms.js";
import { showTickets, showSavedTickets, forgetSavedTickets } from "./views/tickets.js";
import { showBuy } from "./views/buy.js";
import { showCredit } from "./views/credit.js";
import { showMore, showPaymentMethods, showOtherPaymentMethods } from "./views/more.js";
import { showReceipts } from "./views/receipts.js";

// The app's shell: a hash route per screen, the tab bar, and one live connection while signed in.
const routes = {
  "/aktivera": showActivate,
  "/logga-in": showSignIn,
  "/villkor": showTerms,
  "/biljetter": showTickets,
  "/kop": showBuy,
  "/kredit": showCredit,
  "/mer": showMore,
  "/mer/betalmedel": showPaymentMethods,
  "/mer/betalmedel/andra": showOtherPaymentMethods,
  "/mer/kvitton": showReceipts,
};
const signedOutRoutes = new Set(["/aktivera", "/logga-in"]);
const main = document.getElementById("vy");
const announcer = document.getElementById("meddelande");
const tabBar = document.querySelector(".tab-bar");
let current = null; // the screen on show (see screen())
let flash = null;
let stopLive = null; // ends the hub connection at sign-out
let firstScreen = true;
let afterTerms = null; // where a sign-in was going when the terms came first

/**
 * What a screen gets: render once it has loaded (unless another screen was opened meanwhile),
 * a signal that ends with the screen (for its listeners and timers), and the way onwards.
 */
function screen() {
  const lifetime = new AbortController();
  const view = {
    lifetime,
    signal: lifetime.signal,
    main,
    ticketsChanged: null, // set by a screen that shows tickets; called on ticketIssued, ticketChanged and after a reconnect
    offline: false, // showing the saved tickets: the screen to leave when the connection is back
    render(title, markup) {
      if (current !== view) return false;
      const message = flash;
      flash = null;
      main.innerHTML = String(markup);
      main.querySelector("h1")?.setAttribute("tabindex", "-1");
      if (message) main.querySelector("h1")?.insertAdjacentHTML("afterend", String(html`<p class="notice">${message}</p>`));
      document.title = `${title} – Kalmar länstrafik`;
      paintCredit(main);
      if (!firstScreen) main.querySelector("h1")?.focus();
      firstScreen = false;
      announce(message);
      return true;
    },
    navigate,
    signIn,
    logOut,
    termsAccepted() {
      state.terms.accepted = true;
      const next = afterTerms ?? { hash: "#/biljetter", message: null };
      afterTerms = null;
      navigate(next.hash, next.message);
    },
  };
  return view;
}

/** A status message read out by screen readers once the new screen is in place. */
function announce(message) {
  announcer.textContent = "";
  if (message) setTimeout(() => { announcer.textContent = message; }, 100);
}

function navigate(hash, message = null) {
  flash = message;
  if (location.hash === hash) route();
  else location.hash = hash;
}

/** Sends the user elsewhere without leaving the address they were refused in the history. */
function redirect(hash) {
  location.replace(hash);
}

async function route() {
  const path = location.hash.slice(1) || "/biljetter";
  const signedIn = Boolean(session.token);
  if (!signedIn && !signedOutRoutes.has(path)) return redirect("#/aktivera");
  if (signedIn && signedOutRoutes.has(path)) return redirect("#/biljetter");
  if (!routes[path]) return redirect(signedIn ? "#/biljetter" : "#/aktivera");

  current?.lifetime.abort();
  const view = current = screen();
  tabBar.hidden = !signedIn;
  for (const link of tabBar.querySelectorAll("a")) {
    const tab = link.getAttribute("href").slice(1);
    if (path === tab || path.startsWith(`${tab}/`)) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }

  try {
    if (signedIn) {
      await loadTraveller();
      startLive();
      if (!state.terms.accepted && path !== "/villkor") {
        afterTerms = { hash: `#${path}`, message: flash };
        flash = null;
        return redirect("#/villkor");
      }
      tabBar.hidden = !state.terms.accepted;
    }
    await routes[path](view);
  } catch (error) {
    if (error.name === "AbortError" || (signedIn && !session.token)) return; // left meanwhile, or signed out
    if (error.status === 0 && signedIn && path === "/biljetter" && showSavedTickets(view)) {
      view.offline = true;
      return;
    }
    if (!view.render("Något gick fel", html`
      <h1>Något gick fel</h1>
      <p class="error-summary" role="alert">${error.problem?.detail ?? error.message}</p>
      <p><button type="button" class="button primary wide" id="igen">Försök igen</button></p>
      ${signedIn ? html`<p><button type="button" class="button wide" id="ut">Logga ut</button></p>` : ""}`)) return;
    main.querySelector("#igen").addEventListener("click", route);
    main.querySelector("#ut")?.addEventListener("click", logOut);
  }
}

/** The traveller, the credit and the terms: read at sign-in, and again after a reconnect. */
async function loadTraveller(force = false) {
  if (state.me && !force) return;
  const [me, credit, terms] = await Promise.all([api("/api/me"), api("/api/app/credit"), api("/api/me/terms")]);
  Object.assign(state, { me, credit, terms: { ...terms, accepted: terms.acceptedVersion === terms.currentVersion } });
}

function startLive() {
  if (stopLive) return;
  stopLive = new AbortController();
  connectLive(
    {
      creditChanged: credit => {
        state.credit = credit;
        paintCredit();
      },
      ticketIssued: () => current?.ticketsChanged?.(),
      ticketChanged: () => current?.ticketsChanged?.(),
    },
    {
      accessToken: freshToken,
      signal: stopLive.signal,
      onSessionEnded: ({ message }) => signOut(message, "#/logga-in"),
      onReconnected: async () => {
        await loadTraveller(true);
        paintCredit();
        await current?.ticketsChanged?.();
      },
    });
}

function signIn(answer, hash, message) {
  session.start(answer);
  state.me = null;
  navigate(hash, message);
}

/** "Logga ut": the server ends the session, then this device forgets it. */
function logOut() {
  logout();
  signOut("Du är utloggad.");
}

/** Ends the session on this device (the hub connection too) and shows `hash` with `message`. */
function signOut(message, hash = "#/aktivera") {
  session.end();
  forgetSavedTickets();
  Object.assign(state, { me: null, credit: null, terms: null });
  stopLive?.abort();
  stopLive = null;
  navigate(hash, message);
}

whenSignedOut(() => signOut(
  "Din inloggning har gått ut. Logga in med e-post och lösenord, eller be din administratör om en ny kod.", "#/logga-in"));
window.addEventListener("hashchange", route);
window.addEventListener("online", () => current?.offline && route());
navigator.serviceWorker?.register("/app/sw.js", { scope: "/app/" });
route();
