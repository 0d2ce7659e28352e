// Suggests stops as the traveller types: fills the input's <datalist> from GET /api/stops,
// waiting for a pause in the typing and letting only the latest answer count. `getStops(query, signal)`
// answers the stops (the portal asks with its cookie, the app with its token).
const pause = 200;

export function suggestStops(input, getStops) {
  const list = input.list;
  let timer;
  let request;

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => suggest(input.value.trim()), pause);
  });
  // What was typed before this script ran gets its suggestions too.
  if (input.value.trim()) suggest(input.value.trim());

  async function suggest(query) {
    request?.abort();
    if (query.length < 2) {
      list.replaceChildren();
      return;
    }
    request = new AbortController();
    try {
      const stops = await getStops(query, request.signal);
      list.replaceChildren(...stops.map(stop => new Option(stop.name, stop.name)));
    } catch (error) {
      if (error.name !== "AbortError") throw error;
    }
  }
}
