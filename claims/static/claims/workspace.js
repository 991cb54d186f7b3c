// The editor's workspace: turn a mouse selection in the article into offsets, move between
// suggestions with the keyboard, show earlier similar claims and the wording hint while a claim
// is written, and post the forms with fetch: the server renders the workspace's body again
// (workspace_body.html) and it replaces the old one, keeping the scroll and the focus. Without
// this script the same forms post and the page reloads.
// Offsets are Python string indices (code points), so UTF-16 lengths are converted.
"use strict";

(function () {
  const root = document.querySelector(".ws");
  if (!root) return;
  root.classList.add("ws-js");
  const FRAGMENT_HEADER = "X-Workspace-Fragment";
  const PLACE_KEY = "ws-place:" + location.pathname;

  // Parts of the body are replaced after each action: look them up each time.
  function article() { return document.getElementById("ws-article"); }
  function panel() { return root.querySelector(".ws-panel"); }
  function newForm() { return document.getElementById("ws-new"); }
  function cards() { return Array.from(root.querySelectorAll(".ws-card")); }

  function codePoints(text) {
    return Array.from(text).length;
  }

  // The offset in the source text of a DOM selection boundary, or null outside the article.
  function offsetOf(node, offset) {
    const text = article();
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = node.parentElement.closest(".ws-seg");
      if (!seg || !text.contains(seg)) return null;
      return Number(seg.dataset.start) + codePoints(node.data.slice(0, offset));
    }
    const element = node.nodeType === Node.ELEMENT_NODE ? node : null;
    if (!element || !text.contains(element)) return null;
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
    const form = newForm();
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
      scheduleWording(claims, 0);
    }
    return true;
  }

  root.addEventListener("mouseup", function (event) {
    if (event.target.closest("#ws-article")) useSelection();
  });
  root.addEventListener("keyup", function (event) {
    if (event.target.closest("#ws-article")) useSelection();
  });

  // While a claim is written: earlier similar claims (the new statement's form) and the
  // wording hint (every claim field), both asked of the server after a pause in typing.
  root.addEventListener("input", function (event) {
    const field = event.target;
    if (field.name === "claims") {
      if (field.id === "ws-claims") {
        field.dataset.fromSelection = "0";
        scheduleSimilar(field.value);
      }
      scheduleWording(field, 300);
    } else if (field.name === "speaker") {
      const claims = field.form && field.form.elements.claims;
      if (claims) scheduleWording(claims, 300);
    }
  });
  root.addEventListener("change", function (event) {
    if (event.target.id === "ws-similar-language") showSimilar(newForm().elements.claims.value);
  });

  const wordingTimers = {};
  function scheduleWording(field, delay) {
    clearTimeout(wordingTimers[field.id]);
    wordingTimers[field.id] = setTimeout(function () { showWording(field); }, delay);
  }
  function showWording(field) {
    const hint = document.getElementById(field.id + "-wording");
    if (!hint) return;
    const speaker = field.form.elements.speaker;
    const url = root.dataset.wordingUrl + "?" + new URLSearchParams({
      text: field.value, speaker: speaker ? speaker.value : "", field: field.id,
    });
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || !field.isConnected) return;
        const fresh = document.createElement("template");
        fresh.innerHTML = data.html.trim();
        const replacement = fresh.content.querySelector(".ws-wording");
        if (replacement) hint.replaceWith(replacement);
      })
      .catch(function () {});
  }
  // "Use this wording": the rewording replaces its line in the claim's field.
  root.addEventListener("click", function (event) {
    const button = event.target.closest(".ws-wording-use");
    if (!button) return;
    const hint = button.closest(".ws-wording");
    const field = document.getElementById(hint.dataset.for);
    const lines = field.value.split("\n");
    const at = lines.findIndex(function (line) {
      return line.split(/\s+/).filter(Boolean).join(" ") === button.dataset.text;
    });
    if (at === -1) {
      field.value = button.dataset.suggestion;
    } else {
      lines[at] = button.dataset.suggestion;
      field.value = lines.join("\n");
    }
    field.dataset.fromSelection = "0";
    field.focus();
    scheduleWording(field, 0);
  });

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

  // Posting without a reload: the server answers with the workspace's body, rendered again
  // (with the form as it was typed and what was wrong, when it refused), which replaces the
  // old one. The article and the panel keep their scroll; focus goes where the body says
  // (data-focus: the next suggestion, the refused field). Should fetch fail, the form posts
  // as it would without this script.
  let posting = false;
  root.addEventListener("submit", function (event) {
    const form = event.target;
    if (!form.closest("#ws-body") || posting) return;
    event.preventDefault();
    const submitter = event.submitter;
    const action = submitter && submitter.hasAttribute("formaction") ? submitter.formAction : form.action;
    const data = new FormData(form);
    posting = true;
    root.setAttribute("aria-busy", "true");
    fetch(action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { [FRAGMENT_HEADER]: "1" },
    })
      .then(function (response) {
        if (!response.ok && response.status !== 400) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (html) { replaceBody(html); })
      .catch(function () {
        savePlace();
        form.action = action;
        HTMLFormElement.prototype.submit.call(form);
      })
      .finally(function () {
        posting = false;
        root.removeAttribute("aria-busy");
      });
  });

  function replaceBody(html) {
    const fresh = document.createElement("template");
    fresh.innerHTML = html;
    const body = fresh.content.getElementById("ws-body");
    if (!body) throw new Error("no workspace in the answer");
    const scroll = { article: article().scrollTop, panel: panel().scrollTop };
    document.getElementById("ws-body").replaceWith(body);
    article().scrollTop = scroll.article;
    panel().scrollTop = scroll.panel;
    applyFocus(body.dataset.focus);
  }

  function applyFocus(id) {
    const target = id && document.getElementById(id);
    if (!target) return;
    const card = target.closest(".ws-card");
    if (card && target === card) {
      focusCard(card);
    } else {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "nearest" });
      if (card) highlight(card.dataset.candidate);
    }
  }

  // A reload (a post without fetch, the browser's reload button) keeps the place too: the
  // scroll of the article and the panel and the focused element, kept for this page only.
  function savePlace() {
    try {
      sessionStorage.setItem(PLACE_KEY, JSON.stringify({
        article: article().scrollTop,
        panel: panel().scrollTop,
        focus: document.activeElement && document.activeElement.id,
      }));
    } catch (error) { /* storage refused: the place is not kept */ }
  }
  function restorePlace() {
    let place = null;
    try {
      place = JSON.parse(sessionStorage.getItem(PLACE_KEY) || "null");
      sessionStorage.removeItem(PLACE_KEY);
    } catch (error) { place = null; }
    const focus = document.getElementById("ws-body").dataset.focus;
    if (place && !location.hash) {
      article().scrollTop = place.article;
      panel().scrollTop = place.panel;
    }
    if (focus) {
      applyFocus(focus);
    } else if (place && place.focus) {
      const element = document.getElementById(place.focus);
      if (element) element.focus({ preventScroll: true });
    }
  }
  window.addEventListener("pagehide", savePlace);
  restorePlace();

  // Suggestions: clicking a highlight focuses its card; j/k/a/e/r act on the focused card.
  function highlight(index) {
    article().querySelectorAll(".ws-active").forEach(function (el) { el.classList.remove("ws-active"); });
    article().querySelectorAll('[data-candidate="' + index + '"]').forEach(function (el) {
      el.classList.add("ws-active");
    });
  }
  function focusCard(card) {
    if (!card) return;
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
    highlight(card.dataset.candidate);
    const first = article().querySelector('[data-candidate="' + card.dataset.candidate + '"]');
    if (first) first.scrollIntoView({ block: "nearest" });
  }
  root.addEventListener("click", function (event) {
    const seg = event.target.closest("#ws-article [data-candidate]");
    if (seg && window.getSelection().isCollapsed) {
      focusCard(document.getElementById("cand-" + seg.dataset.candidate));
    }
  });
  root.addEventListener("focusin", function (event) {
    if (event.target.classList && event.target.classList.contains("ws-card")) {
      highlight(event.target.dataset.candidate);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest("input, textarea, select, [contenteditable]")) return;
    const all = cards();
    const card = target.closest ? target.closest(".ws-card") : null;
    const position = card ? all.indexOf(card) : -1;
    const key = event.key;
    if (key === "j" || key === "k") {
      event.preventDefault();
      const next = key === "j" ? position + 1 : Math.max(position - 1, 0);
      focusCard(all[Math.min(next, all.length - 1)]);
    } else if (key === "n" && newForm()) {
      event.preventDefault();
      useSelection();
      newForm().elements.speaker.focus();
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
