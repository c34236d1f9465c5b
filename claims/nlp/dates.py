"""DATETIME claims: when something happened.

A date or time value is resolved (``normalize.resolve_date``; anaphoric times against the
discourse anchor in :class:`claims.nlp.grammar.ArticleState`) and keyed
``datetime|<predicate class>|<subject>|<object>`` plus a scope (an aim or a forecast, another
instance or year, the first or last of a group, a deadline "by", "until", another step
"again"). ``_is_anaphoric`` and ``VAGUE_DATES`` are the dates' words; the value spotting in
:mod:`claims.nlp.extract` joins a clock time and its day into one value.

* Discourse anchor: "that evening", "that day", "later the same day" resolve against the most
  recent day-level date mentioned earlier in the article (not the publication date).
* DATETIME claims whose predicate is a reporting verb ("said on Monday") are skipped: they
  time the reporting, not the event. So are claims whose key has neither subject nor object.
* Times: a clock time and its day are one value ("3:07 a.m. on Tuesday"), widened by what
  precedes it ("shortly after 3 a.m."); weekdays in a past-tense chain are past ("began to
  shake on Tuesday").
* Clock times the small model misses or calls numbers ("at about 10.45am", "17:40 local
  time", "21:50") become TIME entities (:func:`mark_clock_times`, a spaCy component after
  the entity recogniser), and "late on Thursday" keeps its "late".
* Dates of event nouns: a possessive or compound weekday ("last Wednesday's vote"), "on
  Monday" on a happening noun, or a light verb framing one ("won its vote on Thursday") date
  the noun (``datetime|event|<noun>``), not the clause's verb.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from claims.nlp import lexicon as lx
from claims.nlp import normalize as nz
from claims.nlp.grammar import (
    ANAPHORIC_DETERMINERS,
    ArticleState,
    _aspired,
    _base_claim,
    _declared_act,
    _governor,
    _inside_consumed,
    _instance_scope,
    _key,
    _negated,
    _one_of_many,
    _other_instance,
    _participle,
    _passive,
    _past,
    _path_object,
    _place_object,
    _pred_class,
    _predicate,
    _Ref,
    _ref,
    _reported_future,
    _subject_token,
    _tense,
    _the,
    _Value,
    doc_text,
)
from claims.nlp.types import ClaimData, ClaimKind

if TYPE_CHECKING:  # pragma: no cover - typing only; spaCy is imported lazily at runtime
    from spacy.tokens import Doc, Span, Token

# --------------------------------------------------------------------------- clock times

# Patterns start with a digit so that the regex engine can skip ahead to digits: a clock
# reading "6.42pm" / "10 p.m." / "17:40" / "21.50 GMT", then its lead words are read from
# the text just before it ("shortly after", "about").
_CLOCK_CORE = re.compile(
    rf"\d{{1,2}}(?:[:.]\d{{2}})?\s*[ap]\.?\s?m\b\.?"
    rf"|\d{{1,2}}:[0-5]\d(?![\d:])(?:\s*{nz.ZONE_WORDS})?"
    rf"|\d{{1,2}}\.[0-5]\d\s*{nz.ZONE_WORDS}",
    re.I,
)
_CLOCK_LEAD = re.compile(
    r"(?:(?:shortly|just|soon)\s+(?:after|before)|about|around|approximately|roughly)\s+$", re.I
)
_AM_PM_OR_ZONE = re.compile(rf"[ap]\.?\s?m\b|{nz.ZONE_WORDS}", re.I)
# A bare 24-hour reading is a clock only after one of these ("at 17:40"), or with its zone
_CLOCK_24_CUES = frozenset({"at", "around", "about", "after", "before", "until", "from", "by"})
# Entities a clock time may replace: the model's misreadings of it
_CLOCK_MISREAD = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "TIME"})
# "late on Thursday", "early on Sunday": the part of the day before a day's name
_DAY_PART_ADVERBS = frozenset({"late", "early"})


def _clock_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the clock times in ``text``, with their lead words."""
    out = []
    for m in _CLOCK_CORE.finditer(text):
        start, reading = m.start(), m.group()
        if start and text[start - 1] in "0123456789:.":
            continue  # inside a longer figure ("2:05:38", "12.5")
        if int(re.match(r"\d+", reading).group()) > 23:
            continue
        before = text[max(0, start - 30) : start]
        lead = _CLOCK_LEAD.search(before)
        if not _AM_PM_OR_ZONE.search(reading):
            cue = before.split()[-1:]
            if not lead and not (cue and cue[0].lower() in _CLOCK_24_CUES):
                continue  # "with 2:10 left", "a 62:40 split": not a time of day
        out.append((lead.start() + max(0, start - 30) if lead else start, m.end()))
    return out


