// Forms on the kiosk: one print per tap. The procedure page locks a form's button for a minute after a
// tap; the print page prints once (a reload or a back-and-forth never prints again), then goes back.
(function () {
  "use strict";
  var LOCK_MS = 60 * 1000;
  var RETURN_MS = 10 * 1000;

  function stored(key) {
    try { return window.sessionStorage.getItem(key); } catch (e) { return null; }
  }
  function store(key, value) {
    try { window.sessionStorage.setItem(key, value); } catch (e) { /* private mode: the server still counts */ }
  }

  function lockButtons() {
    document.querySelectorAll("[data-print-form]").forEach(function (form) {
      var key = "motcua-print-" + form.getAttribute("data-print-form");
      var button = form.querySelector("button");
      var note = form.querySelector("[data-print-note]");
      var locked = function () { return Date.now() - Number(stored(key) || 0) < LOCK_MS; };
      var show = function () {
        var on = locked();
        button.disabled = on;
        if (note) { note.hidden = !on; }
        if (on) { setTimeout(show, LOCK_MS); }
      };
      show();
      form.addEventListener("submit", function (event) {
        if (locked()) { event.preventDefault(); show(); return; }
        store(key, String(Date.now()));
        setTimeout(show, 0);  // after the form is sent: a disabled button sends nothing
      });
    });
  }

  function printOnce() {
    var pages = document.querySelector("[data-print-pages]");
    if (!pages) { return; }
    var key = "motcua-printed-" + pages.getAttribute("data-print-id");
    if (stored(key)) { return; }
    store(key, "1");
    var images = Array.prototype.slice.call(pages.querySelectorAll("img"));
    Promise.all(images.map(function (img) { return img.decode(); })).then(function () {
      window.print();
      setTimeout(function () { window.location.replace(pages.getAttribute("data-back-url")); }, RETURN_MS);
    }).catch(function () {
      var message = document.querySelector("[data-print-message]");
      var failed = document.querySelector("[data-print-failed]");
      if (message) { message.hidden = true; }
      if (failed) { failed.hidden = false; }
    });
  }

  lockButtons();
  printOnce();
})();
