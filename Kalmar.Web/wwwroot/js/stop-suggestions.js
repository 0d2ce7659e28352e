// Suggests stops as the traveller types: fills each stop field's <datalist> from GET /api/stops,
// waiting for a pause in the typing and letting only the latest answer count. Without JavaScript
// the fields still work: the server takes the best match for what was typed.
const pause = 200;

for (const input of document.querySelectorAll("input[data-stop-suggestions]")) {
  const list = input.list;
  let timer;
  let request;

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => suggest(input.value.trim()), pause);
  });

  async function suggest(query) {
    request?.abort();
    if (query.length < 2) {
      list.replaceChildren();
      return;
    }
    request = new AbortController();
    try {
      const response = await fetch(`/api/stops?q=${encodeURIComponent(query)}`, {
        headers: { Accept: "application/json" },
        signal: request.signal,
      });
      if (!response.ok) return;
      const stops = await response.json();
      list.replaceChildren(...stops.map(stop => new Option(stop.name, stop.name)));
    } catch (error) {
      if (error.name !== "AbortError") throw error;
    }
  }
}