def mark_clock_times(doc: Doc) -> Doc:
    """spaCy component: clock times become TIME entities ("at about 10.45am", "17:40 local
    time", "21:50 GMT"), where the model missed them or read them as numbers; "late" or
    "early" before "on <day>" joins the day's entity ("late on Thursday"); a race time the
    model left out ("the clock stopped at 2:05:53") becomes one too."""
    from spacy.tokens import Span as _Span

    text = doc_text(doc)
    ents = list(doc.ents)
    changed = False
    for lo, hi in _clock_spans(text):
        span = doc.char_span(lo, hi, label="TIME", alignment_mode="expand")
        if span is None:
            continue
        overlap = [e for e in ents if e.start < span.end and span.start < e.end]
        if any(
            e.label_ in ("DATE", "TIME") and e.start <= span.start and span.end <= e.end
            for e in overlap
        ):
            continue  # the model's own time or date already holds it
        if any(
            e.label_ not in _CLOCK_MISREAD
            and not (span.start <= e.start and e.end <= span.end and e.text[:1].isdigit())
            for e in overlap
        ):
            continue  # a name the time only touches ("04:17 GMT" tagged ORG is the time)
        ents = [e for e in ents if e not in overlap]
        ents.append(span)
        changed = True
    for n, ent in enumerate(ents):
        i = ent.start
        if (
            ent.label_ == "DATE"
            and i >= 2
            and doc[i - 1].lower_ == "on"
            and doc[i - 2].lower_ in _DAY_PART_ADVERBS
            and not any(e.start < i and i - 2 < e.end for e in ents if e is not ent)
        ):
            ents[n] = _Span(doc, i - 2, ent.end, label="DATE")
            changed = True
    for m in nz.RACE_TIME_RE.finditer(text):
        span = doc.char_span(m.start(), m.end(), label="TIME", alignment_mode="expand")
        if span is not None and not any(e.start < span.end and span.start < e.end for e in ents):
            ents.append(span)
            changed = True
    if changed:
        doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


VAGUE_DATES = frozenset(
    {
        "recent years",
        "years",
        "decades",
        "the future",
        "the past",
        "now",
        "recently",
        "once",
        "the time",
        "time",
        "today's",
        "modern",
        "daily",
        "annual",
        "weekly",
        "monthly",
    }
)


def _is_anaphoric(text: str) -> bool:
    low = " ".join(text.lower().split())
    return any(low.startswith(det + " ") for det in ANAPHORIC_DETERMINERS)


