import { api } from "../api.js";
import { html } from "../html.js";
import { showError, whileSending } from "../forms.js";
import { state } from "../state.js";

// Mer → Betalmedel → Andra betalmedel → "Lägg till Faktura via AllPay", as in the manual.
export function showMore(view) {
  if (!view.render("Mer", html`
    <h1>Mer</h1>
    <p>Inloggad som <strong>${state.me.firstName} ${state.me.lastName}</strong>, ${state.me.company.name}.</p>
    <ul class="link-list">
      <li><a href="#/mer/betalmedel">Betalmedel</a></li>
      <li><a href="#/kredit">Kredit</a></li>
      <li><a href="#/mer/kvitton">Kvitton</a></li>
      <li><a href="/">Företagsportalen</a></li>
    </ul>
    <p><button type="button" class="button wide" id="logga-ut">Logga ut</button></p>`)) return;
  view.main.querySelector("#logga-ut").addEventListener("click", view.logOut);
}

export async function showPaymentMethods(view) {
  const methods = await api("/api/app/payment-methods");
  view.render("Betalmedel", html`
    <p class="back"><a href="#/mer">Tillbaka till Mer</a></p>
    <h1>Betalmedel</h1>
    ${methods.length === 0
      ? html`<p class="empty">Du har inget betalmedel för tjänsteresor ännu.</p>`
      : html`<ul class="link-list">${methods.map(method => html`
          <li><strong>${method.name}</strong><br><span class="muted">AllPay företagsfaktura: din arbetsgivare faktureras i efterhand.</span></li>`)}</ul>`}
    <ul class="link-list">
      <li><a href="#/mer/betalmedel/andra">Andra betalmedel</a></li>
    </ul>`);
}

export async function showOtherPaymentMethods(view) {
  const added = (await api("/api/app/payment-methods")).some(method => method.type === "allpay");
  if (!view.render("Andra betalmedel", html`
    <p class="back"><a href="#/mer/betalmedel">Tillbaka till Betalmedel</a></p>
    <h1>Andra betalmedel</h1>
    ${added
      ? html`<p>Faktura via AllPay är tillagd. Välj AllPay när du köper en tjänsteresa under <a href="#/kop">Sök &amp; köp</a>.</p>`
      : html`
        <form class="card" novalidate>
          <h2>AllPay företagsfaktura</h2>
          <p>Betala tjänsteresor med faktura till din arbetsgivare, inom den kredit din administratör har gett dig.</p>
          <button type="submit" class="button primary wide">Lägg till Faktura via AllPay</button>
        </form>`}`) || added) return;

  const form = view.main.querySelector("form");
  form.addEventListener("submit", event => {
    event.preventDefault();
    whileSending(form, async () => {
      try {
        await api("/api/app/payment-methods", { method: "POST", body: { type: "allpay" } });
        view.navigate("#/mer/betalmedel/andra", "Nu är allt klart och du kan börja använda AllPay som betalmedel! " +
          "Nästa gång du gör en tjänsteresa väljer du betalmedel AllPay. Din arbetsgivare faktureras i efterhand för dina biljettköp.");
      } catch (error) {
        showError(form, error);
      }
    });
  });
}
