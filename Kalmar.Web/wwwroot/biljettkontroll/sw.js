// Biljettkontroll's service worker: the page, its scripts and the published ticket keys stay on the phone, so a code
// can be checked where there is no connection. Network first (new keys and a new page as soon as there is one), the
// cache only as the fallback.
const cacheName = "klt-biljettkontroll";
const kept = [
  "/biljettkontroll/", "/biljettkontroll/kontroll.js", "/biljettkontroll/biljettkod.js", "/biljettkontroll/kontroll.css",
  "/css/site.css", "/.well-known/ticket-keys.json",
];

self.addEventListener("install", event => {
  event.waitUntil(caches.open(cacheName).then(cache => cache.addAll(kept)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", event => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", event => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin || !kept.includes(url.pathname)) return;
  event.respondWith(fetch(event.request).then(response => {
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(cacheName).then(cache => cache.put(url.pathname, copy)));
    }
    return response;
  }).catch(async () => (await caches.match(url.pathname)) ?? Response.error()));
});