def _build_datetime(sent: Span, value: _Value, state: ArticleState) -> ClaimData | None:
    doc = sent.doc
    span = doc[value.start : value.end]
    if (span.start, span.end) in state.consumed or _inside_consumed(span, state):
        return None
    text = span.text
    if text.lower().strip() in VAGUE_DATES:
        return None
    if re.fullmatch(r"\d{1,2}", text.strip()):
        return None  # "Otterbeck, 29, was playing": an age, or a number with no month
    if _in_hours_range(span):
        return None  # "open from 8 a.m. to 6 p.m. on weekdays": opening hours, not a moment
    verb = _governor(span.root)
    if _in_absolute_phrase(span.root, verb):
        return None
    # "by Sunday morning it had burned…", "completed by the end of March": a deadline, which
    # is only comparable with other deadlines, not with when something happened
    deadline = span.root.head.lower_ == "by" and span.root.dep_ == "pobj"
    event_noun = _date_noun(span, verb)
    tense = ("past" if "last" in text.lower() else "") if event_noun is not None else _tense(verb)
    if nz.clock_time(text) is not None:
        text = _clock_prefix(span) + text
    if value.label == "ANAPHORIC" or _is_anaphoric(text):
        interval = _resolve_anaphoric(text, state)
    else:
        interval = nz.resolve_date(text, state.published, tense)
        clock = nz.clock_time(text) if interval is None else None
        if clock is not None and verb is not None and verb.dep_ == "acl" and verb.tag_ == "VBG":
            return None  # "duty periods starting before 06:00": a kind of thing, not a moment
        if clock is not None:
            day = state.anchor if _anchor_near(span, state) else state.lead_day
            if day is None and state.published is not None and tense == "past":
                # "the final finished just after midnight" in a paper dated Sunday, with no
                # day named: the small hours of the publication day (a later hour could be
                # the day before, so it stays unread)
                day = state.published if clock[0] < 6 else None
                if day is not None and "midnight" in text.lower():
                    day -= dt.timedelta(days=1)  # a day's "midnight" is the end of that day
        else:
            day = None
        if day is not None:
            # "… on Saturday night. The final ended at 11:42 p.m.": a bare clock time is on
            # the day its paragraph last named, or else on the day the story opened with
            interval = nz.resolve_date(f"{day.day} {day:%B %Y} {text}", state.published, tense)
        if interval is None and re.search(r"\d", text) and not re.search(r"\b\d{4}\b", text):
            interval = nz.fallback_date(text, state.published)
    if interval is None:
        return None
    if interval.granularity in ("day", "time"):
        state.anchor = interval.start.date()
        state.anchor_at = (id(doc), span.start)
        if state.lead_day is None and span.start_char < _LEAD_CHARS:
            state.lead_day = state.anchor
    if event_noun is not None:
        return _noun_date_claim(sent, value, event_noun, interval, state.published)
    if _expectation(verb):
        return None  # "narrower than analysts had expected in July": when they expected it
    pred = _predicate(verb)
    pclass = _pred_class(pred)
    if pclass == "say":
        pclass = _declared_act(verb)  # "declare outbreak"; the question reads "declared"
        pred = pclass.partition(" ")[0]
    if not pred:
        return None
    subj = _subject_token(verb)
    subject = _ref(subj, state)
    if (
        subj is not None
        and subj.lower_ == "it"
        and state.last_thing is not None
        and state.last_thing.doc is subj.doc
        and verb is not None
        and verb.lemma_.lower() not in _LINKING_VERBS
    ):
        subject = _ref(state.last_thing, state)  # "… the train. It derailed at 15:40."
    role, place = _place_object(verb, state)
    obj = place if place.key else _path_object(span.root, verb, state)
    if pclass == "strike" and verb is not None:
        # "A magnitude 6.1 earthquake struck X" / "the quake hit": the happening is its
        # subject's class; where it struck is a separate (place) question.
        kinds = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        known = [c for c in kinds if c.lemma_.lower() in lx.NOUN_CLASSES]
        if known:
            cls = lx.NOUN_CLASSES[known[0].lemma_.lower()]
            subject = _Ref(known[0].text, cls)
        obj = _Ref.empty()
    if not subject.key and not obj.key:
        return None
    if pred in ("be", "have", "do", "stand", "show") and not obj.key:
        # "was in Oslo on Monday", "inflation stood at 3.9% in March", "projections in May
        # showed prices rising": a state, not a happening
        return None
    if verb is not None and _dates_one_of_many(verb):
        return None  # "will hold an extraordinary meeting on Thursday", "a statement issued…"
    claim = _base_claim(sent, value, ClaimKind.DATETIME)
    claim.normalized.update(interval.as_json())
    claim.display = interval.display
    claim.subject = subject.display
    claim.predicate = pred
    claim.about = _when_about(subject.display, pred, role, obj.display, _passive(verb))
    key_subject, key_obj = subject.key, obj.key
    participle = verb is not None and verb.dep_ == "acl" and verb.tag_ == "VBN"
    if participle and subj is not None and subj.i == verb.head.i and not obj.key:
        key_subject, key_obj = "", subject.key  # "the contract signed on Monday"
    elif _passive(verb) and not obj.key and subj is not None and subj.dep_ == "nsubjpass":
        # "the intrusion was detected on March 2" asks what "the team detected the intrusion
        # late on Saturday" asks: the passive subject is the object, the agent the subject
        agent = next((c for c in verb.children if c.dep_ == "agent"), None) if verb else None
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        key_subject, key_obj = _ref(by, state).key, subject.key
    if (
        pclass in ("come", "travel", "arrive")
        and subj is not None
        and subj.lemma_.lower() in lx.ANNOUNCED_NOUNS
        and not key_obj
    ):
        # "the evacuation order came shortly after six" / "the warning went out at 9pm": when
        # it was issued
        pclass, key_subject, key_obj = "issue", "", subject.key
        claim.about = f"when {_the(subject.display)} was issued"
    claim.key = _key(ClaimKind.DATETIME, pclass, key_subject, key_obj)
    background = ""
    if (
        interval.granularity in ("year", "month", "season")
        and state.published is not None
        and interval.start.year < state.published.year
    ):
        background = f"y:{interval.start.year}"  # "in 2019, a train derailed…": another one
        if interval.granularity == "month" and (
            key_subject.startswith("@") or key_obj.startswith("@")
        ):
            # "Achterfeld was arrested in October 2024" / "… in January 2025": the month a
            # named person or body did something before the story is one question, whichever
            # year is given (a founding year, "in 1952", stays apart)
            background = "past"
    scope = [
        x
        for x in (
            "aim"
            if _aspired(verb) or (verb is not None and _reported_future(verb) and not _until(span))
            else "",  # "would remain open until November 30" states terms, not a plan
            "forecast" if _forecast(verb) else "",
            _instance_scope(subj),
            _rank_scope(subj),
            background,
            "by" * deadline,
            # "flags will fly at half-mast until Monday": how long a state lasts, not when
            "until" * (_until(span) and not _negated_through_control(verb)),
            "more" if _repeated(verb) else "",
        )
        if x
    ]
    if scope:
        # "hopes to fly by 2028" is an aim; "a smaller fire in July burned" another fire
        claim.key += "|" + ",".join(scope)
    # "did not arrive until Tuesday" says when it happened: not a denial; "no order was
    # made on Friday" is one
    claim.negated = _negated(verb, subj) and not _until(span)
    return claim


