// Money is öre (integers) everywhere; people read it as the server writes it (Money.ToKronor):
// "1 234,50 kr" with a no-break space between thousands, whatever the browser's own sv-SE says.
const number = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function kronor(ore) {
  const parts = number.formatToParts(ore / 100).map(part =>
    part.type === "group" ? "\u00A0" : part.type === "minusSign" ? "\u2212" : part.type === "decimal" ? "," : part.value);
  return `${parts.join("")} kr`;
}
