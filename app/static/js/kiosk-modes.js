// The kiosk's display modes, "Chữ to" and "Tương phản cao": a class on <html> per mode, kept in this
// tab's sessionStorage so they hold across pages until the idle reset ("kiosk:reset") clears them.
// Loaded in <head> without defer, so a page never paints once in the wrong mode. The HTML is the same
// for every visitor: the modes live in the browser only.
(function () {
  "use strict";

  var MODES = ["large-text", "high-contrast"];
  var root = document.documentElement;

  function stored(mode) {
    try { return window.sessionStorage.getItem("kiosk-mode-" + mode) === "on"; } catch (error) { return false; }
  }

  function store(mode, on) {
    try {
      if (on) {
        window.sessionStorage.setItem("kiosk-mode-" + mode, "on");
      } else {
        window.sessionStorage.removeItem("kiosk-mode-" + mode);
      }
    } catch (error) { /* storage refused: the mode then lasts for this page only */ }
  }

  function showPressed() {
    document.querySelectorAll("[data-mode-toggle]").forEach(function (button) {
      var on = root.classList.contains("mode-" + button.dataset.modeToggle);
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }

  function setMode(mode, on) {
    root.classList.toggle("mode-" + mode, on);
    store(mode, on);
    showPressed();
  }

  function restore() {
    MODES.forEach(function (mode) { root.classList.toggle("mode-" + mode, stored(mode)); });
    showPressed();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-mode-toggle]");
    if (button) {
      var mode = button.dataset.modeToggle;
      setMode(mode, !root.classList.contains("mode-" + mode));
    }
  });
  document.addEventListener("kiosk:reset", function () {
    MODES.forEach(function (mode) { setMode(mode, false); });
  });

  restore();  // before the first paint: only <html> exists yet
  document.addEventListener("DOMContentLoaded", showPressed);  // now the buttons exist
  window.addEventListener("pageshow", restore);  // back from the browser's page cache
})();
