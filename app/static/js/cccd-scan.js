// Intake and correction: a USB scanner types a CCCD's QR code into the applicant box and presses
// Enter. Instead of submitting the form, hand the code to the server (the rules live in
// app/dossiers/cccd.py): htmx swaps in the applicant fields filled from the card, or the reason not.
(function () {
  "use strict";

  var BOX = "input[data-scan-pattern]";

  function isBox(element) {
    return element instanceof HTMLInputElement && element.matches(BOX);
  }

  function looksScanned(input) {
    return new RegExp(input.getAttribute("data-scan-pattern")).test(input.value);
  }

  // True when the box holds a scan, now on its way to the server.
  function readScan(input) {
    if (!window.htmx || !looksScanned(input)) { return false; }
    window.htmx.trigger(input, "cccd-scan");
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !isBox(event.target)) { return; }
    // A scan being read, or one just typed: Enter must not submit the form with the raw code.
    if (event.target.readOnly || readScan(event.target)) { event.preventDefault(); }
  });

  // Some scanners paste the whole code at once.
  document.addEventListener("paste", function (event) {
    var input = event.target;
    if (isBox(input)) { window.setTimeout(function () { readScan(input); }, 0); }
  });

  // The values are gathered by now: the raw code leaves the box, the answer brings back the name or nothing.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var input = event.detail.elt;
    if (isBox(input)) { input.value = ""; input.readOnly = true; }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var input = event.detail.elt;
    if (isBox(input)) { input.readOnly = false; }
  });
}());
