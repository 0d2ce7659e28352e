// Forms in the app: the server's Swedish Problem Details go into the form, as a summary
// (role="alert") and next to each field it names (aria-invalid, aria-describedby). Focus goes to
// the first field named, or else to the summary, so that on a small screen the message is in view.

export function clearErrors(form) {
  form.querySelectorAll(".error-summary, .field-error").forEach(element => element.remove());
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    if (input.dataset.describedby) input.setAttribute("aria-describedby", input.dataset.describedby);
    else input.removeAttribute("aria-describedby");
  }
}

/** Shows `message` (or the error's Problem Details) in the form. */
export function showError(form, error, message = null) {
  clearErrors(form);
  const problem = error.problem ?? {};
  const summary = document.createElement("div");
  summary.className = "error-summary";
  summary.setAttribute("role", "alert");
  summary.tabIndex = -1;
  summary.textContent = message ?? problem.detail ?? problem.title ?? "Något gick fel. Försök igen.";
  form.prepend(summary);

  let first = null;
  for (const [field, messages] of Object.entries(problem.errors ?? {})) {
    const input = form.querySelector(`[name="${CSS.escape(field)}"]`);
    if (!input) continue;
    const note = document.createElement("p");
    note.className = "field-error";
    note.id = `${input.id}-fel`;
    note.textContent = messages.join(" ");
    input.insertAdjacentElement("afterend", note);
    input.dataset.describedby ??= input.getAttribute("aria-describedby") ?? "";
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", `${note.id} ${input.dataset.describedby}`.trim());
    first ??= input;
  }
  (first ?? summary).focus();
  if (!first) summary.scrollIntoView({ block: "nearest" });
}

/**
 * Runs `work` once at a time for the form: its submit button says `busyLabel` and does nothing
 * meanwhile (aria-disabled rather than disabled, so focus stays on it), so a double tap sends once.
 */
export async function whileSending(form, work, busyLabel = "Skickar …") {
  if (form.dataset.sending) return;
  form.dataset.sending = "true";
  const button = form.querySelector("button[type=submit]:not([hidden])");
  const label = button?.textContent;
  if (button) {
    button.setAttribute("aria-disabled", "true");
    button.textContent = busyLabel;
  }
  try {
    await work();
  } finally {
    delete form.dataset.sending;
    if (button) {
      button.removeAttribute("aria-disabled");
      button.textContent = label;
    }
  }
}
