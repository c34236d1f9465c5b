"""The evaluation harness: run the engine on a labelled corpus and score its conflicts.

A corpus event is a folder of articles in the import format plus ``gold.json`` (format in
``corpus/README.md`` and ENGINE.md). No database is involved: articles go through the same
cleaning, spaCy analysis and event alignment as in production, straight from the files.

Matching (ENGINE.md): a system conflict matches a gold conflict when it holds claims from two
different sides, each from a file of that side whose sentence contains that file's evidence
snippet. Precision counts system conflicts that match a gold conflict; flags that match an
agreement, a near-miss or nothing count against it. Recall counts gold conflicts matched by
at least one system conflict.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claims.importing import parse_import_text, prepare_body

CATEGORIES = ("conflicts", "agreements", "near_misses")


@dataclass(slots=True)
class GoldItem:
    id: str
    category: str  # conflicts | agreements | near_misses
    slot: str
    kind: str
    sides: list[dict[str, Any]]

    def side_of(self, file: str, sentence: str) -> int | None:
        """Index of the side whose evidence for ``file`` lies in ``sentence``, if any.

        Evidence is a snippet or a list of snippets (a file may state a value twice)."""
        folded = _fold(sentence)
        for index, side in enumerate(self.sides):
            evidence = side.get("evidence", {}).get(file) or []
            snippets = [evidence] if isinstance(evidence, str) else evidence
            if any(_fold(snippet) in folded for snippet in snippets if snippet):
                return index
        return None


@dataclass(slots=True)
class CorpusArticle:
    file: str
    outlet: str
    published: dt.date | None
    text: str


@dataclass(slots=True)
class CorpusEvent:
    name: str
    articles: list[CorpusArticle]
    gold: list[GoldItem]


@dataclass(slots=True)
class FlagClaim:
    file: str
    outlet: str
    sentence: str
    value: str
    display: str


@dataclass(slots=True)
class Flag:
    """A conflict the engine reported, with what it matched in the gold labels."""

    event: str
    kind: str
    about: str
    explanation: str
    confidence: float
    claims: list[FlagClaim]
    matched: list[GoldItem] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        categories = {item.category for item in self.matched}
        if "conflicts" in categories:
            return "correct"
        if "near_misses" in categories:
            return "false flag (near-miss)"
        if "agreements" in categories:
            return "false flag (agreement)"
        return "false flag (unlabelled)"


@dataclass(slots=True)
class KindScore:
    true_flags: int = 0
    flags: int = 0
    found: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_flags / self.flags if self.flags else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Report:
    flags: list[Flag]
    misses: list[tuple[str, GoldItem]]
    by_kind: dict[str, KindScore]
    overall: KindScore


def _fold(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).casefold()


# --- loading --------------------------------------------------------------------------------


def load_event(folder: Path, *, articles_dir: Path | None = None) -> CorpusEvent:
    """Load ``folder/gold.json`` and its articles (from ``articles_dir`` when given).

    ``gold.json`` may hold ``"articles": {file: {"outlet": ..., "date": "YYYY-MM-DD"}}`` for
    files without header lines (the real sample articles).
    """
    gold_data = json.loads((folder / "gold.json").read_text())
    # The demo keeps its articles in an ``articles/`` subfolder next to gold.json.
    source = articles_dir or (folder / "articles" if (folder / "articles").is_dir() else folder)
    meta: dict[str, dict[str, str]] = gold_data.get("articles", {})
    files = sorted(meta) if meta else sorted(p.name for p in source.glob("*.txt"))
    articles = []
    for name in files:
        parsed = parse_import_text((source / name).read_text(encoding="utf-8"))
        info = meta.get(name, {})
        date = info.get("date")
        articles.append(
            CorpusArticle(
                file=name,
                outlet=info.get("outlet") or parsed.outlet or name,
                published=dt.date.fromisoformat(date) if date else parsed.published_on,
                text=prepare_body(parsed.body),
            )
        )
    gold = [
        GoldItem(
            id=item["id"],
            category=category,
            slot=item.get("slot", ""),
            kind=item.get("kind", ""),
            sides=item.get("sides", []),
        )
        for category in CATEGORIES
        for item in gold_data.get(category, [])
    ]
    return CorpusEvent(name=gold_data.get("event", folder.name), articles=articles, gold=gold)


# --- running and scoring ----------------------------------------------------------------------


def run_engine(event: CorpusEvent, *, nlp: Any = None) -> list[Flag]:
    """Analyse the event's articles with the production pipeline and return its conflicts."""
    from claims.nlp.event import EventArticle, analyse_event
    from claims.nlp.pipeline import analyse_articles

    analyses = analyse_articles([(a.text, a.published) for a in event.articles], nlp=nlp)
    result = analyse_event(
        [
            EventArticle(article_id=i, outlet=a.outlet, mentions=an.mentions, claims=an.claims)
            for i, (a, an) in enumerate(zip(event.articles, analyses, strict=True))
        ]
    )
    flags = []
    for conflict in result.conflicts:
        claims = []
        for ec in conflict.claims:
            article = event.articles[ec.article_id]
            c = ec.claim
            claims.append(
                FlagClaim(
                    file=article.file,
                    outlet=article.outlet,
                    sentence=article.text[c.sentence_start : c.sentence_end],
                    value=c.value_text,
                    display=c.display,
                )
            )
        flags.append(
            Flag(
                event=event.name,
                kind=conflict.kind,
                about=conflict.about,
                explanation=conflict.explanation,
                confidence=conflict.confidence,
                claims=claims,
            )
        )
    return flags


