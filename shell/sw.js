// The service worker: after one visit, the app starts and works with the network cut.
// This file is a template: the build (cmake/offline.cmake, after certif.js/certif.wasm are linked) writes
// the site's sw.js with VERSION = a digest of every file below and of this file, so any change to a
// built file gives a new cache, and the browser installs it (old caches are then deleted).
// Every URL is relative to this file: the site may live under any path (/, /certif/, …).
'use strict';

const VERSION = '@CERTIF_OFFLINE_VERSION@';
const FILES = [/*@CERTIF_OFFLINE_FILES@*/];

// Caches are shared by the whole origin: the name carries this copy's scope, so two copies of the app
// on one host (say /certif/ and /certif-test/) never delete each other's files.
const PREFIX = 'certif-intra:' + self.registration.scope + ':';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  // 'no-cache': revalidate with the server rather than trust an HTTP cache that may hold older files.
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'no-cache' }))))
    // The app fetches nothing once started, so a running page cannot mix versions: take over at once.
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

// Cache first for the app's own files; anything else (the licence, the schema documents) goes to the
// network as usual. The folder's address itself ("…/certif/") is its index.html.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!url.href.startsWith(self.registration.scope)) return;
  const path = url.origin + url.pathname;
  const key = path === self.registration.scope ? new URL('index.html', self.registration.scope).href : path;
  // config.js is the host's to edit after deploying, without a rebuild: the network's copy wins, the
  // cached one serves offline.
  if (key === new URL('config.js', self.registration.scope).href) {
    event.respondWith(caches.open(CACHE).then((cache) => fetch(request, { cache: 'no-cache' })
      .then((response) => {
        if (response.ok) cache.put(key, response.clone());
        return response;
      })
      .catch(() => cache.match(key))));
    return;
  }
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(key))
    .then((cached) => cached || fetch(request)));
});
