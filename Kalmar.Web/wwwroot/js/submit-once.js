// A second click while a form is on its way would send it again (and put a second ticket in the
// cart), so a posted form is sent once. Coming back to the page from history makes it usable again.
document.addEventListener("submit", event => {
  const form = event.target;
  if (form.method !== "post") return;
  if (form.dataset.sending) {
    event.preventDefault();
    return;
  }
  form.dataset.sending = "true";
});

window.addEventListener("pageshow", () => {
  for (const form of document.querySelectorAll("form[data-sending]")) delete form.dataset.sending;
});
