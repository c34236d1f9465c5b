// Compare view: entity linking and pinning, legend and column toggles, conflict selection and
// keyboard triage. Everything here is an enhancement; the page reads and works without it.
// No inline scripts anywhere: this file is loaded with <script src> (CSP-friendly).
(function () {
  "use strict";

  var columns = document.getElementById("columns");
  var currentId = null; // id of the conflict card the keyboard acts on
  var pinned = null; // entity id pinned by a click

  document.querySelectorAll("[data-open-dialog]").forEach(function (b) { b.hidden = false; });
  document.querySelectorAll("[data-no-js]").forEach(function (b) { b.hidden = true; });

  // --- entities: hover/focus links mentions; click/Enter pins one -------------------------
  function marksFor(entityId) {
    return document.querySelectorAll('mark[data-entity="' + CSS.escape(entityId) + '"]');
  }

  function setLinked(target, on) {
    var mark = target.closest && target.closest("mark[data-entity]");
    if (!mark) return;
    marksFor(mark.dataset.entity).forEach(function (m) { m.classList.toggle("linked", on); });
  }

  document.addEventListener("mouseover", function (e) { setLinked(e.target, true); });
  document.addEventListener("mouseout", function (e) { setLinked(e.target, false); });
  document.addEventListener("focusin", function (e) { setLinked(e.target, true); });
  document.addEventListener("focusout", function (e) { setLinked(e.target, false); });

  function unpin() {
    document.querySelectorAll("mark.pinned").forEach(function (m) { m.classList.remove("pinned"); });
    pinned = null;
    var panel = document.getElementById("entity-panel");
    if (panel) { panel.hidden = true; panel.textContent = ""; }
  }

  function pin(entityId) {
    if (pinned === entityId) { unpin(); return; }
    unpin();
    pinned = entityId;
    marksFor(entityId).forEach(function (m) { m.classList.add("pinned"); });
    if (columns && columns.dataset.entityUrl && window.htmx) {
      var url = columns.dataset.entityUrl.replace(/0\/$/, encodeURIComponent(entityId) + "/");
      window.htmx.ajax("GET", url, { target: "#entity-panel", swap: "outerHTML" });
    }
  }

  // --- sentences of a conflict ------------------------------------------------------------
  function showSentence(anchor, first) {
    var el = document.getElementById(anchor);
    if (!el) return false;
    el.classList.add("selected");
    var box = el.closest(".column-text");
    if (box) {
      box.scrollTop = Math.max(0, el.offsetTop - box.clientHeight / 3);
      var column = box.closest(".column");
      if (first && column && columns) {
        var left = column.offsetLeft - columns.offsetLeft;
        if (left < columns.scrollLeft || left + column.offsetWidth > columns.scrollLeft + columns.clientWidth) {
          columns.scrollLeft = left;
        }
      }
    }
    el.classList.remove("flash");
    void el.offsetWidth; // restart the animation
    el.classList.add("flash");
    return true;
  }

  function cards() {
    return Array.prototype.slice.call(document.querySelectorAll("#conflict-panel .conflict-card"));
  }

  function current() {
    return currentId ? document.getElementById(currentId) : null;
  }

  function markCurrent(card) {
    document.querySelectorAll(".conflict-card.current").forEach(function (c) {
      c.classList.remove("current");
    });
    currentId = card ? card.id : null;
    if (card) card.classList.add("current");
  }

  function selectConflict(card, focus) {
    markCurrent(card);
    document.querySelectorAll(".claim-sentence.selected").forEach(function (s) {
      s.classList.remove("selected");
    });
    var shown = false;
    card.querySelectorAll("a.jump[data-anchor]").forEach(function (a, i) {
      shown = showSentence(a.dataset.anchor, i === 0) || shown;
    });
    if (focus) {
      card.focus({ preventScroll: true });
      card.scrollIntoView({ block: "nearest" });
    }
    return shown;
  }

  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!t.closest) return;
    var opener = t.closest("[data-open-dialog]");
    if (opener) {
      var dialog = document.getElementById(opener.dataset.openDialog);
      if (dialog && dialog.showModal) dialog.showModal();
      return;
    }
    var mark = t.closest("mark[data-entity]");
    if (mark) { pin(mark.dataset.entity); return; }
    if (t.closest("[data-unpin]")) { e.preventDefault(); unpin(); return; }
    var legend = t.closest("button.legend-toggle");
    if (legend && columns) {
      var on = legend.getAttribute("aria-pressed") !== "true";
      legend.setAttribute("aria-pressed", on ? "true" : "false");
      columns.classList.toggle("hide-" + legend.dataset.group, !on);
      return;
    }
    var link = t.closest("a.jump[data-anchor]");
    if (link) {
      var card = link.closest(".conflict-card");
      var shown = card ? selectConflict(card, false) : showSentence(link.dataset.anchor, true);
      if (shown) e.preventDefault();
    }
  });

  // Clicking or tabbing into a card makes it the one the keys act on.
  document.addEventListener("focusin", function (e) {
    var card = e.target.closest && e.target.closest(".conflict-card");
    if (card) markCurrent(card);
  });

  // Column toggles apply at once; the order select reloads with the new order.
  document.addEventListener("change", function (e) {
    var t = e.target;
    if (t.matches("input[data-column]")) {
      var column = document.getElementById(t.dataset.column);
      if (column) column.hidden = !t.checked;
    } else if (t.id === "column-order" && t.form) {
      t.form.submit();
    }
  });

  // --- after a decision: new highlight for the sentences it touched -----------------------
  document.body.addEventListener("conflictResolved", function (e) {
    var sentences = (e.detail && e.detail.sentences) || {};
    Object.keys(sentences).forEach(function (anchor) {
      var el = document.getElementById(anchor);
      if (!el) return;
      var keep = el.classList.contains("selected") ? " selected" : "";
      el.className = sentences[anchor].css + keep;
      if (sentences[anchor].title) el.title = sentences[anchor].title;
      else el.removeAttribute("title");
    });
  });

  // A swapped card or panel: keep the keyboard's place.
  document.body.addEventListener("htmx:afterSettle", function () {
    var card = current();
    if (!card) { currentId = null; return; }
    card.classList.add("current");
    if (document.activeElement === document.body) card.focus({ preventScroll: true });
  });

  // --- keyboard triage ---------------------------------------------------------------------
  function typing(t) {
    return t && (t.isContentEditable || (t.closest && t.closest("input, textarea, select")));
  }

  function press(card, decision) {
    var button = card && card.querySelector('button[name="decision"][value="' + decision + '"]');
    if (button && !button.disabled) { button.click(); return true; }
    return false;
  }

  document.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    var t = e.target;
    if (typing(t) || document.querySelector("dialog[open]")) return;
    if ((e.key === "Enter" || e.key === " ") && t.matches && t.matches("mark[data-entity]")) {
      e.preventDefault();
      pin(t.dataset.entity);
      return;
    }
    if (t.closest && t.closest("button, a, summary") && (e.key === "Enter" || e.key === " ")) return;
    var list = cards();
    var card = current();
    var handled = true;
    if (e.key === "j" || e.key === "k") {
      if (!list.length) return;
      var i = list.indexOf(card);
      if (i === -1) i = e.key === "j" ? 0 : list.length - 1;
      else i = Math.min(list.length - 1, Math.max(0, i + (e.key === "j" ? 1 : -1)));
      selectConflict(list[i], true);
    } else if (/^[1-9]$/.test(e.key)) {
      var radio = card && card.querySelector('input[type=radio][data-key="' + e.key + '"]');
      if (radio) { radio.checked = true; press(card, "pick"); } else handled = false;
    } else if (e.key === "n") {
      handled = press(card, "not_conflict");
    } else if (e.key === "u") {
      handled = press(card, "cant_verify");
    } else if (e.key === "r") {
      handled = press(card, "reopen");
    } else if (e.key === "/") {
      var search = document.getElementById("conflict-q");
      if (search) search.focus(); else handled = false;
    } else if (e.key === "?") {
      var sheet = document.getElementById("shortcuts");
      if (sheet && sheet.showModal) sheet.showModal(); else handled = false;
    } else {
      handled = false;
    }
    if (handled) e.preventDefault();
  });
})();
