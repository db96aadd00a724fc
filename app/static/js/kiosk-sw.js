// The kiosk's service worker (scope /kiosk/): pages come from the server while it answers, and from
// this cache when it does not. The cache holds every kiosk page, QR code and file (the list comes
// from /kiosk/ngoai-tuyen.json) and is filled again whenever the catalogue revision moves. Offline,
// searches are answered here from a compact index. Staff pages and dossier lookups are never stored.
"use strict";

var PREFIX = "motcua-kiosk-";
var MANIFEST = "/kiosk/ngoai-tuyen.json";
var REVISION = "/kiosk/phien-ban";
var INDEX = "/kiosk/tim-kiem/chi-muc.json";
var OFFLINE_PAGE = "/kiosk/mat-ket-noi";
var SEARCH = "/kiosk/tim-kiem";
var NETWORK_TIMEOUT = 4000;  // a dead switch hangs rather than refuses: give up and use the copy
var FILL_AT_ONCE = 4;
var filling = null;
var searchIndex = null;

self.importScripts("/static/js/offline-search.js");

self.addEventListener("install", function () { self.skipWaiting(); });

// Activation only takes control: navigations wait for activation, so the copy is filled later, when
// a page says it is there (the "status" and "revision" messages below), never in their way.
self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "revision") {
    event.waitUntil(refresh(data.revision));
  } else if (data.type === "status") {
    event.waitUntil(refresh().then(currentRevision).then(function (revision) {
      event.source.postMessage({ type: "filled", revision: revision });
    }));
  }
});

// The revision whose copy is complete, or null.
function currentRevision() {
  return self.caches.keys().then(function (names) {
    var done = names.filter(function (n) { return n.indexOf(PREFIX) === 0 && n.slice(-5) === "-done"; });
    return done.length ? parseInt(done[done.length - 1].slice(PREFIX.length), 10) : null;
  });
}

function tell(message) {
  return self.clients.matchAll({ type: "window" }).then(function (clients) {
    clients.forEach(function (client) { client.postMessage(message); });
  });
}

// Fill a new cache for the server's revision unless the complete copy is already that one.
function refresh(knownRevision) {
  if (filling) { return filling; }
  filling = currentRevision().then(function (have) {
    if (knownRevision !== undefined && knownRevision === have) { return have; }
    return fetch(MANIFEST, { cache: "no-store" }).then(function (response) {
      if (!response.ok) { throw new Error("manifest " + response.status); }
      return response.json();
    }).then(function (manifest) {
      if (manifest.revision === have) { return have; }
      return fill(manifest);
    });
  }).catch(function () { return null; })
    .then(function (revision) { filling = null; return revision; });
  return filling;
}

function fill(manifest) {
  var name = PREFIX + manifest.revision;
  var queue = manifest.urls.slice();
  return self.caches.open(name).then(function (cache) {
    function next() {
      var url = queue.shift();
      if (!url) { return Promise.resolve(); }
      return fetch(url, { cache: "no-cache" }).then(function (response) {
        if (!response.ok) { throw new Error(url + " " + response.status); }
        return cache.put(url, response);
      }).then(next);
    }
    var workers = [];
    for (var i = 0; i < FILL_AT_ONCE; i++) { workers.push(next()); }
    return Promise.all(workers);
  }).then(function () {
    return self.caches.open(name + "-done");  // the marker: this copy is whole
  }).then(function () {
    searchIndex = null;
    return self.caches.keys();
  }).then(function (names) {
    return Promise.all(names.filter(function (n) {
      return n.indexOf(PREFIX) === 0 && n !== name && n !== name + "-done";
    }).map(function (n) { return self.caches.delete(n); }));
  }).then(function () {
    tell({ type: "filled", revision: manifest.revision });
    return manifest.revision;
  });
}

function fromCache(request) {
  return currentRevision().then(function (revision) {
    if (revision === null) { return undefined; }
    return self.caches.open(PREFIX + revision).then(function (cache) { return cache.match(request); });
  });
}

