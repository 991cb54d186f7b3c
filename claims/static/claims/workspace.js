// The editor's workspace: turn a mouse selection in the article into offsets, move between
// suggestions with the keyboard, and show earlier similar claims while a claim is written.
// Offsets are Python string indices (code points), so UTF-16 lengths are converted.
"use strict";

(function () {
  const root = document.querySelector(".ws");
  if (!root) return;
  const article = document.getElementById("ws-article");
  const form = document.getElementById("ws-new");
  const cards = Array.from(document.querySelectorAll(".ws-card"));

  function codePoints(text) {
    return Array.from(text).length;
  }

  // The offset in the source text of a DOM selection boundary, or null outside the article.
  function offsetOf(node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = node.parentElement.closest(".ws-seg");
      if (!seg || !article.contains(seg)) return null;
      return Number(seg.dataset.start) + codePoints(node.data.slice(0, offset));
    }
    const element = node.nodeType === Node.ELEMENT_NODE ? node : null;
    if (!element || !article.contains(element)) return null;
    if (element.classList.contains("ws-seg")) {
      return offset === 0 ? Number(element.dataset.start) : Number(element.dataset.end);
    }
    const segs = Array.from(element.querySelectorAll(".ws-seg"));
    if (!segs.length) return null;
    const child = element.childNodes[offset];
    const next = child && child.nodeType === Node.ELEMENT_NODE
      ? (child.classList.contains("ws-seg") ? child : child.querySelector(".ws-seg"))
      : null;
    return next ? Number(next.dataset.start) : Number(segs[segs.length - 1].dataset.end);
  }

  function currentSpan() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    const range = selection.getRangeAt(0);
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return { start: start, end: end, text: selection.toString() };
  }

  function useSelection() {
    if (!form) return false;
    const span = currentSpan();
    if (!span) return false;
    form.elements.start.value = span.start;
    form.elements.end.value = span.end;
    document.getElementById("ws-selection").textContent =
      "“" + span.text + "” (" + span.start + "–" + span.end + ")";
    const claims = form.elements.claims;
    if (!claims.value || claims.dataset.fromSelection === "1") {
      claims.value = span.text.trim();
      claims.dataset.fromSelection = "1";
      showSimilar(claims.value);
    }
    return true;
  }

  if (form) {
    article.addEventListener("mouseup", useSelection);
    article.addEventListener("keyup", useSelection);
    form.elements.claims.addEventListener("input", function () {
      form.elements.claims.dataset.fromSelection = "0";
      scheduleSimilar(form.elements.claims.value);
    });
    const only = document.getElementById("ws-similar-language");
    if (only) only.addEventListener("change", function () { showSimilar(form.elements.claims.value); });
  }

  // Earlier similar claims, with their verdicts, for the claim being written.
  let timer = null;
  function scheduleSimilar(text) {
    clearTimeout(timer);
    timer = setTimeout(function () { showSimilar(text); }, 300);
  }
  function showSimilar(text) {
    const box = document.getElementById("ws-similar");
    const line = (text || "").split("\n").find(function (l) { return l.trim(); }) || "";
    if (!box || !line.trim()) { if (box) box.replaceChildren(); return; }
    const only = document.getElementById("ws-similar-language");
    let url = root.dataset.similarUrl + "?q=" + encodeURIComponent(line);
    if (only && only.checked) url += "&language=" + encodeURIComponent(only.value);
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { matches: [] }; })
      .then(function (data) {
        box.replaceChildren();
        (data.external || []).forEach(function (e) {
          const line = document.createElement("p");
          line.className = "ws-external";
          const link = document.createElement("a");
          link.href = e.url;
          link.rel = "noopener noreferrer";
          link.textContent = e.claim_text;
          line.append(link, " · " + e.line);
          box.append(line);
        });
        if (!data.matches.length) return;
        const title = document.createElement("p");
        title.textContent = "Similar earlier claims:";
        const list = document.createElement("ul");
        data.matches.forEach(function (m) {
          const item = document.createElement("li");
          const link = document.createElement("a");
          link.href = m.url;
          link.textContent = m.text;
          const why = document.createElement("small");
          why.textContent = m.why;
          item.append(link, " · " + m.speaker + " · " + (m.verdict || m.status), document.createElement("br"), why);
          if (m.different_figure) item.className = "ws-figure-differs";
          list.append(item);
        });
        box.append(title, list);
      })
      .catch(function () { box.replaceChildren(); });
  }

  // Suggestions: clicking a highlight focuses its card; j/k/a/e/r act on the focused card.
  function highlight(index) {
    article.querySelectorAll(".ws-active").forEach(function (el) { el.classList.remove("ws-active"); });
    article.querySelectorAll('[data-candidate="' + index + '"]').forEach(function (el) {
      el.classList.add("ws-active");
    });
  }
  function focusCard(card) {
    if (!card) return;
    card.focus();
    card.scrollIntoView({ block: "nearest" });
    highlight(card.dataset.candidate);
    const first = article.querySelector('[data-candidate="' + card.dataset.candidate + '"]');
    if (first) first.scrollIntoView({ block: "nearest" });
  }
  article.addEventListener("click", function (event) {
    const seg = event.target.closest("[data-candidate]");
    if (seg && window.getSelection().isCollapsed) {
      focusCard(document.getElementById("cand-" + seg.dataset.candidate));
    }
  });
  cards.forEach(function (card) {
    card.addEventListener("focus", function () { highlight(card.dataset.candidate); });
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest("input, textarea, select, [contenteditable]")) return;
    const card = target.closest ? target.closest(".ws-card") : null;
    const position = card ? cards.indexOf(card) : -1;
    const key = event.key;
    if (key === "j" || key === "k") {
      event.preventDefault();
      const next = key === "j" ? position + 1 : Math.max(position - 1, 0);
      focusCard(cards[Math.min(next, cards.length - 1)]);
    } else if (key === "n" && form) {
      event.preventDefault();
      useSelection();
      form.elements.speaker.focus();
    } else if (card && (key === "a" || key === "r")) {
      const button = card.querySelector(key === "a" ? ".ws-accept" : ".ws-reject");
      if (button) { event.preventDefault(); button.click(); }
    } else if (card && key === "e") {
      const details = card.querySelector("details");
      if (details) {
        event.preventDefault();
        details.open = true;
        details.querySelector("textarea").focus();
      }
    }
  });
})();
