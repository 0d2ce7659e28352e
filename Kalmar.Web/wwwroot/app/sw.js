// The app's service worker: the app opens, and shows the mobile tickets it last saw, without a
// connection (a bus in the forest, an inspector at the door). Network first, so a connected phone
// always runs the newest app; the cache is only the fallback. API answers are never cached here:
// the tickets screen keeps its own copy of the holder's tickets (js/views/tickets.js).
const cacheName = "klt-app";
const shell = [
  "/app/", "/app/app.css", "/app/manifest.webmanifest", "/app/icons/icon.svg", "/app/icons/icon-192.png",
  "/app/js/main.js", "/app/js/api.js", "/app/js/forms.js", "/app/js/html.js", "/app/js/state.js",
  "/app/js/views/activate.js", "/app/js/views/buy.js", "/app/js/views/credit.js", "/app/js/views/more.js",
  "/app/js/views/notices.js", "/app/js/views/receipts.js", "/app/js/views/terms.js", "/app/js/views/tickets.js",
  "/css/site.css", "/js/kronor.js", "/js/live.js", "/js/months.js", "/js/suggest-stops.js", "/lib/signalr/signalr.min.js",
];

self.addEventListener("install", event => {
  event.waitUntil(caches.open(cacheName).then(cache => cache.addAll(shell)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", event => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", event => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin || !shell.includes(url.pathname)) return;
  event.respondWith(fetch(event.request).then(response => {
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(cacheName).then(cache => cache.put(url.pathname, copy)));
    }
    return response;
  }).catch(async () => (await caches.match(url.pathname)) ?? Response.error()));
});