function withTimeout(promise) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error("timeout")); }, NETWORK_TIMEOUT);
    promise.then(function (value) { clearTimeout(timer); resolve(value); },
                 function (error) { clearTimeout(timer); reject(error); });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (url.pathname === REVISION || url.pathname === MANIFEST) { return; }  // always the network
  if (url.pathname.indexOf("/static/") === 0 || /\/qr\.(svg|png)$/.test(url.pathname)) {
    event.respondWith(cacheFirst(request));  // versioned: a copy is as good as the server's
  } else if (url.pathname.indexOf("/kiosk/") === 0) {
    event.respondWith(networkFirst(request, url));
  }
});

function cacheFirst(request) {
  return fromCache(request).then(function (cached) {
    return cached || fetch(request);
  });
}

function networkFirst(request, url) {
  return withTimeout(fetch(request)).then(function (response) {
    noticeRevision(response);
    return response;
  }).catch(function () {
    if (url.pathname === SEARCH) { return offlineSearch(request, url); }
    return fromCache(request).then(function (cached) {
      if (cached) { return cached; }
      if (request.mode === "navigate") { return fromCache(OFFLINE_PAGE).then(orError); }
      return orError(undefined);
    });
  });
}

// Pages tell the kiosk revision in a header: a newer one means a catalogue edit to fetch.
function noticeRevision(response) {
  var revision = parseInt(response.headers.get("X-Kiosk-Revision"), 10);
  if (!isNaN(revision)) {
    currentRevision().then(function (have) { if (have !== revision) { refresh(revision); } });
  }
}

function orError(response) {
  return response || new Response("Mất kết nối với máy chủ.", {
    status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

function loadIndex() {
  if (searchIndex) { return Promise.resolve(searchIndex); }
  return fromCache(INDEX).then(function (response) {
    if (!response) { throw new Error("no index"); }
    return response.json();
  }).then(function (raw) { searchIndex = OfflineSearch.prepare(raw); return searchIndex; });
}

// The results block of search.html, built here from the index.
function resultsHtml(query, hits) {
  var shown = escapeHtml(query);
  if (!query.trim()) {
    return '<div class="hint"><p>Chạm các phím chữ để gõ tên thủ tục, hoặc kể việc của bạn bằng lời thường. Không cần gõ dấu.</p></div>';
  }
  if (!hits.length) {
    return '<div class="hint hint-empty"><p>Không tìm thấy thủ tục nào với “' + shown + '”.</p>' +
      '<p>Bạn thử gõ từ khác ngắn hơn, hoặc hỏi cán bộ tại quầy để được giúp.</p></div>';
  }
  return '<p class="result-count">Tìm thấy ' + hits.length + ' thủ tục cho “' + shown + '”</p>' +
    '<ol class="procedure-list">' + hits.map(function (hit) {
      return '<li><a class="procedure-button" href="/kiosk/thu-tuc/' + encodeURIComponent(hit.code) + '">' +
        '<span class="procedure-name">' + escapeHtml(hit.name) + '</span>' +
        '<span class="procedure-meta">' + escapeHtml(hit.field) + '</span></a></li>';
    }).join("") + '</ol>';
}

function offlineSearch(request, url) {
  var query = (url.searchParams.get("q") || "").slice(0, 200);
  return loadIndex().then(function (index) {
    var block = resultsHtml(query, OfflineSearch.search(index, query, 20));
    var headers = { "Content-Type": "text/html; charset=utf-8" };
    if (request.headers.get("HX-Request")) { return new Response(block, { headers: headers }); }
    return fromCache(SEARCH).then(function (page) {
      if (!page) { throw new Error("no search page"); }
      return page.text();
    }).then(function (html) {
      html = html.replace(/<!--results-->[\s\S]*<!--\/results-->/, block)
                 .replace('id="search-input" name="q" type="search" value=""',
                          'id="search-input" name="q" type="search" value="' + escapeHtml(query) + '"');
      return new Response(html, { headers: headers });
    });
  }).catch(function () { return fromCache(OFFLINE_PAGE).then(orError); });
}
