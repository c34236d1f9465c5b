"""The conflict engine measured on the labelled corpus (no database).

Runs the evaluation harness (``claims.evaluation.evaluate``) over the development corpus and
the demo, and over the real seed articles when they are available next to the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.evaluation import evaluate
from claims.nlp.pipeline import get_nlp

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def test_development_corpus_precision_and_recall(nlp):
    folders = [*sorted((ROOT / "corpus" / "dev").iterdir()), ROOT / "claims" / "demo"]
    folders = [f for f in folders if (f / "gold.json").is_file()]
    assert len(folders) >= 6
    report = evaluate(folders, nlp=nlp)
    overall = report.overall
    assert overall.gold >= 20
    assert {"negation", "attribution"} <= set(report.by_kind)
    false_flags = [f"{f.event}: {f.about}" for f in report.flags if f.verdict != "correct"]
    misses = [f"{event}: {item.id} {item.slot}" for event, item in report.misses]
    assert overall.precision >= 0.9, false_flags
    assert overall.recall >= 0.9, misses


def test_held_out_corpora_floor(nlp):
    """The held-out events (written without seeing the engine) are a floor, not a target.

    Each set was run once blind before any rule was changed for it (P / R): heldout4
    0.30 / 0.14, heldout5 0.38 / 0.25, heldout6 0.44 / 0.20, heldout7 0.54 / 0.35, heldout8
    0.57 / 0.29, heldout9 0.50 / 0.29, heldout10 0.82 / 0.39, heldout11 0.78 / 0.32,
    heldout12 0.80 / 0.36, heldout13 0.88 / 0.33, heldout14 0.54 / 0.40, heldout15
    0.38 / 0.15, heldout16 0.62 / 0.25, heldout17 0.64 / 0.35, heldout18 0.75 / 0.30,
    heldout19 0.62 / 0.40, heldout20 0.50 / 0.30, heldout21 0.67 / 0.40, heldout22
    0.73 / 0.40, heldout23 0.82 / 0.50, heldout24 0.50 / 0.15, heldout25 0.53 / 0.45,
    heldout26 0.58 / 0.35, heldout27 0.82 / 0.40, heldout28 0.82 / 0.50, heldout29
    0.55 / 0.30, heldout30 0.50 / 0.25, heldout31 0.78 / 0.40, heldout32 0.73 / 0.50,
    heldout33 0.86 / 0.60, heldout34 0.56 / 0.25, heldout35 0.62 / 0.25 and heldout36
    0.71 / 0.50 (each set's README says with which engine). Measured on 2026-11-30 over all
    thirty-six sets together (143 events, 715 gold conflicts): P = 0.89, R = 0.55
    (heldout29-31, heldout33 and heldout36 were scored unread).
    The floor sits just under that, so a change that makes the engine worse on text it was
    not written for fails here even if the development corpus passes.
    """
    folders = sorted(f for f in (ROOT / "corpus").glob("heldout*/*") if (f / "gold.json").is_file())
    assert len(folders) >= 143
    report = evaluate(folders, nlp=nlp)
    overall = report.overall
    assert overall.gold >= 715
    assert overall.precision >= 0.86, [f"{f.event}: {f.about}" for f in report.flags]
    assert overall.recall >= 0.52, [f"{event}: {item.slot}" for event, item in report.misses]


def test_seed_articles_every_conflict_found_and_no_false_flag(nlp):
    if not SEEDS.is_dir():
        pytest.skip(f"the real seed articles are not part of the repository ({SEEDS} missing)")
    report = evaluate([ROOT / "corpus" / "seeds"], articles_dir=SEEDS, nlp=nlp)
    assert report.overall.gold >= 1
    assert not report.misses, [item.slot for _, item in report.misses]
    assert all(flag.verdict == "correct" for flag in report.flags), [
        (flag.about, flag.verdict) for flag in report.flags
    ]
