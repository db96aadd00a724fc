// Kiosk behaviour on every page: a warning, then the return to the home page when nobody touches it,
// no zoom, no context menu, and a "Quay lại" that goes back in history when the previous page was ours.
(function () {
  "use strict";

  var body = document.body;
  var homeUrl = body.dataset.homeUrl || "/";
  var idleSeconds = parseInt(body.dataset.idleSeconds, 10) || 120;
  // The warning counts down the last 20 s (WCAG 2.2.1 asks for 20 s to answer); less on a test's tiny timeout.
  var warningSeconds = Math.max(1, Math.min(20, Math.floor(idleSeconds * 2 / 3)));
  var warning = document.querySelector("[data-idle-warning]");
  var countdown = document.querySelector("[data-idle-countdown]");
  var idleTimer = null;
  var resetTimer = null;
  var countdownTimer = null;
  var deadline = 0;

  function atHome() {
    return window.location.pathname === homeUrl && !window.location.search;
  }

  // Back to a fresh home page for the next citizen: read-aloud stops and the display modes are cleared
  // by the listeners of "kiosk:reset" (kiosk-modes.js, read-aloud.js).
  function reset() {
    document.dispatchEvent(new CustomEvent("kiosk:reset"));
    if (atHome()) {
      keepPage();
      window.scrollTo(0, 0);
    } else {
      // replace(): the next citizen's "Quay lại" must not lead into the previous one's pages.
      window.location.replace(homeUrl);
    }
  }

  function showCountdown() {
    countdown.textContent = String(Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
  }

  function warn() {
    deadline = Date.now() + warningSeconds * 1000;
    showCountdown();
    countdownTimer = window.setInterval(showCountdown, 1000);
    resetTimer = window.setTimeout(reset, warningSeconds * 1000);
    if (!warning.open) { warning.showModal(); }
  }

  // Any sign of a person: close the warning and start counting again.
  function keepPage() {
    window.clearTimeout(idleTimer);
    window.clearTimeout(resetTimer);
    window.clearInterval(countdownTimer);
    if (warning.open) { warning.close(); }
    idleTimer = window.setTimeout(warn, (idleSeconds - warningSeconds) * 1000);
  }

  function activity(event) {
    // While the warning shows, a touch counts once it ends as a click on the warning (below), so the
    // tap that closes it never lands on a link behind it.
    if (warning.open && (event.type === "pointerdown" || event.type === "touchstart")) { return; }
    keepPage();
  }

  // Every scroll a person makes starts with a touch, the wheel or a key; "scroll" events alone also come
  // from the page moving by itself (a banner, scroll anchoring) and would keep it with nobody there.
  // "timeupdate": a citizen listening to "Đọc to" is still there.
  ["pointerdown", "touchstart", "wheel", "keydown", "timeupdate"].forEach(function (name) {
    window.addEventListener(name, activity, { passive: true, capture: true });
  });
  warning.addEventListener("click", keepPage);  // "Tôi vẫn đang xem", or anywhere around it
  warning.addEventListener("cancel", function (event) {  // Escape
    event.preventDefault();
    keepPage();
  });
  keepPage();

  // A kiosk is not a desktop: no long-press menu, no pinch or ctrl+wheel zoom.
  window.addEventListener("contextmenu", function (event) { event.preventDefault(); });
  window.addEventListener("gesturestart", function (event) { event.preventDefault(); });
  window.addEventListener("touchmove", function (event) {
    if (event.touches.length > 1) { event.preventDefault(); }
  }, { passive: false });
  window.addEventListener("wheel", function (event) {
    if (event.ctrlKey) { event.preventDefault(); }
  }, { passive: false });
  window.addEventListener("dragstart", function (event) { event.preventDefault(); });

  // "Quay lại" links to the parent page; when we came from one of our pages, go back there instead
  // (e.g. to the search results the citizen came from).
  document.querySelectorAll("[data-back]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var fromUs = document.referrer.indexOf(window.location.origin + "/") === 0;
      if (fromUs && window.history.length > 1) {
        event.preventDefault();
        window.history.back();
      }
    });
  });

  // On the home page the search box leads to the search page, where the on-screen keyboard is.
  document.querySelectorAll("form[data-opens-search]").forEach(function (form) {
    var input = form.querySelector("input[name=q]");
    input.setAttribute("inputmode", "none");
    function openSearch() { window.location.assign(form.action); }
    // "click" too: after coming back to this page the box may still hold the focus.
    input.addEventListener("focus", openSearch);
    input.addEventListener("click", openSearch);
  });
})();
