import { api, download } from "../api.js";
import { html } from "../html.js";
import { kronor } from "/js/kronor.js";
import { monthName } from "/js/months.js";

const kinds = { "business-trip": "Tjänsteresa", "staff-offer": "Personalerbjudande" };

// Mer → Kvitton: a month of the traveller's purchases, each with its receipt as PDF. The PDF route wants the bearer
// token, which a plain link cannot send, so a tap fetches it with the token and hands the browser the file (a blob URL).
export async function showReceipts(view) {
  await paint(view, null);
  view.main.addEventListener("click", event => {
    const link = event.target.closest("a[data-receipt]");
    if (!link) return;
    event.preventDefault();
    openReceipt(view, link);
  }, { signal: view.signal });
}

async function paint(view, month) {
  const purchases = await api(`/api/me/purchases${month ? `?month=${encodeURIComponent(month)}` : ""}`, { signal: view.signal });
  const shown = monthName(purchases.month);
  if (!view.render("Kvitton", html`
    <p class="back"><a href="#/mer">Tillbaka till Mer</a></p>
    <h1>Kvitton</h1>
    <p><label for="manad">Månad</label>
      <select id="manad">${purchases.months.map(m => html`<option value="${m}" ${m === purchases.month ? html`selected` : ""}>${monthName(m)}</option>`)}</select></p>
    ${purchases.items.length === 0
      ? html`<p class="empty">Du har inga köp i ${shown}.</p>`
      : html`
        <ul class="link-list receipts" aria-label="Köp i ${shown}">${purchases.items.map(item => html`
          <li>
            <strong>${item.product}</strong><br>
            <span class="muted">${kinds[item.kind] ?? item.kind} · ${when(item.date)} · zon ${item.zones.join(", ")}${item.purpose ? ` · ${item.purpose}` : ""}</span><br>
            ${kronor(item.totalOre)} <span class="muted">varav moms 6 % ${kronor(item.vatOre)}</span><br>
            <a href="/api/me/purchases/${item.id}/receipt.pdf" data-receipt="${item.id}">Kvitto (PDF)<span class="visually-hidden"> för ${item.product} ${when(item.date)}</span></a>
          </li>`)}
        </ul>
        <p>Summa ${shown}: <strong>${kronor(purchases.totalOre)}</strong>, varav moms ${kronor(purchases.vatOre)}.</p>`}
    <p class="error-summary" role="alert" id="kvitto-fel" hidden></p>`)) return;

  const picker = view.main.querySelector("#manad");
  picker.addEventListener("change", async () => {
    await paint(view, picker.value);
    view.main.querySelector("#manad")?.focus();
  });
}

async function openReceipt(view, link) {
  const failure = view.main.querySelector("#kvitto-fel");
  failure.hidden = true;
  link.setAttribute("aria-busy", "true");
  try {
    const url = URL.createObjectURL(await download(link.getAttribute("href"), { signal: view.signal }));
    const file = document.createElement("a");
    Object.assign(file, { href: url, download: `kvitto-${link.dataset.receipt}.pdf` });
    document.body.append(file);
    file.click();
    file.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    if (error.name === "AbortError") return;
    failure.textContent = error.problem?.detail ?? error.message;
    failure.hidden = false;
  } finally {
    link.removeAttribute("aria-busy");
  }
}

/** "2026-05-12T10:15:00+02:00" → "2026-05-12 10:15": the server writes Stockholm's time, whatever the phone's zone. */
const when = date => `${date.slice(0, 10)} ${date.slice(11, 16)}`;
