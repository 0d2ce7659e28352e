// Forms in the app: the server's Swedish Problem Details go into the form, as a summary
// (role="alert") and next to each field it names (aria-invalid, aria-describedby).

export function clearErrors(form) {
  form.querySelectorAll(".error-summary, .field-error").forEach(element => element.remove());
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    restoreDescription(input);
  }
}

export function showError(form, error) {
  clearErrors(form);
  const problem = error.problem ?? { detail: "Något gick fel. Försök igen." };
  const summary = document.createElement("div");
  summary.className = "error-summary";
  summary.setAttribute("role", "alert");
  summary.textContent = problem.detail ?? problem.title;
  form.prepend(summary);

  let first = null;
  for (const [field, messages] of Object.entries(problem.errors ?? {})) {
    const input = form.querySelector(`[name="${CSS.escape(field)}"]`);
    if (!input) continue;
    const message = document.createElement("p");
    message.className = "field-error";
    message.id = `${input.id}-fel`;
    message.textContent = messages.join(" ");
    input.insertAdjacentElement("afterend", message);
    input.dataset.describedby ??= input.getAttribute("aria-describedby") ?? "";
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", `${message.id} ${input.dataset.describedby}`.trim());
    first ??= input;
  }
  first?.focus();
}

function restoreDescription(input) {
  if (input.dataset.describedby) input.setAttribute("aria-describedby", input.dataset.describedby);
  else input.removeAttribute("aria-describedby");
}

/** Runs `work` once at a time for the form: its submit button is disabled meanwhile, so a double tap sends once. */
export async function whileSending(form, work) {
  if (form.dataset.sending) return;
  form.dataset.sending = "true";
  const button = form.querySelector("button[type=submit], button:not([type])");
  if (button) button.disabled = true;
  try {
    await work();
  } finally {
    delete form.dataset.sending;
    if (button) button.disabled = false;
  }
}