def matches(item: GoldItem, flag: Flag) -> bool:
    """True when the flag holds claims from two different sides of ``item`` (for agreements,
    which have one side, two claims from two different files of that side)."""
    sides: dict[int, set[str]] = defaultdict(set)
    for claim in flag.claims:
        side = item.side_of(claim.file, claim.sentence)
        if side is not None:
            sides[side].add(claim.file)
    if len(sides) >= 2:
        return True
    return item.category == "agreements" and any(len(files) >= 2 for files in sides.values())


def score(events: Sequence[tuple[CorpusEvent, list[Flag]]]) -> Report:
    by_kind: dict[str, KindScore] = defaultdict(KindScore)
    overall = KindScore()
    all_flags: list[Flag] = []
    misses: list[tuple[str, GoldItem]] = []
    for event, flags in events:
        found: set[str] = set()
        for flag in flags:
            flag.matched = [item for item in event.gold if matches(item, flag)]
            correct = [item for item in flag.matched if item.category == "conflicts"]
            found.update(item.id for item in correct)
            for bucket in (by_kind[flag.kind], overall):
                bucket.flags += 1
                bucket.true_flags += bool(correct)
            all_flags.append(flag)
        for item in event.gold:
            if item.category != "conflicts":
                continue
            for bucket in (by_kind[item.kind], overall):
                bucket.gold += 1
                bucket.found += item.id in found
            if item.id not in found:
                misses.append((event.name, item))
    return Report(flags=all_flags, misses=misses, by_kind=dict(by_kind), overall=overall)


def evaluate(folders: Iterable[Path], *, articles_dir: Path | None = None, nlp: Any = None):
    events = [load_event(folder, articles_dir=articles_dir) for folder in folders]
    return score([(event, run_engine(event, nlp=nlp)) for event in events])


# --- printing ---------------------------------------------------------------------------------


def format_report(report: Report) -> str:
    lines = [f"{'kind':<12} {'P':>6} {'R':>6} {'F1':>6}  flags  gold"]
    for kind, s in sorted(report.by_kind.items()):
        lines.append(
            f"{kind:<12} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f}  {s.flags:5d} {s.gold:5d}"
        )
    o = report.overall
    lines.append(
        f"{'overall':<10} {o.precision:6.2f} {o.recall:6.2f} {o.f1:6.2f}  {o.flags:5d} {o.gold:5d}"
    )
    false_flags = [f for f in report.flags if f.verdict != "correct"]
    lines.append(f"\nMissed gold conflicts ({len(report.misses)}):")
    for event, item in report.misses:
        lines.append(f"  [{event}] {item.id} ({item.kind}) {item.slot}")
        for side in item.sides:
            for file, snippet in side.get("evidence", {}).items():
                lines.append(f"      {side.get('value', '')!s:<18} {file}: “{snippet}”")
    lines.append(f"\nFalse flags ({len(false_flags)}):")
    for flag in false_flags:
        labels = ", ".join(item.id for item in flag.matched) or "-"
        lines.append(f"  [{flag.event}] {flag.verdict} [{labels}] {flag.kind}: {flag.about}")
        for claim in flag.claims:
            lines.append(f"      {claim.outlet} = {claim.display} ({claim.file}): {claim.sentence}")
    return "\n".join(lines)
