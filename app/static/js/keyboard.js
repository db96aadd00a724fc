// The on-screen keyboard of the search page: keys type into the search box and let htmx search.
(function () {
  "use strict";

  function setUp(keyboard) {
    var input = document.getElementById(keyboard.dataset.keyboardFor);
    if (!input) { return; }
    // Our keys replace the system's on-screen keyboard, which would cover half the screen.
    input.setAttribute("inputmode", "none");
    keyboard.hidden = false;

    keyboard.addEventListener("click", function (event) {
      var key = event.target.closest("button");
      if (!key) { return; }
      var value = input.value;
      if (key.dataset.keyAction === "backspace") {
        value = value.slice(0, -1);
      } else if (key.dataset.keyAction === "clear") {
        value = "";
      } else if (key.dataset.key !== undefined) {
        value += key.dataset.key;
      }
      input.value = value;
      // htmx listens for "input" on the search box (debounced in its hx-trigger).
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });

    // Keep the caret visible in the box while keys are tapped.
    keyboard.addEventListener("pointerdown", function (event) {
      if (event.target.closest("button")) { event.preventDefault(); input.focus(); }
    });
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }

  document.querySelectorAll("[data-keyboard-for]").forEach(setUp);
})();
