// The kiosk page's side of working through an outage: register the service worker (kiosk-sw.js),
// ask the server every few seconds whether it answers, show the Vietnamese banner while it does not,
// keep citizens away from pages that need the server, and come back by itself when it answers again.
(function () {
  "use strict";

  var CHECK_ONLINE_MS = 30000, CHECK_OFFLINE_MS = 5000, PING_TIMEOUT_MS = 4000;
  var root = document.documentElement;
  var banner = document.querySelector("[data-offline-banner]");
  var offline = false;
  var timer = null;

  function showState() {
    root.classList.toggle("is-offline", offline);
    if (banner) { banner.hidden = !offline; }
  }

  function tellWorker(message) {
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage(message);
    }
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(ping, offline ? CHECK_OFFLINE_MS : CHECK_ONLINE_MS);
  }

  function ping() {
    var controller = window.AbortController ? new AbortController() : null;
    var abort = window.setTimeout(function () { if (controller) { controller.abort(); } }, PING_TIMEOUT_MS);
    fetch("/kiosk/phien-ban", { cache: "no-store", signal: controller && controller.signal })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (data) {
        var wasOffline = offline;
        offline = false;
        showState();
        tellWorker({ type: "revision", revision: data.revision });
        // A page the worker had no copy of: now the server can give the real one.
        if (wasOffline && document.body.hasAttribute("data-offline-page")) { window.location.reload(); }
      })
      .catch(function () { offline = true; showState(); })
      .then(function () { window.clearTimeout(abort); schedule(); });
  }

  // Offline, a tap on a page outside the kiosk (dossier lookup, ratings, meetings) would reach no one.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!offline || !link) { return; }
    var url = new URL(link.href, window.location.href);
    if (url.origin === window.location.origin && url.pathname.indexOf("/kiosk/") === 0) { return; }
    event.preventDefault();
    if (banner) { banner.classList.add("offline-banner-flash"); banner.scrollIntoView({ block: "nearest" }); }
  }, true);

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "filled" && event.data.revision !== null) {
        root.dataset.offlineReady = String(event.data.revision);
      }
    });
    navigator.serviceWorker.register("/kiosk/sw.js", { scope: "/kiosk/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      (navigator.serviceWorker.controller || registration.active).postMessage({ type: "status" });
    }).catch(function () { /* no worker (insecure origin): the kiosk works online as before */ });
  }
  window.addEventListener("offline", function () { offline = true; showState(); schedule(); });
  window.addEventListener("online", ping);
  ping();
}());