_HOURS_RANGE = re.compile(
    r"\bfrom\s+(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?|noon|midday)\s+"
    r"(?:to|until|till|and)\s+(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\b\.?)?|noon|midday|midnight)",
    re.I,
)


def _in_hours_range(span: Span) -> bool:
    """Is the time one end of a range of hours ("from 8 a.m. to 6 p.m.")?"""
    sent = span.sent
    text = doc_text(span.doc)[sent.start_char : sent.end_char]
    lo = span.start_char - sent.start_char
    return any(m.start() <= lo < m.end() for m in _HOURS_RANGE.finditer(text))


# "it looked like wisdom", "it was Sunday": an "it" that names no thing
_LINKING_VERBS = frozenset({"be", "look", "seem", "appear", "become", "remain", "feel", "sound"})
_EXPECTING_VERBS = frozenset({"expect", "anticipate", "predict", "forecast", "hope", "fear"})


def _expectation(verb: Token | None) -> bool:
    """An active verb of expecting with nothing expected in a clause ("as many had expected
    in July"): the date is when someone expected, not when anything happened ("a decision
    is not expected until next month" is passive and dates the decision)."""
    return (
        verb is not None
        and verb.lemma_.lower() in _EXPECTING_VERBS
        and not _passive(verb)
        and not any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in verb.children)
    )


