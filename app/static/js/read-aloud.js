// "Đọc to": plays the page's summary, spoken on the server, with stop and replay from the start.
// The idle reset ("kiosk:reset" from kiosk.js) stops it.
(function () {
  "use strict";

  document.querySelectorAll("[data-read-aloud]").forEach(function (box) {
    var audio = box.querySelector("audio");
    var play = box.querySelector("[data-read-play]");
    var stop = box.querySelector("[data-read-stop]");
    var replay = box.querySelector("[data-read-replay]");
    var status = box.querySelector("[data-read-status]");

    function showPlaying(playing) {
      var hadFocus = box.contains(document.activeElement);
      play.hidden = playing;
      stop.hidden = !playing;
      replay.hidden = !playing;
      if (hadFocus) { (playing ? stop : play).focus(); }  // the pressed button may just have gone
    }

    function start() {
      audio.play().catch(function () { /* the "error" event tells the citizen */ });
    }

    play.addEventListener("click", start);  // after a stop or the end, play() starts from the beginning
    replay.addEventListener("click", function () {
      audio.currentTime = 0;
      start();
    });
    stop.addEventListener("click", function () {
      audio.pause();
      audio.currentTime = 0;
    });
    audio.addEventListener("play", function () { showPlaying(true); });
    audio.addEventListener("pause", function () { showPlaying(false); });
    audio.addEventListener("waiting", function () { status.textContent = "Đang chuẩn bị giọng đọc…"; });
    audio.addEventListener("playing", function () { status.textContent = ""; });
    // No audio after all (the server could not speak): no button that does nothing.
    audio.addEventListener("error", function () {
      play.hidden = stop.hidden = replay.hidden = true;
      status.textContent = "Lúc này máy chưa đọc được. Xin mời đọc trên màn hình hoặc hỏi cán bộ.";
    });
    document.addEventListener("kiosk:reset", function () { audio.pause(); });
  });
})();
