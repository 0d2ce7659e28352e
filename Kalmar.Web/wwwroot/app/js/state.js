import { kronor } from "/js/kronor.js";
import { monthName } from "/js/months.js";

// What every screen may show: the signed-in traveller, this month's credit and whether the
// current terms are accepted. The credit changes live (creditChanged), so screens mark where it
// goes with data-credit="<field>" and paintCredit fills in the current figures.
export const state = { me: null, credit: null, terms: null };

/** Granted business travel, as the newest credit (read at sign-in, then pushed live) says. */
export const businessTravelEnabled = () => state.credit?.enabled ?? false;

export function paintCredit(root = document) {
  if (!state.credit) return;
  for (const element of root.querySelectorAll("[data-credit]")) {
    const value = state.credit[element.dataset.credit];
    const text = element.dataset.credit === "month" ? monthName(value) : kronor(value);
    if (element.textContent !== text) element.textContent = text;
  }
  for (const meter of root.querySelectorAll("meter[data-credit-meter]")) {
    meter.max = Math.max(state.credit.limitOre, 1);
    meter.value = Math.min(state.credit.usedOre, meter.max);
  }
  document.dispatchEvent(new CustomEvent("credit-painted"));
}