def _rank_scope(subj: Token | None) -> str:
    """ "The first miner reached the surface at 19:30" / "the last of the men … at 2:15":
    the first and the last of a group arrive at different times."""
    if subj is None:
        return ""
    words = {subj.lower_} | {c.lower_ for c in subj.children if c.dep_ in ("amod", "advmod")}
    rank = words & {"first", "last", "final"}
    return f"rank:{min(rank)}" if rank else ""


def _forecast(verb: Token | None) -> bool:
    """ "The bank expects the economy to grow in 2026": someone's forecast, with an object
    of its own (a schedule reads "the deal is expected to close in June")."""
    if verb is None or verb.dep_ not in ("xcomp", "ccomp"):
        return False
    head = verb.head
    return head.lemma_.lower() in lx.FORECAST_VERBS and any(
        c.dep_ == "nsubj" for c in head.children
    )


_REPEAT_WORD_RE = re.compile(r"further|again|additional", re.IGNORECASE)


def _repeated(verb: Token | None) -> bool:
    """ "fell a further 3 per cent on Tuesday", "rose again on Friday": another step of
    something that happened before, with a date of its own."""
    if verb is None:
        return False
    sent = verb.sent
    if not _REPEAT_WORD_RE.search(doc_text(verb.doc), sent.start_char, sent.end_char):
        return False  # most sentences hold none of the words: no need to walk the tree
    return any(
        t.lower_ in ("further", "again", "additional")
        for c in verb.children
        if c.dep_ not in ("nsubj", "nsubjpass")
        for t in c.subtree
    )


_LEAD_CHARS = 800  # a story's opening: its first paragraph or two


def _anchor_near(span: Span, state: ArticleState) -> bool:
    """Was the story's last named day given earlier in this paragraph?"""
    doc_id, at = state.anchor_at
    if state.anchor is None or doc_id != id(span.doc) or at > span.start:
        return False
    return not any("\n" in t.whitespace_ or "\n" in t.text for t in span.doc[at : span.start])


def _negated_through_control(verb: Token | None) -> bool:
    """ "is not expected to close until June": the denial sits on the control verb."""
    while verb is not None:
        if _negated(verb):
            return True
        verb = verb.head if verb.dep_ == "xcomp" and verb.head.i != verb.i else None
    return False


def _until(span: Span) -> bool:
    doc = span.doc
    return (span.root.dep_ == "pobj" and span.root.head.lower_ in ("until", "till")) or (
        span.start > 0 and doc[span.start - 1].lower_ in ("until", "till")
    )


_CLOCK_PREFIXES = (
    ("shortly", "after"),
    ("just", "after"),
    ("soon", "after"),
    ("shortly", "before"),
    ("just", "before"),
    ("around",),
    ("about",),
    ("approximately",),
    ("roughly",),
    ("before",),
    ("after",),
)


def _clock_prefix(span: Span) -> str:
    """The words before a clock time that widen it ("shortly after 3 a.m.") plus a space."""
    doc = span.doc
    for words in _CLOCK_PREFIXES:
        n = len(words)
        lo = span.start - n
        if lo >= 0 and tuple(t.lower_ for t in doc[lo : span.start]) == words:
            return " ".join(words) + " "
        if (
            lo - 1 >= 0
            and doc[span.start - 1].lower_ == "at"
            and tuple(t.lower_ for t in doc[lo - 1 : span.start - 1]) == words
        ):
            return " ".join(words) + " "
    return ""


def _frames_event(root: Token, verb: Token | None) -> bool:
    """Does the date hang on a light verb ("won its vote on Thursday")?"""
    if verb is None or verb.lemma_.lower() not in lx.EVENT_LIGHT_VERBS:
        return False
    return root.head.i == verb.i or (root.dep_ == "pobj" and root.head.head.i == verb.i)


def _dates_one_of_many(verb: Token) -> bool:
    """The verb's date is that of "a meeting" or "a statement" (:func:`_one_of_many`): held,
    issued or called, it is one occasion of many, not a question every outlet answers."""
    nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if verb.dep_ == "acl":
        nouns.append(verb.head)  # "a short statement issued on Wednesday"
    return any(_one_of_many(n) for n in nouns)


