/* FAIMI: the visitor's own time, shown beside the event's time (never instead of it).
 *
 * The pages are complete without this script: every time is a <time datetime="…">
 * element written in the event's zone, whose name is written beside it. This script
 * adds, next to each such time, the same moment in the visitor's zone ("Your time: Tue
 * 1 Jul, 22:00 – Wed 2 Jul, 00:45 Japan Standard Time (UTC+09:00)"), and a picker of
 * zones, all named in words. A day is written wherever the visitor's day is not the
 * event's day, and at an end on another day than its start: two days never contradict.
 *
 * Which zone: the one in the address (?tz=Asia/Tokyo, so a link can be shared), else
 * the one picked on an earlier page (localStorage), else the device's zone. "None"
 * shows the event's times only. Where the visitor's zone has the event's offset, no
 * time is added.
 */
(function () {
  "use strict";

  var KEY = "faimi-tz";
  var NONE = "none";
  var LOCALE = "en-GB"; // the site's language and date style ("Tue 1 Jul")
  var INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  /* Where times are shown together, and how their visitor's time is written: with the
     day always (``full``) or only when it differs from the event's; with the zone named. */
  var HOSTS = [
    { sel: ".faimi-summary dd > p", full: true, zone: true },
    { sel: ".faimi-next-up__when", full: true, zone: true },
    { sel: ".faimi-next-up__action", full: true, zone: true },
    { sel: "table.faimi-dates td", full: true, zone: false },
    { sel: "th.faimi-agenda__time", full: false, zone: false }
  ];
  var CAPTIONS = "table.faimi-dates caption, table.faimi-agenda caption";

  function usable(zone) {
    if (!zone) { return false; }
    try { new Intl.DateTimeFormat(LOCALE, { timeZone: zone }); return true; } catch (e) { return false; }
  }

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }

  function store(value) {
    try { window.localStorage.setItem(KEY, value); } catch (e) { /* blocked: this page only */ }
  }

  function parts(formatter, date) {
    var out = {};
    formatter.formatToParts(date).forEach(function (p) { out[p.type] = p.value; });
    return out;
  }

  /* "UTC+02:00" as the site writes it ("UTC" for a zero offset), from "+02:00"/"Z" or
     from Intl's "GMT+02:00"/"GMT". */
  function offsetLabel(text) {
    var sign = (text || "").replace(/^(GMT|UTC)/, "");
    if (sign === "" || sign === "Z" || sign === "+00:00" || sign === "-00:00") { return "UTC"; }
    if (/^[+-]\d{1,2}$/.test(sign)) { sign += ":00"; }
    return "UTC" + sign.replace(/^([+-])(\d)(?=:)/, "$10$2");
  }

  var cache = {};
  /* What is written for one zone: clock, day, names; made once per zone. */
  function zoneFormat(zone) {
    if (cache[zone]) { return cache[zone]; }
    var f = {
      clock: new Intl.DateTimeFormat(LOCALE, { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
      ymd: new Intl.DateTimeFormat(LOCALE, { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }),
      day: new Intl.DateTimeFormat(LOCALE, { timeZone: zone, weekday: "short", day: "numeric", month: "short" }),
      name: new Intl.DateTimeFormat(LOCALE, { timeZone: zone, timeZoneName: "long" }),
      offset: new Intl.DateTimeFormat(LOCALE, { timeZone: zone, timeZoneName: "longOffset" })
    };
    var city = zone.split("/").pop().replace(/_/g, " ");
    cache[zone] = {
      offset: function (d) { return offsetLabel(parts(f.offset, d).timeZoneName); },
      clock: function (d) { var c = parts(f.clock, d); return c.hour + ":" + c.minute; },
      ymd: function (d) { var c = parts(f.ymd, d); return c.year + "-" + c.month + "-" + c.day; },
      day: function (d) { var c = parts(f.day, d); return c.weekday + " " + c.day + " " + c.month; },
      city: city,
      /* "Japan Standard Time (UTC+09:00)"; a zone without an English name is named by
         its city ("Kolkata time"), never by its raw id. */
      name: function (d) {
        var name = parts(f.name, d).timeZoneName || "";
        if (!name || /^(GMT|UTC)([+-]|$)/.test(name)) { name = city + " time"; }
        return name + " (" + this.offset(d) + ")";
      }
    };
    return cache[zone];
  }

  /* The instants in ``el``: [{date, day (the event's day), offset (the event's)}]. */
  function instants(el) {
    var out = [];
    Array.prototype.forEach.call(el.querySelectorAll("time[datetime]"), function (t) {
      var match = INSTANT.exec(t.getAttribute("datetime"));
      var date = match && new Date(t.getAttribute("datetime"));
      var last = out[out.length - 1];
      if (!date || isNaN(date.getTime()) || (last && last.date.getTime() === date.getTime())) { return; }
      out.push({ date: date, day: match[1], offset: offsetLabel(match[2]) });
    });
    return out;
  }

  /* "22:00–22:20", "Tue 1 Jul, 00:10–00:30", "23:50 – Tue 1 Jul, 00:10" (a day wherever it
     is not the event's, or at an end on another day than its start). */
  function range(z, found, full) {
    var first = found[0], last = found[found.length - 1];
    var text = z.clock(first.date);
    var dated = full || z.ymd(first.date) !== first.day;
    if (dated) { text = z.day(first.date) + ", " + text; }
    if (last !== first) {
      var end = z.clock(last.date);
      var endDated = z.ymd(last.date) !== z.ymd(first.date);
      if (endDated) { end = z.day(last.date) + ", " + end; }
      text += (endDated ? " – " : "–") + end;
    }
    return text;
  }

  function span(className, text) {
    var el = document.createElement("span");
    el.className = className;
    el.textContent = text;
    return el;
  }

  /* Remove what an earlier zone added, then add the times in ``zone`` (none for NONE). */
  function show(zone) {
    Array.prototype.forEach.call(document.querySelectorAll(".faimi-local"), function (el) {
      el.parentNode.removeChild(el);
    });
    if (zone === NONE) { return; }
    var z = zoneFormat(zone);
    var shownAt = null;
    HOSTS.forEach(function (host) {
      Array.prototype.forEach.call(document.querySelectorAll(host.sel), function (el) {
        var found = instants(el);
        if (!found.length || found.every(function (i) { return z.offset(i.date) === i.offset; })) { return; }
        var note = span("faimi-local", "");
        note.appendChild(span(host.full ? "faimi-local__label" : "faimi-local__label faimi-visually-hidden",
                              "Your time: "));
        note.appendChild(document.createTextNode(range(z, found, host.full) +
                                                 (host.zone ? " " + z.name(found[0].date) : "")));
        el.appendChild(note);
        shownAt = shownAt || found[0].date;
      });
    });
    if (!shownAt) { return; }
    Array.prototype.forEach.call(document.querySelectorAll(CAPTIONS), function (caption) {
      var found = instants(caption.parentNode);
      if (!found.length || !caption.parentNode.querySelector(".faimi-local")) { return; }
      caption.appendChild(span("faimi-local", "Below each time: your time, " + z.name(found[0].date) + "."));
    });
  }

  /* The picker's choices: none, then every zone the browser knows, by offset, named in
     words ("Eastern Daylight Time (UTC-04:00), New York"). */
  function options(select, device, chosen) {
    var now = new Date();
    var zones = (Intl.supportedValuesOf ? Intl.supportedValuesOf("timeZone") : []).slice();
    if (zones.indexOf(device) < 0) { zones.push(device); }
    if (zones.indexOf(chosen) < 0 && chosen !== NONE) { zones.push(chosen); }
    var entries = zones.filter(usable).map(function (zone) {
      var z = zoneFormat(zone);
      var offset = z.offset(now);
      var minutes = offset === "UTC" ? 0 : (offset[3] === "-" ? -1 : 1) *
        (parseInt(offset.substr(4, 2), 10) * 60 + parseInt(offset.substr(7, 2), 10));
      var label = z.name(now) + ", " + z.city + (zone === device ? " (this device)" : "");
      return { zone: zone, minutes: minutes, label: label };
    });
    entries.sort(function (a, b) { return a.minutes - b.minutes || (a.label < b.label ? -1 : 1); });
    var none = document.createElement("option");
    none.value = NONE;
    none.textContent = "None: only the event's own times";
    select.appendChild(none);
    entries.forEach(function (entry) {
      var option = document.createElement("option");
      option.value = entry.zone;
      option.textContent = entry.label;
      select.appendChild(option);
    });
    select.value = chosen;
  }

  /* The address of this page with ?tz= for ``zone`` (none for the device's zone). */
  function shareable(zone, device) {
    var url = new URL(window.location.href);
    if (zone === device) { url.searchParams.delete("tz"); } else { url.searchParams.set("tz", zone); }
    return url.toString();
  }

  function picker(device, chosen) {
    var box = document.createElement("div");
    box.className = "faimi-tz";
    var label = document.createElement("label");
    label.htmlFor = "faimi-tz-select";
    label.textContent = "Show times also in";
    var select = document.createElement("select");
    select.id = "faimi-tz-select";
    select.className = "faimi-tz__select";
    options(select, device, chosen);
    select.addEventListener("change", function () {
      store(select.value);
      show(select.value);
      try { window.history.replaceState(null, "", shareable(select.value, device)); } catch (e) { /* file: */ }
    });
    box.appendChild(label);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(select);
    return box;
  }

  function place(box) {
    var anchor = document.querySelector(".faimi-summary, .faimi-next-up");
    if (anchor) {
      anchor.parentNode.insertBefore(box, anchor.nextSibling);
      return;
    }
    var table = document.querySelector("table.faimi-agenda, table.faimi-dates");
    var first = table ? (table.closest(".table-wrapper") || table) : null;
    if (first) { first.parentNode.insertBefore(box, first); }
  }

  function setup() {
    var device;
    try { device = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    if (!usable(device)) { device = "Etc/UTC"; }
    var hosts = HOSTS.map(function (h) { return h.sel; }).join(", ");
    var any = Array.prototype.some.call(document.querySelectorAll(hosts), function (el) {
      return instants(el).length > 0;
    });
    if (!any) { return; } // no time of day on this page: nothing to show
    var asked = new URL(window.location.href).searchParams.get("tz");
    var chosen = device;
    if (asked && (asked === NONE || usable(asked))) {
      chosen = asked;
      store(asked);
    } else if (stored() === NONE || usable(stored())) {
      chosen = stored();
    }
    place(picker(device, chosen));
    show(chosen);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
