// Kiosk behaviour on every page: idle return to the home page, no zoom, no context menu,
// and a "Quay lại" that goes back in history when the previous page was ours.
(function () {
  "use strict";

  var body = document.body;
  var homeUrl = body.dataset.homeUrl || "/";
  var idleMs = (parseInt(body.dataset.idleSeconds, 10) || 120) * 1000;
  var idleTimer = null;

  function atHome() {
    return window.location.pathname === homeUrl && !window.location.search;
  }

  function goHome() {
    if (atHome()) {
      window.scrollTo(0, 0);
      restartIdleTimer();
    } else {
      // replace(): the next citizen's "Quay lại" must not lead into the previous one's pages.
      window.location.replace(homeUrl);
    }
  }

  function restartIdleTimer() {
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(goHome, idleMs);
  }

  ["pointerdown", "keydown", "wheel", "touchstart", "scroll"].forEach(function (name) {
    window.addEventListener(name, restartIdleTimer, { passive: true, capture: true });
  });
  restartIdleTimer();

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
