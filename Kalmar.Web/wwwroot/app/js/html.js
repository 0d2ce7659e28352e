// Views are written as template strings; every value put into one is escaped unless it is raw().
const escapes = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

class Raw {
  constructor(markup) { this.markup = markup; }
  toString() { return this.markup; }
}

/** Markup that is already safe: another html`` result or markup the app made itself. */
export const raw = markup => new Raw(markup);

const piece = value =>
  value instanceof Raw ? value.markup
    : Array.isArray(value) ? value.map(piece).join("")
    : value === null || value === undefined || value === false ? ""
    : String(value).replace(/[&<>"']/g, c => escapes[c]);

export function html(strings, ...values) {
  return raw(strings.reduce((markup, text, i) => markup + text + (i < values.length ? piece(values[i]) : ""), ""));
}
