import { html } from "../html.js";

/** What a traveller without business travel sees where the app would offer it. */
export const notGranted = () => html`
  <p class="notice-box">Tjänsteresor är inte aktiverade för dig. Din företags- eller avdelningsadministratör lägger till
    tjänsteresa och kreditgräns i Företagsportalen.</p>`;
