/* FAIMI: an opt-in button that shows an event's times in the visitor's own time zone.
 *
 * The pages are complete without this script: every time is a <time datetime="…">
 * element written in the event's zone, and the zone is named in text beside it. This
 * script only offers a <button>; the view changes only once the visitor presses it (or
 * pressed it on an earlier page: the choice is kept in localStorage). Pressing it again
 * puts back the original texts exactly.
 *
 * What it converts: <time> elements whose datetime is an instant (a date, a time and a
 * UTC offset) and whose text is a time of day ("14:00"), i.e. the event summary and the
 * agenda; and the texts that name the zone (.faimi-zone, and the agenda caption's "All
 * times are …" sentence). Deadlines in the important-dates table show a day, and their
 * caption names its zone ("at 23:59 Anywhere on Earth"): they are left as written.
 *
 * If every such time already has the visitor's UTC offset, no button is shown: it
 * could only rename the zone, which would look like a button that does nothing.
 */
(function () {
  "use strict";

  var KEY = "faimi-localtime";
  var LOCALE = "en-GB"; // the site's language and date style ("Tue 1 Jul")
  var INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  var CLOCK = /^\d{2}:\d{2}$/;
  var CAPTION = /All times are [^.]*\./;

  function stored() {
    try { return window.localStorage.getItem(KEY) === "on"; } catch (e) { return false; }
  }

  function store(on) {
    try {
      if (on) { window.localStorage.setItem(KEY, "on"); } else { window.localStorage.removeItem(KEY); }
    } catch (e) { /* storage blocked: the choice lasts for this page only */ }
  }

  function parts(formatter, date) {
    var out = {};
    formatter.formatToParts(date).forEach(function (p) { out[p.type] = p.value; });
    return out;
  }

  /* "UTC+02:00" as the site writes it ("UTC" for a zero offset), from the event's
     "+02:00"/"Z" or from Intl's "GMT+02:00"/"GMT". */
  function offsetLabel(text) {
    var sign = text.replace(/^(GMT|UTC)/, "");
    if (sign === "" || sign === "Z" || sign === "+00:00" || sign === "-00:00") { return "UTC"; }
    if (/^[+-]\d{1,2}$/.test(sign)) { sign += ":00"; }
    return "UTC" + sign.replace(/^([+-])(\d)(?=:)/, "$10$2");
  }

  function setup() {
    var zone, clock, day, weekday, names, offsets;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      clock = new Intl.DateTimeFormat(LOCALE, { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
      day = new Intl.DateTimeFormat(LOCALE, { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
      weekday = new Intl.DateTimeFormat(LOCALE, { timeZone: zone, weekday: "short", day: "numeric", month: "short" });
      names = new Intl.DateTimeFormat(LOCALE, { timeZone: zone, timeZoneName: "long" });
      offsets = new Intl.DateTimeFormat(LOCALE, { timeZone: zone, timeZoneName: "longOffset" });
    } catch (e) {
      return; // no usable Intl: the page stays as it is
    }

    /* The times to convert, with their visitor's-zone text worked out now. */
    var times = [];
    var differs = false;
    var lastDay = new Map(); // per parent element: the local day last shown there
    Array.prototype.forEach.call(document.querySelectorAll("time[datetime]"), function (el) {
      var match = INSTANT.exec(el.getAttribute("datetime"));
      var original = el.textContent;
      if (!match || !CLOCK.test(original.trim())) { return; }
      var instant = new Date(el.getAttribute("datetime"));
      if (isNaN(instant.getTime())) { return; }
      var offset = parts(offsets, instant).timeZoneName;
      if (offsetLabel(offset) !== offsetLabel(match[2])) { differs = true; }
      var c = parts(clock, instant);
      var d = parts(day, instant);
      var localDay = d.year + "-" + d.month + "-" + d.day;
      var text = c.hour + ":" + c.minute;
      // On another day than the event's, say which (once per run: "Tue 1 Jul, 00:10–00:30").
      if (localDay !== match[1] && lastDay.get(el.parentNode) !== localDay) {
        var w = parts(weekday, instant);
        text = w.weekday + " " + w.day + " " + w.month + ", " + text;
      }
      lastDay.set(el.parentNode, localDay);
      times.push({ el: el, original: original, local: text, instant: instant });
    });
    if (!times.length || !differs) { return; }

    /* The visitor's zone named as the site names zones: "Central European Summer Time
       (UTC+02:00)"; a zone without an English name is named by its IANA name. */
    function zoneLabel(instant) {
      var name = parts(names, instant).timeZoneName || "";
      if (!name || /^(GMT|UTC)[+-]/.test(name)) { name = zone; }
      return name + " (" + offsetLabel(parts(offsets, instant).timeZoneName) + ")";
    }
    /* The visitor's zone as named at the first instant within ``scope`` (a summary's
       line, an agenda table): a page may hold events in summer and in winter. */
    function labelWithin(scope) {
      var found = times.filter(function (t) { return scope.contains(t.el); })[0] || times[0];
      return zoneLabel(found.instant);
    }

    /* The texts that name the zone: the summary's .faimi-zone spans, and the text node
       of each agenda caption that holds "All times are …". */
    var texts = [];
    Array.prototype.forEach.call(document.querySelectorAll(".faimi-zone"), function (el) {
      texts.push({ node: el, prop: "textContent", original: el.textContent, local: " " + labelWithin(el.parentNode) });
    });
    Array.prototype.forEach.call(document.querySelectorAll("table.faimi-agenda caption"), function (caption) {
      var label = labelWithin(caption.parentNode);
      var walker = document.createTreeWalker(caption, NodeFilter.SHOW_TEXT);
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        if (CAPTION.test(node.data)) {
          texts.push({ node: node, prop: "data", original: node.data,
                       local: node.data.replace(CAPTION, "All times are in your time zone, " + label + ".") });
        }
      }
    });

    function show(local) {
      times.forEach(function (t) { t.el.textContent = local ? t.local : t.original; });
      texts.forEach(function (t) { t.node[t.prop] = local ? t.local : t.original; });
      button.setAttribute("aria-pressed", local ? "true" : "false");
    }

    var button = document.createElement("button");
    button.type = "button";
    button.className = "faimi-localtime__button";
    button.setAttribute("aria-pressed", "false");
    button.textContent = "Show times in my time zone" + (zone ? " (" + zone.replace(/_/g, " ") + ")" : "");
    button.addEventListener("click", function () {
      var local = button.getAttribute("aria-pressed") !== "true";
      show(local);
      store(local);
    });
    var box = document.createElement("div");
    box.className = "faimi-localtime";
    box.appendChild(button);

    // After the event summary; else above the agenda; else after the first time's paragraph.
    var summary = document.querySelector(".faimi-summary");
    var agenda = document.querySelector("table.faimi-agenda");
    if (summary) {
      summary.parentNode.insertBefore(box, summary.nextSibling);
    } else if (agenda) {
      var wrapper = agenda.closest(".table-wrapper") || agenda;
      wrapper.parentNode.insertBefore(box, wrapper);
    } else {
      var first = times[0].el.closest("p, li, dd, table") || times[0].el.parentNode;
      first.parentNode.insertBefore(box, first.nextSibling);
    }

    if (stored()) { show(true); } // the visitor opted in, here or on an earlier page
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
