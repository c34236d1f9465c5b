"""Render an article's stored text as HTML with entity marks and sentence anchors.

Offsets index ``Article.text`` exactly. The text is escaped piece by piece, so nothing from an
article is ever rendered as markup. Spans are kept properly nested: a mention that crosses a
sentence boundary is split into two marks with the same entity.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# spaCy labels grouped into the kinds an editor cares about (one colour each in the legend).
LABEL_GROUPS: dict[str, str] = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "DATE": "time",
    "TIME": "time",
    "CARDINAL": "number",
    "ORDINAL": "number",
    "QUANTITY": "number",
    "MONEY": "number",
    "PERCENT": "number",
}
GROUP_NAMES = {
    "person": "People",
    "org": "Organisations",
    "place": "Places",
    "group": "Nationalities and groups",
    "time": "Dates and times",
    "number": "Numbers",
    "other": "Other names",
}


def label_group(label: str) -> str:
    return LABEL_GROUPS.get(label, "other")


@dataclass(frozen=True, slots=True)
class MarkSpan:
    start: int
    end: int
    label: str
    entity_id: int | None
    title: str


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    start: int
    end: int
    anchor: str
    css: str
    title: str = ""


def render_article(
    text: str, marks: Iterable[MarkSpan], sentences: Iterable[SentenceSpan]
) -> SafeString:
    marks = _non_overlapping(sorted(marks, key=lambda m: (m.start, -m.end)), len(text))
    sentence_list = _non_overlapping(sorted(sentences, key=lambda s: (s.start, -s.end)), len(text))
    cuts = {0, len(text)}
    for span in (*marks, *sentence_list):
        cuts.update((span.start, span.end))
    points = sorted(cuts)
    out: list[str] = []
    open_sentence: SentenceSpan | None = None
    open_mark: MarkSpan | None = None
    anchored: set[str] = set()
    si = mi = 0
    for a, b in pairwise(points):
        while si < len(sentence_list) and sentence_list[si].end <= a:
            si += 1
        while mi < len(marks) and marks[mi].end <= a:
            mi += 1
        sentence = (
            sentence_list[si] if si < len(sentence_list) and sentence_list[si].start <= a else None
        )
        mark = marks[mi] if mi < len(marks) and marks[mi].start <= a else None
        if sentence is not open_sentence:
            if open_mark is not None:
                out.append("</mark>")
                open_mark = None
            if open_sentence is not None:
                out.append("</span>")
            if sentence is not None:
                id_attr = ""
                if sentence.anchor not in anchored:
                    anchored.add(sentence.anchor)
                    id_attr = f' id="{escape(sentence.anchor)}"'
                title_attr = f' title="{escape(sentence.title)}"' if sentence.title else ""
                out.append(f'<span{id_attr} class="{escape(sentence.css)}"{title_attr}>')
            open_sentence = sentence
        if mark is not open_mark:
            if open_mark is not None:
                out.append("</mark>")
            if mark is not None:
                entity = f' data-entity="{mark.entity_id}"' if mark.entity_id else ""
                group, label, title = (
                    label_group(mark.label),
                    escape(mark.label),
                    escape(mark.title),
                )
                out.append(
                    f'<mark class="ent ent-{group}" data-label="{label}"{entity} tabindex="0"'
                    f' title="{title}">'
                )
            open_mark = mark
        out.append(escape(text[a:b]))
    if open_mark is not None:
        out.append("</mark>")
    if open_sentence is not None:
        out.append("</span>")
    return mark_safe("".join(out))


def _non_overlapping[T: (MarkSpan, SentenceSpan)](spans: Sequence[T], length: int) -> list[T]:
    """Drop spans that overlap an earlier one (spaCy's entities never do; this guards anchors)."""
    kept: list[T] = []
    last_end = 0
    for span in spans:
        if span.start >= last_end and span.end > span.start and span.end <= length:
            kept.append(span)
            last_end = span.end
    return kept
