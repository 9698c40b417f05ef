/* FAIMI: furo's menu toggles, operable from the keyboard.
 *
 * On a narrow screen furo opens its navigation drawer and its table of contents with
 * <label>s of hidden checkboxes, which a keyboard cannot reach. This script puts a real
 * <button> inside each such label (aria-expanded tells whether its drawer is open),
 * moves the focus into a drawer it opens, and closes it again with Escape, giving the
 * focus back to its button. The closed drawers are hidden (faimi.css), so that no Tab
 * stop lands on their links. Without JavaScript the labels work with a pointer, as in furo.
 */
(function () {
  "use strict";

  var DRAWERS = { __navigation: ".sidebar-drawer", __toc: ".toc-drawer" };
  var NAMES = { __navigation: "Site navigation", __toc: "Contents of this page" };
  var buttons = [];

  function sync() {
    buttons.forEach(function (b) { b.button.setAttribute("aria-expanded", b.box.checked ? "true" : "false"); });
  }

  function wire(label) {
    var box = document.getElementById(label.htmlFor);
    if (!box || !DRAWERS[box.id]) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "faimi-menu-button";
    button.setAttribute("aria-label", NAMES[box.id]);
    while (label.firstChild) { button.appendChild(label.firstChild); }
    label.appendChild(button);
    button.addEventListener("click", function () {
      box.checked = !box.checked;
      box.dispatchEvent(new Event("change", { bubbles: true }));
      if (box.checked) {
        var first = document.querySelector(DRAWERS[box.id] + " a[href], " + DRAWERS[box.id] + " input");
        // The drawer becomes visible with the checkbox: focus its first link once drawn.
        if (first) { window.requestAnimationFrame(function () { first.focus(); }); }
      }
    });
    buttons.push({ button: button, box: box });
  }

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll("label.nav-overlay-icon, label.toc-overlay-icon"), wire);
    Object.keys(DRAWERS).forEach(function (id) {
      var box = document.getElementById(id);
      if (box) { box.addEventListener("change", sync); }
    });
    sync();
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      buttons.forEach(function (b) {
        if (!b.box.checked) { return; }
        b.box.checked = false;
        sync();
        if (b.button.offsetParent !== null) { b.button.focus(); }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
