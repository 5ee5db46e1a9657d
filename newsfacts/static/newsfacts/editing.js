// The editors' pages: offsets are code points (as stored), the browser counts UTF-16 units: convert both ways.
"use strict";
(function () {
  // Code points in the first `units` UTF-16 units of `text` (an astral character such as an emoji is two units).
  function codePoints(text, units) {
    return Array.from(text.slice(0, units)).length;
  }
  window.nfCodePoints = codePoints;

  function offsetIn(container, node, offset) {
    // UTF-16 offset of (node, offset) from the start of container's text.
    const range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function setupAdd() {
    const box = document.getElementById("nf-article-text");
    if (!box) return;
    const form = document.getElementById("add-item-form");
    const shown = document.getElementById("nf-selection");
    const offsets = document.getElementById("nf-offsets");
    const text = box.textContent;
    document.addEventListener("selectionchange", function () {
      const selection = window.getSelection();
      if (!selection.rangeCount) return;
      const range = selection.getRangeAt(0);
      if (range.collapsed || !box.contains(range.startContainer) || !box.contains(range.endContainer)) return;
      const from = offsetIn(box, range.startContainer, range.startOffset);
      const to = offsetIn(box, range.endContainer, range.endOffset);
      const start = codePoints(text, from);
      const end = codePoints(text, to);
      form.elements.start.value = start;
      form.elements.end.value = end;
      shown.textContent = text.slice(from, to);
      offsets.textContent = "(characters " + start + " to " + end + ")";
    });
    box.dataset.ready = "1";
  }

  function setupSpan() {
    const window_ = document.getElementById("nf-span-window");
    if (!window_) return;
    const form = document.getElementById("span-form");
    const preview = document.getElementById("nf-span-preview");
    const chars = Array.from(window_.textContent);
    const base = parseInt(window_.dataset.offset, 10);
    function update() {
      const start = parseInt(form.elements.start.value, 10) - base;
      const end = parseInt(form.elements.end.value, 10) - base;
      preview.textContent =
        start >= 0 && end > start && end <= chars.length ? chars.slice(start, end).join("") : "(outside this sentence)";
    }
    form.elements.start.addEventListener("input", update);
    form.elements.end.addEventListener("input", update);
    update();
    window_.dataset.ready = "1";
  }

  function setup() {
    setupAdd();
    setupSpan();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
