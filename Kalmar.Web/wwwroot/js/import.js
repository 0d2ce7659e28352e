// Importera resenärer: the forms work as plain posts; here they are sent with XMLHttpRequest instead, so a
// <progress> shows the upload and then, while the server checks or imports the file, an indeterminate state. The
// answer is the same page, whose result section replaces this one.
const progress = document.getElementById("import-progress");
const bar = document.getElementById("import-progress-bar");
const label = document.getElementById("import-progress-label");

document.addEventListener("submit", event => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-import")) return;
  event.preventDefault();
  if (form.dataset.sending) return;
  form.dataset.sending = "true";
  const buttons = form.querySelectorAll("button");
  for (const button of buttons) button.disabled = true;

  const request = new XMLHttpRequest();
  request.open("POST", form.action);
  label.textContent = "Laddar upp filen…";
  bar.value = 0;
  progress.hidden = false;
  request.upload.addEventListener("progress", e => {
    if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
  });
  request.upload.addEventListener("load", () => {
    bar.removeAttribute("value"); // indeterminate: the server is at work
    label.textContent = form.dataset.busyText || "Kontrollerar filen…";
  });
  const done = html => {
    progress.hidden = true;
    delete form.dataset.sending;
    for (const button of buttons) button.disabled = false;
    const current = document.getElementById("import-result");
    const answer = html && new DOMParser().parseFromString(html, "text/html").getElementById("import-result");
    if (answer) {
      current.replaceWith(answer);
    } else {
      current.innerHTML = '<p class="error-summary" role="alert">Det gick inte att skicka filen. Försök igen.</p>';
    }
    document.getElementById("import-result").focus();
  };
  request.addEventListener("load", () => done(request.responseText));
  request.addEventListener("error", () => done(null));
  request.send(new FormData(form));
});
