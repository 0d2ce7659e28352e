import { readCode, signatureHolds, statusAt } from "./biljettkod.js";

// Biljettkontroll: the code is checked on the phone with the published keys, so the answer comes without a
// connection; with one, the server's answer (which also knows whether the ticket is blocked) replaces it.
const keysUrl = "/.well-known/ticket-keys.json";
const maxLength = 1024;
const verdicts = {
  "valid": ["Giltig", "valid"],
  "blocked": ["Spärrad", "invalid"],
  "expired": ["Utgången", "invalid"],
  "not-yet-valid": ["Ännu inte giltig", "waiting"],
  "forged": ["Ogiltig (förfalskad)", "invalid"],
};
const dateTime = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Stockholm" });
const form = document.getElementById("kontroll");
const field = document.getElementById("kod");
const fieldError = document.getElementById("kod-fel");

if ("serviceWorker" in navigator) navigator.serviceWorker.register("/biljettkontroll/sw.js");

let keySet = null;
loadKeys();

/** The published keys: from the network, or (through the service worker) as last fetched. */
async function loadKeys() {
  const note = document.getElementById("nycklar");
  try {
    const response = await fetch(keysUrl);
    if (!response.ok) throw new Error(String(response.status));
    keySet = await response.json();
    const fetched = response.headers.get("Date");
    note.textContent = fetched ? `Nycklarna för kontroll hämtades ${dateTime.format(new Date(fetched))}.` : "Nycklarna för kontroll är hämtade.";
  } catch {
    note.textContent = "Nycklarna för kontroll kunde inte hämtas. Anslut telefonen en gång för att hämta dem.";
  }
  return keySet;
}

form.addEventListener("submit", async event => {
  event.preventDefault();
  const payload = field.value.trim();
  const problem = payload === "" ? "Klistra in biljettens kod eller skanna QR-koden."
    : payload.length > maxLength ? `Koden är för lång för att vara en biljett (högst ${maxLength} tecken).` : null;
  showFieldError(problem);
  if (!problem) await check(payload);
});

function showFieldError(message) {
  fieldError.hidden = !message;
  fieldError.textContent = message ?? "";
  if (message) {
    field.setAttribute("aria-invalid", "true");
    field.focus();
  } else {
    field.removeAttribute("aria-invalid");
  }
}

async function check(payload) {
  const keys = keySet ?? await loadKeys();
  const code = readCode(payload);
  const genuine = code !== null && keys !== null && await signatureHolds(code, keys);
  const here = genuine ? statusAt(code.ticket, new Date()) : "forged";
  if (keys) show(here, genuine ? code.ticket : null, "Kontrollerar spärrar …");
  try {
    const response = await fetch("/api/tickets/verify", {
      method: "POST", credentials: "omit", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ payload }), signal: AbortSignal.timeout(8000),
    });
    if (!response.ok) throw new Error(String(response.status));
    const answer = await response.json();
    const ticket = answer.ticket
      ? { ...answer.ticket, validFrom: new Date(answer.ticket.validFrom), validTo: new Date(answer.ticket.validTo) } : null;
    show(answer.status, ticket, "Kontrollerad mot Kalmar länstrafiks system just nu, även spärrar.");
    // A key this phone has not fetched yet: fetch the set again for the next check without a connection.
    if (answer.status !== "forged" && !genuine) loadKeys();
  } catch {
    if (keys) {
      show(here, genuine ? code.ticket : null, "Utan anslutning: koden är kontrollerad i telefonen, men inte om biljetten är spärrad.");
    } else {
      showFieldError("Nycklarna för kontroll saknas och servern går inte att nå. Anslut telefonen och försök igen.");
    }
  }
}

function show(status, ticket, note) {
  const [word, kind] = verdicts[status] ?? verdicts.forged;
  const verdict = document.getElementById("utslag");
  verdict.textContent = word;
  verdict.className = `verdict ${kind}`;
  const facts = document.getElementById("biljett");
  facts.replaceChildren();
  if (ticket) {
    for (const [term, value] of [
      ["Biljett", ticket.product],
      ["Resenärskategori", ticket.category],
      [ticket.zones.length === 1 ? "Zon" : "Zoner", ticket.zones.join(", ")],
      ["Giltig från", dateTime.format(ticket.validFrom)],
      ["Giltig t.o.m.", dateTime.format(ticket.validTo)],
      ["Biljettbärare", ticket.carrierType === "card" ? "Resekort" : "App"],
    ]) {
      facts.append(Object.assign(document.createElement("dt"), { textContent: term }), Object.assign(document.createElement("dd"), { textContent: value }));
    }
  }
  facts.hidden = !ticket;
  document.getElementById("sparrkontroll").textContent = note;
  // The region is there from the start, so that screen readers announce each answer in it.
  document.getElementById("resultat-rubrik").hidden = false;
  verdict.hidden = false;
}

// The camera, where the browser can read QR codes itself (BarcodeDetector); pasting works everywhere.
const scanButton = document.getElementById("skanna");
if ("BarcodeDetector" in window) {
  BarcodeDetector.getSupportedFormats().then(formats => { scanButton.hidden = !formats.includes("qr_code"); });
}

let scanning = null;
scanButton.addEventListener("click", async () => {
  if (scanning) {
    stopScanning();
    return;
  }
  const video = document.getElementById("kamera");
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    scanning = stream;
    video.srcObject = stream;
    video.hidden = false;
    scanButton.textContent = "Avbryt skanning";
    await video.play();
    const detector = new BarcodeDetector({ formats: ["qr_code"] });
    while (scanning === stream) {
      const [found] = await detector.detect(video);
      if (found) {
        stopScanning();
        field.value = found.rawValue;
        form.requestSubmit();
        return;
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  } catch {
    stopScanning();
    showFieldError("Kameran gick inte att använda. Klistra in koden i stället.");
  }
});

function stopScanning() {
  scanning?.getTracks().forEach(track => track.stop());
  scanning = null;
  const video = document.getElementById("kamera");
  video.srcObject = null;
  video.hidden = true;
  scanButton.textContent = "Skanna med kameran";
}
