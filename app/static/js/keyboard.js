// The on-screen keyboard of the search page: keys type into the search box and let htmx search.
(function () {
  "use strict";

  function inputFor(keyboard) {
    return document.getElementById(keyboard.dataset.keyboardFor);
  }

  function show(keyboard) {
    var input = inputFor(keyboard);
    if (!input) { return; }
    // Our keys replace the system's on-screen keyboard, which would cover half the screen.
    input.setAttribute("inputmode", "none");
    keyboard.hidden = false;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }

  function press(key, input) {
    var value = input.value;
    if (key.dataset.keyAction === "backspace") {
      value = value.slice(0, -1);
    } else if (key.dataset.keyAction === "clear") {
      value = "";
    } else if (key.dataset.key !== undefined) {
      value += key.dataset.key;
    }
    if (value === input.value) { return; }
    input.value = value;
    // A tap on our keys is deliberate: htmx searches on "kiosk-key" at once, while "input" from
    // a real keyboard waits for a pause (see the search box's hx-trigger).
    input.dispatchEvent(new CustomEvent("kiosk-key", { bubbles: true }));
  }

  // Listeners sit on the document, so they survive htmx restoring the page from history.
  document.addEventListener("click", function (event) {
    var key = event.target.closest("[data-keyboard-for] button");
    if (key) { press(key, inputFor(key.closest("[data-keyboard-for]"))); }
  });
  // Keep the caret in the box while keys are tapped.
  document.addEventListener("pointerdown", function (event) {
    var key = event.target.closest("[data-keyboard-for] button");
    if (key) {
      event.preventDefault();
      inputFor(key.closest("[data-keyboard-for]")).focus();
    }
  });

  function showAll() { document.querySelectorAll("[data-keyboard-for]").forEach(show); }
  showAll();
  document.addEventListener("htmx:historyRestore", showAll);
})();
