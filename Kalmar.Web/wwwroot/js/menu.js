// The main menu on a phone: "Meny" shows and hides it, Escape closes it and gives the focus back to "Meny".
// Loaded in <head> without defer, so the menu is folded before the first paint and a tap that comes before the
// page has finished loading already works; without this script the menu is simply shown (see site.css).
document.documentElement.classList.add("js-menu");

document.addEventListener("click", event => {
  const button = event.target instanceof Element ? event.target.closest(".menu-button") : null;
  if (button) button.setAttribute("aria-expanded", String(button.getAttribute("aria-expanded") !== "true"));
});

document.addEventListener("keydown", event => {
  if (event.key !== "Escape") return;
  const button = document.querySelector(".menu-button[aria-expanded='true']");
  if (!button || button.getClientRects().length === 0) return;
  const menu = document.getElementById(button.getAttribute("aria-controls"));
  if (document.activeElement !== button && !menu?.contains(document.activeElement)) return;
  button.setAttribute("aria-expanded", "false");
  button.focus();
});
