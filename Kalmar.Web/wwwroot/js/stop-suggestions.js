import { suggestStops } from "./suggest-stops.js";

// The portal's stop fields. Without JavaScript they still work: the server takes the best match
// for what was typed.
async function getStops(query, signal) {
  const response = await fetch(`/api/stops?q=${encodeURIComponent(query)}`, { headers: { Accept: "application/json" }, signal });
  return response.ok ? response.json() : [];
}

for (const input of document.querySelectorAll("input[data-stop-suggestions]")) suggestStops(input, getStops);
