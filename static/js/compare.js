// Compare view: link the same entity across columns, and scroll columns to a claim's sentence.
// Everything here is an enhancement; the page reads fine without it.
(function () {
  "use strict";

  function marksFor(entityId) {
    return document.querySelectorAll('mark[data-entity="' + CSS.escape(entityId) + '"]');
  }

  function setLinked(target, on) {
    var mark = target.closest && target.closest("mark[data-entity]");
    if (!mark) return;
    marksFor(mark.dataset.entity).forEach(function (m) {
      m.classList.toggle("linked", on);
    });
  }

  document.addEventListener("mouseover", function (e) { setLinked(e.target, true); });
  document.addEventListener("mouseout", function (e) { setLinked(e.target, false); });
  document.addEventListener("focusin", function (e) { setLinked(e.target, true); });
  document.addEventListener("focusout", function (e) { setLinked(e.target, false); });

  function showSentence(anchor) {
    var el = document.getElementById(anchor);
    if (!el) return false;
    el.scrollIntoView({ block: "center", inline: "nearest" });
    el.classList.remove("flash");
    void el.offsetWidth; // restart the animation
    el.classList.add("flash");
    return true;
  }

  // "Show in column" scrolls every column of the conflict, not only the one clicked.
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a.jump[data-anchor]");
    if (!link) return;
    var card = link.closest(".conflict-card");
    var anchors = card ? card.querySelectorAll("a.jump[data-anchor]") : [link];
    var shown = false;
    anchors.forEach(function (a) { shown = showSentence(a.dataset.anchor) || shown; });
    if (shown) e.preventDefault();
  });
})();
