/* The programme of a conference on another website.
 *
 * The host page holds, where the programme goes:
 *   <div data-va-programme="https://…/fr/conferences/<slug>/programme.json">
 *     <a href="https://…/fr/conferences/<slug>/programme/">Programme de travail</a>
 *   </div>
 *   <script src="https://…/static/js/programme-widget.js" async></script>
 *
 * Once the host page has loaded, each such element is drawn inside a shadow root: the host's
 * styles do not reach it, its own reach nothing else, and it defines no global name. Without
 * scripts, or if the programme cannot be read, the link stays. The days are headings and the
 * sessions lists of links, in the language and direction of the address.
 */
(function () {
  "use strict";

  var STYLE =
    ":host{display:block}" +
    ".va-programme{font:inherit;color:inherit;line-height:1.4}" +
    "h2{font-size:1.3em;margin:0 0 .25em}" +
    "h3{font-size:1.1em;margin:1em 0 .25em}" +
    "p{margin:0 0 .5em}" +
    "ul{list-style:none;margin:0;padding:0}" +
    "li{padding:.35em 0;border-bottom:1px solid #ccc}" +
    "a{color:#0b4f8a;text-decoration:underline}" +
    "a:focus{outline:3px solid #1a5fb4;outline-offset:2px}" +
    ".va-time{font-weight:bold;margin-inline-end:.5em}" +
    ".va-room{color:#444}";

  function element(name, text, className) {
    var node = document.createElement(name);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function link(href, text) {
    var anchor = element("a", text);
    anchor.href = href;
    return anchor;
  }

  function draw(host, data) {
    var root = host.attachShadow({ mode: "open" });
    var style = element("style");
    style.textContent = STYLE;
    root.appendChild(style);
    var section = element("section", "", "va-programme");
    section.lang = data.language;
    section.dir = data.direction;
    var heading = element("h2");
    heading.appendChild(link(data.conference.url, data.conference.short_name + ": " + data.words.programme));
    section.appendChild(heading);
    section.setAttribute("aria-label", data.conference.short_name + ": " + data.words.programme);
    section.appendChild(element("p", data.words.times));
    if (data.version) {
      var version = element("p");
      version.appendChild(link(data.version.changes_url, data.words.version));
      section.appendChild(version);
    }
    if (!data.days.length) section.appendChild(element("p", data.words.empty));
    data.days.forEach(function (day) {
      var dayHeading = element("h3");
      var time = element("time", day.label);
      time.setAttribute("datetime", day.date);
      dayHeading.appendChild(time);
      section.appendChild(dayHeading);
      var list = element("ul");
      day.sessions.forEach(function (session) {
        var item = element("li");
        item.appendChild(element("span", session.start + "–" + session.end, "va-time"));
        item.appendChild(link(session.url, session.title));
        if (session.room) item.appendChild(element("span", " · " + session.room, "va-room"));
        list.appendChild(item);
      });
      section.appendChild(list);
    });
    root.appendChild(section);
  }

  function load(host) {
    var address = host.getAttribute("data-va-programme");
    if (!address || host.shadowRoot || !window.fetch || !host.attachShadow) return;
    window
      .fetch(address, { credentials: "omit" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        draw(host, data);
      })
      .catch(function () {
        /* The link to the programme stays. */
      });
  }

  function start() {
    var hosts = document.querySelectorAll("[data-va-programme]");
    for (var i = 0; i < hosts.length; i++) load(hosts[i]);
  }

  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
