// The room display is whole without this script: it asks the list's JSON every few seconds
// and writes who has the floor and who comes next in place, without reloading the page, and
// counts down the speaker's time each second.
(function () {
  "use strict";

  var display = document.querySelector(".room-display");
  if (!display || !window.fetch) {
    return;
  }

  function bdi(text) {
    var element = document.createElement("bdi");
    element.textContent = text;
    return element;
  }

  function speaker(data) {
    var fragment = document.createDocumentFragment();
    fragment.append(bdi(data.delegation), ": ", bdi(data.speaker));
    if (data.rank) {
      fragment.append(", " + data.rank);
    }
    var language = document.createElement("span");
    language.className = "fs-5 fw-normal";
    language.textContent = "(" + data.language_and_place + ")";
    fragment.append(" ", language);
    return fragment;
  }

  function show(data) {
    var speaking = document.getElementById("speaking");
    var shown = data.speaking ? speaker(data.speaking) : document.createTextNode(display.dataset.nobody);
    // Only a change is written: the region is read aloud when it changes.
    var text = document.createElement("div");
    text.append(shown.cloneNode(true));
    if (speaking.textContent.trim() !== text.textContent.trim()) {
      speaking.replaceChildren(shown);
    }
    var coming = document.getElementById("coming");
    coming.replaceChildren.apply(
      coming,
      data.coming.map(function (each) {
        var item = document.createElement("li");
        item.append(speaker(each));
        return item;
      })
    );
    document.getElementById("more").textContent = data.more_text;
    document.getElementById("time-left").dataset.until = data.time_up_at || "";
    countDown();
  }

  function countDown() {
    var timer = document.getElementById("time-left");
    var line = document.getElementById("time-left-line");
    if (!timer.dataset.until) {
      line.hidden = true;
      return;
    }
    line.hidden = false;
    var seconds = Math.round((Date.parse(timer.dataset.until) - Date.now()) / 1000);
    if (seconds <= 0) {
      timer.textContent = timer.dataset.up;
      return;
    }
    var shown = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
    timer.textContent = timer.dataset.left.replace("%(time)s", shown);
  }

  function poll() {
    fetch(display.dataset.url, { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data) {
          show(data);
        }
      })
      .catch(function () {})
      .finally(function () {
        window.setTimeout(poll, Number(display.dataset.seconds) * 1000);
      });
  }

  countDown();
  window.setInterval(countDown, 1000);
  window.setTimeout(poll, Number(display.dataset.seconds) * 1000);
})();
