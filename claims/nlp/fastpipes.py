"""Array versions of spaCy's attribute ruler and rule lemmatizer: the same annotations, faster.

In the small English pipeline these two components cost about a fifth of the parse: the
attribute ruler runs a ``Matcher`` whose ``IN`` / ``NOT_IN`` / ``REGEX`` predicates are Python
callbacks on every token, and the lemmatizer walks the tokens in Python one ``Token`` at a
time. Both are pure functions of a few token attributes, so here they are computed once per
distinct combination of those attributes and cached:

* :class:`ArrayAttributeRuler` evaluates the ruler's own patterns (read from the component,
  not copied) on each distinct (lower, tag, dep, is_space) signature, finds the matches of
  one- and two-token patterns, and sets the attributes in the ruler's order (later rules win);
* :class:`ArrayLemmatizer` asks the stock lemmatizer once per (orth, pos, morph) and writes the
  lemmas with one ``Doc.from_array`` call.

:func:`install` swaps them in for the stock components only when it can reproduce them
(pattern operators it knows, rule mode); otherwise the pipeline is left as it was.
``tests/test_fastpipes.py`` checks token by token that the annotations are identical.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["ArrayAttributeRuler", "ArrayLemmatizer", "install"]

ATTRIBUTE_RULER = "newsdesk_attribute_ruler"
LEMMATIZER = "newsdesk_lemmatizer"

# The token attributes a pattern may test, in signature order.
_SIGNATURE = ("LOWER", "TAG", "DEP", "IS_SPACE")
_SET_ATTRS = ("POS", "TAG", "DEP", "LEMMA", "MORPH")
# Entries a cache keeps before it starts again (a worker runs for weeks; a news vocabulary
# fills a few tens of thousands of signatures).
CACHE_LIMIT = 200_000


class Unsupported(ValueError):
    """A pattern this module cannot evaluate exactly (the stock component stays)."""


def _predicate(attr: str, spec: Any) -> Callable[[tuple], bool]:
    """A test on a signature (lower, tag, dep, is_space as strings/bool) for one pattern key."""
    if attr not in _SIGNATURE:
        raise Unsupported(attr)
    pos = _SIGNATURE.index(attr)
    if not isinstance(spec, dict):
        return lambda sig: sig[pos] == spec
    if len(spec) != 1:
        raise Unsupported(spec)
    ((op, arg),) = spec.items()
    if op == "IN":
        values = frozenset(arg)
        return lambda sig: sig[pos] in values
    if op == "NOT_IN":
        values = frozenset(arg)
        return lambda sig: sig[pos] not in values
    if op == "REGEX":
        regex = re.compile(arg)
        return lambda sig: bool(regex.search(sig[pos]))
    raise Unsupported(op)


def _token_test(token_spec: dict) -> Callable[[tuple], bool]:
    if "OP" in token_spec:
        raise Unsupported("OP")
    tests = [_predicate(attr, spec) for attr, spec in token_spec.items()]
    return lambda sig: all(test(sig) for test in tests)


class ArrayAttributeRuler:
    """spaCy's ``AttributeRuler`` evaluated per distinct token signature (see module doc)."""

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import IDS

        names = {v: k for k, v in IDS.items()}
        self.vocab = ruler.vocab
        self.tests: list[Callable[[tuple], bool]] = []  # one per distinct token spec
        # (rule order, token-spec ids of the pattern, index of the token it sets)
        self.single: list[tuple[int, int]] = []  # (order, spec) for one-token patterns
        self.double: list[tuple[int, int, int, int]] = []  # (order, spec0, spec1, target)
        self.attrs: list[dict[str, int]] = []
        spec_ids: dict[str, int] = {}
        specs: list[dict] = []
        for order, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
            named = {names[k]: v for k, v in attrs.items()}
            if set(named) - set(_SET_ATTRS):
                raise Unsupported(named)
            self.attrs.append(named)
            for pattern in ruler.matcher.get(str(order))[1]:
                ids = []
                for token_spec in pattern:
                    key = repr(sorted(token_spec.items()))
                    if key not in spec_ids:
                        spec_ids[key] = len(self.tests)
                        self.tests.append(_token_test(token_spec))
                        specs.append(token_spec)
                    ids.append(spec_ids[key])
                target = index % len(pattern)
                if len(pattern) == 1:
                    self.single.append((order, ids[0]))
                elif len(pattern) == 2:
                    self.double.append((order, ids[0], ids[1], target))
                else:
                    raise Unsupported(pattern)
        # Index the specs so that a new signature tests only the few that may hold: most
        # name their word (exact or a list), the rest test only the tag, dependency or space.
        self.by_lower: dict[str, list[int]] = {}
        self.lower_free: list[int] = []  # specs testing the word by regex or not at all
        self.wordless: list[int] = []  # specs not testing the word: depend on (tag, dep, space)
        for spec_id, token_spec in enumerate(specs):
            lower = token_spec.get("LOWER")
            if isinstance(lower, str) or (isinstance(lower, dict) and "IN" in lower):
                for word in [lower] if isinstance(lower, str) else lower["IN"]:
                    self.by_lower.setdefault(word, []).append(spec_id)
            elif lower is None:
                self.wordless.append(spec_id)
            else:
                self.lower_free.append(spec_id)
        self.single_of: dict[int, list[int]] = {}
        for order, spec in self.single:
            self.single_of.setdefault(spec, []).append(order)
        self.double_of: dict[int, list[tuple[int, int, int]]] = {}
        for order, spec0, spec1, target in self.double:
            self.double_of.setdefault(spec0, []).append((order, spec1, target))
        self._wordless: dict[tuple, list[int]] = {}  # (tag, dep, space) ids -> wordless specs
        self._signatures: dict[tuple, tuple[frozenset[int], tuple[int, ...], tuple]] = {}
        self._merged: dict[tuple[int, ...], dict[str, int]] = {}

    def _signature(self, key: tuple) -> tuple[frozenset[int], tuple[int, ...], tuple]:
        """What a token with these (lower, tag, dep, is_space) ids satisfies: its spec ids, the
        one-token rules it matches, and the two-token rules it may start."""
        found = self._signatures.get(key)
        if found is None:
            if len(self._signatures) >= CACHE_LIMIT:
                self._signatures.clear()
            strings = self.vocab.strings
            sig = (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
            rest = key[1:]
            wordless = self._wordless.get(rest)
            if wordless is None:
                wordless = [i for i in self.wordless if self.tests[i](sig)]
                self._wordless[rest] = wordless
            candidates = self.by_lower.get(sig[0], []) + self.lower_free
            specs = frozenset(wordless + [i for i in candidates if self.tests[i](sig)])
            singles = tuple(order for spec in specs for order in self.single_of.get(spec, ()))
            starts = tuple(start for spec in specs for start in self.double_of.get(spec, ()))
            found = self._signatures[key] = (specs, singles, starts)
        return found

    def _merge(self, orders: tuple[int, ...]) -> dict[str, int]:
        merged = self._merged.get(orders)
        if merged is None:
            merged = {}
            for order in orders:  # the ruler applies matches by rule order: later rules win
                merged.update(self.attrs[order])
            self._merged[orders] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens import MorphAnalysis

        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()
        found = [self._signature(tuple(row)) for row in rows]
        targets = [list(singles) for _, singles, _ in found]
        for i, (_, _, starts) in enumerate(found[:-1]):
            for order, spec1, target in starts:
                if spec1 in found[i + 1][0]:
                    targets[i + target].append(order)
        vocab = doc.vocab
        for i, orders in enumerate(targets):
            if not orders:
                continue
            token = doc[i]
            for attr, value in self._merge(tuple(sorted(orders))).items():
                if attr == "MORPH":
                    token.morph = MorphAnalysis.from_id(vocab, value)
                else:
                    setattr(token, attr.lower(), value)
        return doc

    def pipe(self, docs: Iterable[Doc], **_: Any) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class ArrayLemmatizer:
    """spaCy's rule ``Lemmatizer``, asked once per (orth, pos, morph) and written in one call."""

    def __init__(self, lemmatizer: Any) -> None:
        if lemmatizer.mode != "rule":
            raise Unsupported(lemmatizer.mode)
        self.lemmatizer = lemmatizer
        self.overwrite = lemmatizer.overwrite
        self._cache: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        import numpy as np
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings = doc.vocab.strings
        added: dict[str, int] = {}
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            text = self._cache.get(key)
            if text is None:
                if len(self._cache) >= CACHE_LIMIT:
                    self._cache.clear()
                text = self._cache[key] = self.lemmatizer.lemmatize(doc[i])[0]
            value = added.get(text)
            if value is None:  # add per Doc: a memory zone may drop transient strings
                value = added[text] = strings.add(text)
            lemmas[i] = value
        doc.from_array([LEMMA], np.asarray(lemmas, dtype="uint64"))
        return doc

    def pipe(self, docs: Iterable[Doc], **_: Any) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def install(nlp: Language) -> bool:
    """Replace the stock attribute ruler and lemmatizer of ``nlp`` by their array versions.

    Returns whether they were replaced (both or neither)."""
    from spacy.language import Language as _Language

    if ATTRIBUTE_RULER in nlp.pipe_names:
        return True
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return False
    try:
        ruler = ArrayAttributeRuler(nlp.get_pipe("attribute_ruler"))
        lemmatizer = ArrayLemmatizer(nlp.get_pipe("lemmatizer"))
    except Unsupported:
        return False
    for name, stock, component in (
        (ATTRIBUTE_RULER, "attribute_ruler", ruler),
        (LEMMATIZER, "lemmatizer", lemmatizer),
    ):
        if name not in _Language.factories:
            _Language.factory(name, func=_take_prepared)
        _PREPARED[id(nlp), name] = component
        nlp.add_pipe(name, before=stock)
        nlp.remove_pipe(stock)
    return True


_PREPARED: dict[tuple[int, str], Any] = {}


def _take_prepared(nlp: Language, name: str) -> Any:
    """spaCy factory handing over the component :func:`install` prepared for this pipeline."""
    return _PREPARED.pop((id(nlp), name))
