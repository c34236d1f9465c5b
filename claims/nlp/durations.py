"""DURATION claims: how long something lasted.

"the strike lasted 16 days", "spent 19 months in custody" (= was held), a winning margin ("42
seconds ahead of Ferrou", "beat Orindo by 11 seconds"), a deadline met ("within 12 minutes")
or a time allowed ("given two hours to leave"). Keyed ``duration|<predicate class>|<thing>``
plus a scope (a plan, another instance or year, "left", "within", "allowed", "sought", "so
far").

* "six minutes of added time": a duration of the thing after "of".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claims.nlp import lexicon as lx
from claims.nlp import normalize as nz
from claims.nlp.grammar import (
    ArticleState,
    _base_claim,
    _field,
    _governor,
    _inside_consumed,
    _instance_scope,
    _key,
    _negated,
    _other_instance,
    _participle,
    _passive,
    _past,
    _planned,
    _pred_class,
    _predicate,
    _Ref,
    _ref,
    _remaining,
    _subject_token,
    _the,
    _Value,
    _year_scope,
)
from claims.nlp.types import ClaimData, ClaimKind

if TYPE_CHECKING:  # pragma: no cover - typing only; spaCy is imported lazily at runtime
    from spacy.tokens import Doc, Span, Token


def _build_duration(sent: Span, value: _Value, state: ArticleState) -> ClaimData | None:
    doc = sent.doc
    span = doc[value.start : value.end]
    if _inside_consumed(span, state):
        return None
    if _NOT_A_LENGTH.search(span.text) or (span[0].ent_type_ == "ORDINAL"):
        return None  # "an 81-year-old woman", "the third day": an age, a day number
    parsed = nz.parse_duration(span.text)
    if parsed is None:
        return None
    seconds, unit = parsed
    root = span.root
    noun = None
    if root.dep_ in ("amod", "compound", "nummod") and root.head.pos_ == "NOUN":
        noun = root.head
    elif span[-1].dep_ in ("amod", "compound") and span[-1].head.pos_ == "NOUN":
        noun = span[-1].head
    while noun is not None and noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "a five-second time penalty" is a penalty, not a time
    of_thing = _of_phrase(span)
    scope = ""
    purpose = None
    if of_thing:
        thing = _Ref(of_thing, _field(of_thing))
        pred = "last"
        verb = _governor(root)
        scope = _duration_scope(None, verb)
    elif noun is not None and noun.i not in range(span.start, span.end):
        thing = _Ref(noun.lemma_.lower(), _field(noun.lemma_.lower()))
        pred = "last"
        verb = _governor(noun)
        scope = _duration_scope(noun, verb)
    else:
        verb = _governor(root)
        pred = _predicate(verb)
        subj = _subject_token(verb)
        thing = _ref(subj, state)
        # "the last strike, in 2019, lasted 16 days": another year's happening
        scope = _year_scope(root, None, verb, subj, state) or _instance_scope(subj)
        if pred == "spend" and _held_in(verb):
            pred = "hold"  # "spent 19 months in custody" = "was held for 19 months"
        purpose = _purpose(verb, root)
        if purpose is not None:
            # "rescuers needed four hours to reach the wreck" / "it took crews seven hours to
            # reach it": how long reaching it took, asked of whoever did it
            doer = subj
            if subj is None or subj.lower_ == "it":
                doer = next(
                    (c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i != root.i),
                    None,
                )
            pred, thing = _predicate(purpose), _ref(doer, state)
            if not thing.key.startswith("@"):
                # "crews" / "rescuers" / "firefighters": whoever did it, one question
                thing = _Ref(thing.display or "it", "")
    rival = _margin_over(doc, value.end, sent.end) or _won_by(doc, value.start, value.end)
    if rival is not None:
        # "42 seconds ahead of Ferrou", "28 seconds clear of the champion": a winning margin,
        # whatever the verb ("crossed the line", "finished", "won")
        verb = _governor(root)
        pred, thing = "margin", _ref(rival, state)
        scope = ""
        if not thing.key:
            return None
    if not pred or not (thing.key or purpose is not None):
        return None
    pclass = _pred_class(pred)
    if pclass == "say":
        return None  # "says the phone charges in 45 minutes" (misparsed): saying lasts nothing
    claim = _base_claim(sent, value, ClaimKind.DURATION)
    claim.normalized.update({"seconds": seconds, "unit": unit})
    bound = _BOUND_RE.match(span.text)
    if bound:
        # "under an hour" is at most an hour; "more than three hours" at least three
        claim.normalized["bound"] = "max" if bound.group(1).lower() in _AT_MOST else "min"
    if (step := nz.duration_step(span.text)) is not None:
        claim.normalized["step"] = step  # "11 days, 7 hours and 14 minutes": to the minute
    claim.display = _duration_display(seconds, unit)
    if "step" in claim.normalized:
        claim.display = span.text  # "11 days, 7 hours and 14 minutes" reads better as written
    claim.subject = thing.display
    claim.predicate = pred
    claim.about = (
        f"how long {_the(thing.display)} lasts"
        if pclass == "last"
        else f"how long {_the(thing.display)} "
        + (f"was {_participle(pred)}" if _passive(verb) else _past(pred))
    )
    if rival is not None:
        claim.about = f"the winning margin over {_the(thing.display)}"
    elif pred == "hold" and verb is not None and verb.lemma_.lower() == "spend":
        claim.about = f"how long {_the(thing.display)} was held"
    claim.key = _key(ClaimKind.DURATION, pclass, thing.key)
    if _remaining(doc, value.end, sent.end):
        scope = ",".join(x for x in (scope, "left") if x)  # "with a week of racing left"
    elif rival is None and value.end < sent.end and doc[value.end].lower_ in _GAP_WORDS:
        scope = ",".join(x for x in (scope, "gap") if x)  # "finished 24 seconds behind"
    # "within 12 minutes" is a deadline met; "given two hours to leave" a time allowed
    offset = _duration_offset(doc, value, sent, verb) if rival is None else ""
    if offset == "allowed":
        # "were given 72 hours to leave" / "have one week to leave": one time allowed
        claim.key = _key(ClaimKind.DURATION, "give", thing.key)
    if offset:
        scope = ",".join(x for x in (scope, offset) if x)
    if _planned(verb):
        claim.key += "|plan"  # "expected to last two hours" is a plan, not what happened
    elif scope:
        claim.key += "|" + scope
    claim.negated = _negated(verb)
    return claim


_AT_MOST = frozenset({"under", "less than", "fewer than", "no more than", "up to"})
_BOUND_RE = re.compile(
    r"(under|less than|fewer than|no more than|up to|more than|over|at least)\s", re.I
)


def _duration_offset(doc: Doc, value: _Value, sent: Span, verb: Token | None) -> str:
    """A scope for a length of time that is not how long something lasted: a deadline met
    ("within 12 minutes") or a time allowed ("given two hours to leave"). ("35 minutes after
    the distress call" stays plain: it says how long the sinking took.)"""
    end = value.end
    if value.start > sent.start and doc[value.start - 1].lower_ == "within":
        return "within"
    allowing = verb is not None and verb.lemma_.lower() in ("give", "allow", "grant", "have")
    if allowing and (
        any(c.dep_ == "xcomp" for c in verb.children)
        or (end < sent.end and doc[end].lower_ == "to")
    ):
        return "allowed"
    return ""


_MARGIN_WORDS = frozenset({"ahead", "clear", "behind", "adrift", "short"})
# A gap with no rival named ("finished 24 seconds behind"; "11 hours adrift" is afloat)
_GAP_WORDS = frozenset({"ahead", "clear", "behind"})


def _margin_over(doc: Doc, end: int, limit: int) -> Token | None:
    """The rival of a margin written "<time> ahead of / clear of / behind <rival>"."""
    if end + 2 < limit and doc[end].lower_ in _MARGIN_WORDS and doc[end + 1].lower_ == "of":
        return next((c for c in doc[end + 1].children if c.dep_ == "pobj"), None)
    return None


def _won_by(doc: Doc, start: int, end: int) -> Token | None:
    """ "beat Orindo by 11 seconds", "won by 14 seconds from Orindo": the rival of a margin."""
    if start == 0 or doc[start - 1].lower_ != "by":
        return None
    verb = doc[start - 1].head
    if verb.lemma_.lower() not in ("beat", "win", "defeat", "edge", "lead", "outsprint"):
        return None
    rival = None
    if verb.lemma_.lower() not in ("win", "lead"):  # "won the marathon": the race
        rival = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if rival is not None and rival.pos_ != "PROPN":
        # "beat his compatriot Samuel Orindo": the name in apposition
        rival = next((c for c in rival.children if c.dep_ == "appos"), rival)
    if rival is None and end + 1 < len(doc) and doc[end].lower_ in ("from", "over"):
        rival = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
    return rival


def _held_in(verb: Token | None) -> bool:
    """ "spent two years in a Karskian prison / in custody": time held."""
    if verb is None:
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "behind"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in lx.DETENTION_NOUNS:
                return True
    return False


_NOT_A_LENGTH = re.compile(
    r"\byears?[\s-]+old\b|\baged\b|^(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b",
    re.I,
)


def _duration_scope(noun: Token | None, verb: Token | None) -> str:
    """What a length is besides what lasted: "sought a 12-year sentence" (asked for), "served
    18 months of it" (so far), "the original ten-year term" (another instance)."""
    if noun is not None and _other_instance(noun):
        return "other"
    lemma = verb.lemma_.lower() if verb is not None else ""
    if lemma in lx.DEMAND_VERBS:
        return "sought"
    if lemma in lx.SO_FAR_VERBS:
        return "so far"
    return ""


def _of_phrase(span: Span) -> str:
    """ "six minutes of added time" → "added time": the thing the duration measures."""
    doc = span.doc
    i = span.end
    if i >= len(doc) or doc[i].lower_ != "of":
        return ""
    pobj = next((c for c in doc[i].children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.pos_ != "NOUN":
        return ""
    # "added time" keeps its participle; "torrential rain" is rain
    mods = [
        c.text.lower()
        for c in pobj.lefts
        if c.dep_ == "compound" or (c.dep_ == "amod" and c.tag_ != "JJ")
    ]
    phrase = " ".join([*mods, pobj.lemma_.lower()])
    return lx.TIME_PHRASES.get(phrase, phrase)


# Verbs that spend a length of time on a purpose: "took / needed four hours to reach"
_TIME_TAKING_VERBS = frozenset({"take", "need", "require"})


def _purpose(verb: Token | None, value_root: Token) -> Token | None:
    """The "to" clause a length was spent on ("needed four hours *to reach* the wreck")."""
    if verb is None or verb.lemma_.lower() not in _TIME_TAKING_VERBS:
        return None
    if value_root.head.i != verb.i or value_root.dep_ not in ("dobj", "npadvmod"):
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("xcomp", "advcl")
            and c.pos_ in ("VERB", "AUX")
            and any(t.dep_ == "aux" and t.lower_ == "to" for t in c.children)
        ),
        None,
    )


def _duration_display(seconds: float, unit: str) -> str:
    size = nz._UNIT_SECONDS[unit]
    n = seconds / size
    n_text = f"{n:g}"
    return f"{n_text} {unit}{'' if n == 1 else 's'}"
