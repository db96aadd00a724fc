// Queue numbers: the ticket page prints itself and returns to the kiosk home; the hall screen polls
// its board, and on a new call shows it big and plays the chime then the spoken call; the counter
// page's buttons answer single keys.
(function () {
  "use strict";
  var body = document.body;

  // --- Ticket: print once (Chromium's --kiosk-printing prints without a dialog), then go home.
  if (body.classList.contains("ticket-screen")) {
    var home = function () { window.location.assign(body.dataset.homeUrl); };
    window.setTimeout(function () { window.print(); }, 300);
    window.setTimeout(home, Number(body.dataset.returnSeconds || 12) * 1000);
  }

  // --- Counter: N, L, V, X press the buttons, C opens the transfer list, H opens intake.
  if (body.classList.contains("staff") && document.getElementById("counter-panel")) {
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) { return; }
      var typing = event.target.closest && event.target.closest("input, select, textarea");
      if (typing) { return; }
      var target = document.querySelector('#counter-panel [data-shortcut="' + event.key.toLowerCase() + '"]');
      if (!target || target.disabled) { return; }
      event.preventDefault();
      if (target.tagName === "SELECT") { target.focus(); } else { target.click(); }
    });
  }

  // --- Hall screen.
  if (!body.classList.contains("hall")) { return; }
  var POLL_MS = Number(body.dataset.pollMs || 1000), TIMEOUT_MS = 4000, FRESH_MS = 10000;
  var offline = document.querySelector("[data-hall-offline]");
  var soundButton = document.querySelector("[data-hall-sound]");
  var board = document.getElementById("hall-board");
  var lastCall = board.dataset.callId || "";
  var freshUntil = 0;
  var announcements = [];
  var playing = false;

  function play(url) {
    return new Promise(function (resolve, reject) {
      var audio = new Audio(url);
      audio.addEventListener("ended", resolve);
      audio.addEventListener("error", resolve);  // no speech on this server: the chime was enough
      audio.play().catch(reject);
    });
  }

  // Calls are announced one after another, never over each other.
  function announceNext() {
    if (playing || !announcements.length) { return; }
    playing = true;
    var speech = announcements.shift();
    play(body.dataset.chimeUrl).then(function () { return play(speech); })
      .catch(function () { soundButton.hidden = false; })  // autoplay refused: a tap unlocks it
      .then(function () { playing = false; announceNext(); });
  }

  soundButton.addEventListener("click", function () { soundButton.hidden = true; announceNext(); });

  function showFresh() {
    var call = board.querySelector(".hall-call");
    if (call) { call.classList.toggle("is-fresh", Date.now() < freshUntil); }
  }

  function swap(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    var fresh = template.content.firstElementChild;
    if (!fresh || fresh.id !== "hall-board") { return; }
    board.replaceWith(fresh);
    board = fresh;
    var call = board.dataset.callId || "";
    if (call && call !== lastCall) {
      freshUntil = Date.now() + FRESH_MS;
      announcements.push(board.dataset.callAudio);
      announceNext();
    }
    lastCall = call;
    showFresh();
  }

  // Every POLL_MS, whatever happened: a restarted server is found again by the next request.
  function poll() {
    var controller = new AbortController();
    var abort = window.setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    var url = body.dataset.boardUrl + "?v=" + encodeURIComponent(board.dataset.version || "");
    fetch(url, { cache: "no-store", signal: controller.signal })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        offline.hidden = true;
        return response.status === 204 ? null : response.text();
      })
      .then(function (html) { if (html) { swap(html); } else { showFresh(); } })
      .catch(function () { offline.hidden = false; })
      .then(function () { window.clearTimeout(abort); window.setTimeout(poll, POLL_MS); });
  }
  window.setTimeout(poll, POLL_MS);
}());