def _date_noun(span: Span, verb: Token | None = None) -> Token | None:
    """The event noun a date belongs to when it is not the verb's: "last Wednesday's vote",
    "the vote on Thursday", "the Thursday vote", "Friday's closing price", and a happening
    that a light verb only frames ("won its vote on Thursday", "held talks on Monday")."""
    root = span.root
    head = root.head
    noun: Token | None = None
    if root.dep_ in ("poss", "compound") and head.pos_ == "NOUN":
        noun = head
    elif verb is not None and _frames_event(root, verb):
        noun = next(
            (
                c
                for c in verb.children
                if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in lx.EVENT_NOUNS
            ),
            None,
        )
    elif (
        root.dep_ == "pobj"
        and head.lower_ in ("on", "at")
        and head.head.pos_ == "NOUN"
        and head.head.lemma_.lower() in lx.EVENT_NOUNS
    ):
        # spaCy often hangs "on Monday" on the nearest noun; only a happening is dated so.
        noun = head.head
    if noun is None or noun.lemma_.lower() in lx.NOT_EVENT_NOUNS or noun.ent_type_:
        return None
    if _one_of_many(noun):
        return None  # "told at a meeting on Tuesday": one meeting of many, not the event's
    if noun.i in range(span.start, span.end):
        return None
    return noun


def _noun_date_claim(
    sent: Span,
    value: _Value,
    noun: Token,
    interval: nz.DateInterval,
    published: dt.date | None = None,
) -> ClaimData:
    lemma = noun.lemma_.lower()
    cls = lx.NOUN_CLASSES.get(lemma, lemma)
    mods = [c.lemma_.lower() for c in noun.lefts if c.dep_ == "compound" and not c.ent_type_]
    claim = _base_claim(sent, value, ClaimKind.DATETIME)
    claim.normalized.update(interval.as_json())
    claim.display = interval.display
    claim.predicate = lemma
    phrase = " ".join([*mods, noun.text])
    claim.about = f"when the {phrase} took place"
    claim.key = _key(ClaimKind.DATETIME, "event", cls, "")
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    if verb is not None and _other_instance(_subject_token(verb)):
        claim.key += "|other"  # "five other cities held elections on the same day"
    elif (
        interval.granularity == "year"
        and published is not None
        and interval.start.year != published.year
    ):
        claim.key += f"|y:{interval.start.year}"  # "last year's race", "next year's race"
    return claim


def _in_absolute_phrase(tok: Token, verb: Token | None) -> bool:
    """ "…, with Oslo as its last stop on Tuesday": the date times the stop, not the verb."""
    cur = tok
    for _ in range(10):
        if verb is None or cur.i == verb.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ in ("with", "as", "without", "like", "than"):
            return True
        cur = cur.head
    return False


def _resolve_anaphoric(text: str, state: ArticleState) -> nz.DateInterval | None:
    """'that evening' / 'later the same day' / 'the next day' against the discourse anchor."""
    if state.anchor is None:
        return None
    words = text.lower().split()
    day = state.anchor
    if "next" in words or "following" in words:
        day = day + dt.timedelta(days=1)
    elif "previous" in words or "before" in words:
        day = day - dt.timedelta(days=1)
    part = nz._part_of(words)
    if part is None and words[-1] in ("evening", "night", "morning", "afternoon"):
        part = words[-1]
    return nz.day_part(day, part) if part else nz.day_part(day, "")


def _when_about(subject: str, pred: str, role: str, obj: str, passive: bool = False) -> str:
    subj = _the(subject)
    verb = ("was " + _participle(pred)) if passive else _past(pred)
    tail = ""
    if obj:
        if role and role != "obj" and not verb.endswith(" " + role):
            tail = f" {role} {obj}"
        else:
            tail = f" {_the(obj)}"
    return f"when {subj} {verb}{tail}".replace("  ", " ").strip()
