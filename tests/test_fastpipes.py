"""The array attribute ruler and lemmatizer give exactly spaCy's annotations (no database).

Our pipeline (``get_nlp``) runs :mod:`claims.nlp.fastpipes` in place of the stock attribute
ruler and lemmatizer. Here a freshly loaded stock pipeline and ours parse the same texts, and
every token must carry the same part of speech, tag, dependency, head, lemma, morphology and
entity. The texts are the development corpus (written for this project) and sentences built
to hit the ruler's rarer patterns: two-token rules ("ain't", "gonna", "y'all", "let's"),
regular expressions, dependency tests and the ``NOT_IN`` operator.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.nlp import fastpipes
from claims.nlp.pipeline import DEFAULT_MODEL, get_nlp

ROOT = Path(__file__).resolve().parent.parent

ODD_TEXTS = [
    "Y'all ain't gonna believe it, but we're gonna win. Let's go! I gotta say nothin' beats it.",
    "There is a ferry at noon. There's hope, and there were 40 people aboard.",
    "It's said that they've done it and he'd have gone home. Give it to me, I told you.",
    "She does n't know whether it was, tho he came because it rained.",
    "He hasn't any doubt; they have had enough, and she had left. Did they? They did.",
    "The 3rd of May, 1998: 2,400 volunteers (about 12%) walked 7.5km in 48 hours.",
    "   \n\n  Spaces   between\twords\n\n- a bullet\n",
]


def _annotations(doc) -> list[tuple]:
    return [
        (t.text, t.pos_, t.tag_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.ent_type_) for t in doc
    ]


@pytest.fixture(scope="module")
def stock():
    import spacy

    return spacy.load(DEFAULT_MODEL)


def test_our_pipeline_runs_the_array_components():
    names = get_nlp().pipe_names
    assert fastpipes.ATTRIBUTE_RULER in names and fastpipes.LEMMATIZER in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names
    assert names.index(fastpipes.ATTRIBUTE_RULER) < names.index(fastpipes.LEMMATIZER)


def test_same_annotations_as_the_stock_components(stock):
    import spacy

    ours = spacy.load(DEFAULT_MODEL)
    assert fastpipes.install(ours)
    texts = ODD_TEXTS + [p.read_text() for p in sorted(ROOT.glob("corpus/dev/*/*.txt"))]
    assert len(texts) > 20
    # twice: the second pass runs on the caches the first one filled
    for _ in range(2):
        for expected, got in zip(stock.pipe(texts), ours.pipe(texts), strict=True):
            assert _annotations(got) == _annotations(expected)


def test_the_two_token_rules_fire(stock):
    import spacy

    ours = spacy.load(DEFAULT_MODEL)
    fastpipes.install(ours)
    doc = ours("You ain't gonna stop us, so let's go.")
    lemmas = {t.text: t.lemma_ for t in doc}
    # set by the ruler's two-token patterns, not by the lemmatizer's tables
    assert lemmas["ai"] == "be" and lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert _annotations(doc) == _annotations(stock("You ain't gonna stop us, so let's go."))


def test_a_pattern_it_cannot_reproduce_leaves_the_stock_components():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"TAG": "RB"})
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert fastpipes.install(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler", "lemmatizer"]


def test_a_lookup_lemmatizer_is_left_alone():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert fastpipes.install(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler", "lemmatizer"]


def test_the_caches_start_again_at_their_limit(stock, monkeypatch):
    import spacy

    monkeypatch.setattr(fastpipes, "CACHE_LIMIT", 5)
    ours = spacy.load(DEFAULT_MODEL)
    fastpipes.install(ours)
    text = ODD_TEXTS[0] + " " + ODD_TEXTS[4]
    for _ in range(2):
        assert _annotations(ours(text)) == _annotations(stock(text))
    ruler = ours.get_pipe(fastpipes.ATTRIBUTE_RULER)
    lemmatizer = ours.get_pipe(fastpipes.LEMMATIZER)
    assert len(ruler._signatures) <= 5 and len(lemmatizer._cache) <= 5
