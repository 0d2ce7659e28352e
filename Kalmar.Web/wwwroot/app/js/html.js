// Views are written as template strings; every value put into one is escaped, unless it is itself html``.
const escapes = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

class Raw {
  constructor(markup) { this.markup = markup; }
  toString() { return this.markup; }
}

const raw = markup => new Raw(markup);

const piece = value =>
  value instanceof Raw ? value.markup
    : Array.isArray(value) ? value.map(piece).join("")
    : value === null || value === undefined || value === false ? ""
    : String(value).replace(/[&<>"']/g, c => escapes[c]);

export function html(strings, ...values) {
  return raw(strings.reduce((markup, text, i) => markup + text + (i < values.length ? piece(values[i]) : ""), ""));
}
