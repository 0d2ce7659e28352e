// A credit month as the server writes it (Stockholm.MonthName): "2026-11" → "november 2026".
const monthFormat = new Intl.DateTimeFormat("sv-SE", { month: "long", year: "numeric", timeZone: "UTC" });

export function monthName(month) {
  const [year, number] = month.split("-").map(Number);
  return monthFormat.format(new Date(Date.UTC(year, number - 1, 1)));
}
