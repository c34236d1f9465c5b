# ruff: noqa: RUF002  (typographic dashes/quotes are intentional: news text uses them)
"""Align an event's claims and decide conflicts and agreements (ENGINE.md steps 6–8).

Blocking (``_blocks``): a claim key (built in :mod:`claims.nlp.extract`) is read as a slot
of *hard* fields — kind, counted thing, unit, scope (another year, a plan, another instance,
the value a change started from) — and *soft* fields — predicate, subject, object. Claims are
blocked by their hard fields in one dict pass; entity fields (``@name``) are first replaced
by the event's canonical entity key through ``entity_key``. Inside a block, distinct slots
are clustered: two slots ask the same question when their predicates are equal, synonyms or
one is neutral (reporting and estimating verbs: "said", "put … at", "lists"), and their
subjects are compatible (equal, one missing, an entity and a description, or common nouns of
one class). Only claims in one cluster are compared, and only across outlets, so the cost is
linear in the claims plus the small square of each block's *distinct slots and values*.

Decisions (values that cannot both be true after tolerance → conflict):

* COUNT: intervals (after qualifiers and the implicit precision of round figures) overlap.
* ORDINAL: equal numbers; "first since" claims: the previous-occurrence intervals overlap.
* DATETIME: the date/time intervals overlap (a weekday and a date on the same day agree).
* DURATION: within ±10 % of each other.
* PLACE: same canonical entity or one name contains the other. Without a gazetteer we cannot
  tell that a city lies in a country ("Lyon" vs "France"), so v1 only flags place
  disagreements between two facilities/venues (label FAC); other place pairs count as
  compatible.

Negation: a denied date or place ("did not arrive on Monday") conflicts with an outlet that
asserts a value inside the denied one ("arrived on Monday evening"); two denials, or a denial
of another value, are compatible; negated counts, durations and ordinals stay out. "Did not
… until Tuesday" is not a denial (extraction clears it): it says when.

Vote tallies and scores (``unit == "tally"``) are compatible only when both sides are equal.
Home cities (``exclusive`` places: "X-based", "headquartered in X") disagree when the names
differ, unless one was written as lying in the other ("based in Leeds, England").

Time-dependent figures: a cumulative count (toll, injured, evacuated…) whose values grow with
the day they were reported is still a conflict, and its explanation says the figures come from
different days and may reflect an update.

Departures from ENGINE.md: a single outlet contradicting itself is not reported (an editor's
question is "where do outlets disagree"; self-contradictions are usually a later update in
the same live article). Time-dependent figures are flagged like any other conflict; the
explanation shows each outlet's value so the editor can see a rising toll.

Cost: blocks are built in one pass; inside a block only *distinct values* are compared (each
with the set of outlets giving it), so 5,000 articles repeating a few figures cost a few
comparisons per block, not the square of their claims or outlets.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from claims.nlp import lexicon as lx
from claims.nlp.entities import normalise_name
from claims.nlp.normalize import count_slack
from claims.nlp.statements import SHINGLE
from claims.nlp.types import AgreementData, ClaimKind, ConflictData, EventClaim

__all__ = ["canonical_key", "compatible", "find_agreements", "find_conflicts"]

EntityKey = Callable[[str], str | None]
NEGATABLE_KINDS = frozenset({ClaimKind.DATETIME, ClaimKind.PLACE})
_ANY = "*"  # a hard field that matches every block of its kind and verb
_ENTITY_FIELD = re.compile(r"@([^|,]+)")
INF = float("inf")


def canonical_key(claim_key: str, entity_key: EntityKey | None = None) -> str:
    """Replace ``@surface`` fields of a claim key with the event's canonical entity keys."""

    def repl(m: re.Match[str]) -> str:
        surface = m.group(1).strip()
        if entity_key is not None:
            for candidate in (surface, normalise_name(surface), normalise_name(surface, "PERSON")):
                found = entity_key(candidate)
                if found:
                    return "@" + found.replace("|", " ").replace(",", " ")
        return "@" + normalise_name(surface)

    return _ENTITY_FIELD.sub(repl, claim_key)


def _sort_key(ec: EventClaim) -> tuple[Any, ...]:
    return (ec.outlet, ec.article_id, ec.claim.value_start, ec.claim_index)


# --------------------------------------------------------------------------- blocking

# Key modes whose claims are compared only with the same mode and exact fields: tallies,
# measures (toll, magnitude, turnout), ordinals, minutes, dated happenings, home cities.
_EXACT_MODES = frozenset({"tally", "die", "measure", "first since", "nth", "minute", "event"})


def _noun_class(field: str) -> str:
    return lx.noun_class(field)


@dataclass(frozen=True, slots=True)
class _Slot:
    """A claim key split into the fields blocking needs (``hard``, compared by equality)
    and those that only have to be compatible (``pred``, ``subject``, ``obj``)."""

    hard: tuple[str, ...]
    pred: str = ""
    subject: str = ""
    obj: str = ""

    @property
    def specificity(self) -> int:
        return (
            (self.pred not in lx.NEUTRAL_PREDICATES) * 2 + bool(self.subject) * 2 + bool(self.obj)
        )


def _rest(fields: list[str], start: int) -> str:
    """The scope fields of a split key from ``start`` on, joined back ("y:2019,other")."""
    return "|".join(fields[start:]).strip("|")


def _slot(kind: str, key: str, unit: str) -> _Slot | None:
    """Read a claim key (formats in :mod:`claims.nlp.extract`) as a slot.

    * counts ``count|pred|thing|subject|scope``: the counted thing, its unit and the scope
      (year, plan, place, another instance) are hard; the predicate and the subject soft.
      Without a counted thing, or when the thing is only a unit (money, %, hectares), the
      predicate names the question, so it is hard too. A bare number with no thing, no
      unit and only a copula ("who is 20") asks nothing: None.
    * dates ``datetime|pred|subject|obj``: the predicate class is hard; subject and object
      soft ("the fire started Saturday" / "the blaze broke out early Sunday").
    * durations ``duration|pred|thing``: what lasted (its noun class, or the verb's) is hard.
    * places ``place|pred|subject|role``: what happened and the role are hard, the subject
      soft; nth ordinals ``ordinal|nth|thing|owner|scope``: the owner soft, the rest hard;
      home cities (``headquarter``), other ordinals, tallies and measures: every field hard.
    """
    f = key.split("|")
    f += [""] * (5 - len(f))
    mode = f[1]
    if kind == ClaimKind.COUNT and mode == "die":
        # "killing three workers" / "five people died": who died does not change the toll
        return _Slot(hard=(kind, mode, _rest(f, 4)))
    if kind == ClaimKind.COUNT and mode not in _EXACT_MODES:
        pred, thing, subject, scope = f[1], _noun_class(f[2]), f[3], _rest(f, 4)
        if pred in lx.VICTIM_CLASSES and thing in ("", "person"):
            thing = "person"  # "injured six" / "six people were injured"
        if pred == "free" and thing == "prisoner":
            thing = "person"  # "freed 118 prisoners" / "126 people walked free"
        if (
            pred in ("be", "have", "")
            and not unit
            and (not thing or (thing in lx.DISTANCE_THINGS and not subject))
        ):
            # "who is 20", "at 85, patience…", "is a hilly 164km": a bare number (or a
            # distance of nothing named) asks nothing
            return None
        if pred in ("be", "have", "") and unit == "money" and thing == "money" and not subject:
            return None  # "they were worth a combined 46 million crowns": worth of what?
        if not thing or thing in lx.UNIT_THINGS:
            return _Slot(hard=(kind, thing, pred, unit, scope), pred=pred, subject=subject)
        if unit == "money":
            # "a fee of €85m" / "paid €92m": the noun says what the sum is, whatever the
            # verb; only a named payer can tell two sums apart
            return _Slot(hard=(kind, thing, unit, scope), subject=subject * subject.startswith("@"))
        return _Slot(hard=(kind, thing, unit, scope), pred=pred, subject=subject)
    if (
        kind == ClaimKind.DATETIME
        and mode == "event"
        and lx.HELD_EVENT_VERBS.get(lx.noun_class(f[2])) == "vote"
    ):
        # "the election on June 7" asks what "voters go to the polls on June 14" asks (an
        # election is the event's one vote; talks are told apart by who holds them)
        return _Slot(hard=(kind, "vote", _rest(f, 4)), pred="vote")
    if kind == ClaimKind.DATETIME and mode not in _EXACT_MODES:
        # "the bridge gave way", "the blast happened", "the train derailed": when the
        # disaster happened, asked of what it happened to (a generic "the disaster struck"
        # names nothing, so it fits any)
        subject = "" if f[2] in lx.GENERIC_EVENT_NOUNS else f[2]
        if mode == "strike" and (f[2] in lx.FACILITY_NOUNS or f[2] in lx.EQUIPMENT_NOUNS):
            subject = ""  # "the plant blew up" is where the blast was, not another blast
        mode = "happen" if mode in lx.DISASTER_CLASSES else mode
        if mode == "start" and _noun_class(subject) in lx.HAPPENING_NOUN_CLASSES:
            mode = "happen"  # "the blaze broke out at 2am" / "the fire happened at 2am"
        obj = f[3]
        if mode == "hold" and not obj and subject and not subject.startswith("@"):
            # "the vigil will be held" / "the collision took place": the happening is what
            # was held, whichever way the sentence puts it
            subject, obj = "", subject
        if mode == "hold" and _noun_class(obj) in lx.HAPPENING_NOUN_CLASSES:
            # "the collision took place at 06:42" asks what "the crash happened at…" asks
            mode, subject, obj = "happen", _noun_class(obj), ""
        if mode == "hold" and lx.noun_class(obj) in lx.HELD_EVENT_VERBS:
            # "the next meeting is scheduled for June 11" / "the board will next meet on June 4"
            mode, obj = lx.HELD_EVENT_VERBS[lx.noun_class(obj)], ""
        return _Slot(hard=(kind, mode, _rest(f, 4)), pred=mode, subject=subject, obj=obj)
    if kind == ClaimKind.NEGATION:
        # "negation|sign|agreement|delegation": the verb class and the thing are hard; who
        # acted must match only when it is named ("the delegations" and "the two sides"
        # signing the agreement are one act), or when there is no thing ("the deputies did
        # not vote" is not "the assembly voted")
        if not f[2] and not f[3]:
            # "no arrests have been made": the act alone, asked of everyone it could be
            # done to; :func:`_blocks` adds it to every block of its verb
            return _Slot(hard=(kind, mode, _ANY), pred=mode)
        if not f[2]:
            # an intransitive verb's subject is what it happens to ("the alarm did not go
            # off" / "the alarm was triggered"), unless it is someone who acts
            if f[3].startswith("@"):
                return _Slot(hard=(kind, mode, "", f[3]), pred=mode)
            return _Slot(hard=(kind, mode, _noun_class(f[3])), pred=mode)
        if f[2].startswith("@person:") or f[2] in lx.ACTED_ON_PEOPLE:
            # "confirmed the captain, Matthias Dornel, had been arrested" / "the captain
            # had not been arrested": a person acted on is matched like a subject (a name
            # and a description may be one person; two names or two roles are not)
            return _Slot(hard=(kind, mode, "person"), pred=mode, subject=f[2])
        subject = f[3] if f[3].startswith("@") else ""
        # "the Vellan Dam" / "the dam": a named thing is asked about by its head noun
        thing = f[2].rsplit(" ", 1)[-1] if f[2].startswith("@") else f[2]
        return _Slot(hard=(kind, mode, _noun_class(thing.lstrip("@"))), pred=mode, subject=subject)
    if kind == ClaimKind.PLACE and mode != "headquarter":
        # "place|collapse|embankment|at": what happened and the role are hard, the subject
        # soft ("the embankment gave way at X" / "the breach occurred at Y")
        return _Slot(hard=(kind, mode, f[3], _rest(f, 4)), pred=mode, subject=f[2])
    if kind == ClaimKind.ORDINAL and mode == "nth":
        # "her second visit to Qadira" / "the prime minister's second visit to Qadira": whose
        # visit is soft (a name and a description may be one person; two names are not)
        return _Slot(hard=(kind, mode, f[2], _rest(f, 4)), subject=f[3])
    if kind == ClaimKind.DURATION and mode == "margin":
        # "42 seconds ahead of Ferrou" / "28 seconds clear of the champion": one margin,
        # unless the rivals are two different people
        return _Slot(hard=(kind, mode, _rest(f, 3)), subject=f[2])
    if kind == ClaimKind.DURATION:
        what = lx.DURATION_VERB_THINGS.get(mode) or (
            _noun_class(f[2]) if not f[2].startswith("@") else ""
        )
        if what:
            # "met for three hours" / "a 90-minute meeting": a verb that names the thing is
            # not a predicate of its own
            pred = mode if mode not in ("last", *lx.DURATION_VERB_THINGS) else ""
            return _Slot(hard=(kind, what, _rest(f, 3)), pred=pred)
    return _Slot(hard=(kind, key))


def _subjects_compatible(a: str, b: str) -> bool:
    """Same referent or not known to differ: one is missing, both name the same canonical
    entity, or both are common nouns of one class ("fire" / "blaze"). An entity and a common
    noun ("the prime minister" / "@name") may be the same thing."""
    if not a or not b or a == b:
        return True
    if a.startswith("@") and b.startswith("@"):
        return False
    if a.startswith("@") or b.startswith("@"):
        return True
    return _noun_class(a) == _noun_class(b)


def _same_question(a: _Slot, b: _Slot) -> bool:
    """Two slots of one block ask the same question (their soft fields are compatible)."""
    if a == b:
        return True
    neutral = lx.NEUTRAL_PREDICATES
    if a.pred != b.pred and a.pred not in neutral and b.pred not in neutral:
        return False
    sourced = a.pred in lx.SOURCE_PREDICATES or b.pred in lx.SOURCE_PREDICATES
    if not sourced and not _subjects_compatible(a.subject, b.subject):
        return False
    return not a.obj or not b.obj or _noun_class(a.obj) == _noun_class(b.obj)


def _group_key(members: Sequence[EventClaim], canonical: dict[str, str]) -> str:
    """A stable key for one group: the canonical key most of its members have (ties broken
    alphabetically), so a re-run finds the same conflict again. ``canonical`` maps each
    member's raw key to its canonical key (computed once by ``_blocks``)."""
    counts = Counter(canonical[ec.claim.key] for ec in members)
    return min(counts, key=lambda k: (-counts[k], k))


def _blocks(
    claims: Sequence[EventClaim], entity_key: EntityKey | None, *, negated: bool = False
) -> dict[tuple[str, str], list[EventClaim]]:
    """Claims grouped into questions: first blocked by their hard fields (one dict pass), then
    inside each block the distinct slots are clustered greedily, most specific and most
    frequent first: a slot joins the largest cluster whose every slot it is compatible with,
    so a claim without a subject can join "the quake killed 12" but two clusters with
    different subjects never merge through it.

    Negated claims take part only when ``negated`` is set, and only for kinds where a denial
    contradicts an assertion of the same value ("did not arrive on Monday" vs "arrived on
    Monday"): dates and places."""
    cache: dict[str, str] = _quote_groups(
        ec.claim.key for ec in claims if ec.claim.kind == ClaimKind.ATTRIBUTION
    )
    by_hard: dict[tuple[str, ...], dict[_Slot, list[EventClaim]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for ec in claims:
        c = ec.claim
        if not c.key:
            continue
        if (
            c.negated
            and c.kind != ClaimKind.NEGATION
            and not (negated and c.kind in NEGATABLE_KINDS)
        ):
            continue
        key = cache.get(c.key)
        if key is None:
            key = cache[c.key] = canonical_key(c.key, entity_key)
        unit = str(c.normalized.get("unit", "")) if c.kind == ClaimKind.COUNT else ""
        slot = _slot(c.kind, key, unit)
        if slot is None:
            continue
        by_hard[slot.hard][slot].append(ec)

    for hard in [h for h in by_hard if h[-1] == _ANY]:
        targets = [t for t in by_hard if t[:2] == hard[:2] and t[-1] != _ANY]
        for target in targets:
            for slot, members in by_hard[hard].items():
                by_hard[target][slot].extend(members)
        if targets:
            del by_hard[hard]
    blocks: dict[tuple[str, str], list[EventClaim]] = {}
    for slots in by_hard.values():
        order = sorted(slots, key=lambda s: (-s.specificity, -len(slots[s]), repr(s)))
        clusters: list[list[_Slot]] = []
        for slot in order:
            fits = [c for c in clusters if all(_same_question(slot, other) for other in c)]
            if fits:
                # a slot that fits several questions joins the one most outlets report
                max(fits, key=lambda c: sum(len(slots[s]) for s in c)).append(slot)
            else:
                clusters.append([slot])
        for cluster in clusters:
            members = [ec for slot in cluster for ec in slots[slot]]
            members.sort(key=_sort_key)
            kind = members[0].claim.kind
            key = _group_key(members, cache)
            while (kind, key) in blocks:  # the same key string under another unit
                key += "'"
            blocks[(kind, key)] = members
    return blocks


def _quote_groups(keys: Iterable[str]) -> dict[str, str]:
    """Quotation keys (``attribution|<words>``) that share a run of ``SHINGLE`` words (or
    are one short quotation) map to one group key, the longest quotation's: outlets quote
    more or less of the same words. One pass over the shingles: linear in the words."""
    ordered = sorted(set(keys), key=lambda k: (-len(k), k))
    rank = {k: i for i, k in enumerate(ordered)}
    parent = {k: k for k in ordered}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    owner: dict[tuple[str, ...], str] = {}
    for key in ordered:
        words = key.partition("|")[2].split()
        n = min(SHINGLE, len(words))
        for i in range(len(words) - n + 1):
            gram = tuple(words[i : i + n])
            if sum(w not in lx.QUOTE_STOPWORDS for w in gram) < 2:
                continue  # "we are going to" is in many quotations
            if gram in owner:
                a, b = find(owner[gram]), find(key)
                if a != b:  # the earlier (longer) quotation stays the group's key
                    first, second = sorted((a, b), key=rank.__getitem__)
                    parent[second] = first
            else:
                owner[gram] = key
    return {k: find(k) for k in ordered}


# --------------------------------------------------------------------------- value tests


def _count_bounds(n: dict[str, Any]) -> tuple[float, float] | None:
    low, high = n.get("low"), n.get("high")
    if low is None and high is None:
        return None
    value = n.get("value")
    slack = count_slack(float(value)) if value is not None and not n.get("qualifier") else 0.0
    lo = -INF if low is None else float(low) - slack
    hi = INF if high is None else float(high) + slack
    return (lo, hi)


def _dt_bounds(n: dict[str, Any]) -> tuple[dt.datetime, dt.datetime] | None:
    try:
        return dt.datetime.fromisoformat(n["start"]), dt.datetime.fromisoformat(n["end"])
    except (KeyError, TypeError, ValueError):
        return None


CONVERTED_UNITS = frozenset({"km/h", "m"})


def _widen(bounds: tuple[float, float], share: float) -> tuple[float, float]:
    low, high = bounds
    return low - abs(low) * share, high + abs(high) * share


def compatible(kind: str, a: dict[str, Any], b: dict[str, Any], place_same: bool = False) -> bool:
    """Can both normalised values be true at once? (True when a value cannot be read.)"""
    if kind == ClaimKind.COUNT:
        if a.get("unit") == "tally" or b.get("unit") == "tally":
            if a.get("unit") != b.get("unit"):
                return True
            return (a.get("low"), a.get("against")) == (b.get("low"), b.get("against"))
        ia, ib = _count_bounds(a), _count_bounds(b)
        if ia is None or ib is None or a.get("unit", "") != b.get("unit", ""):
            return True
        if a.get("unit") in CONVERTED_UNITS:
            # "115 mph" is 185.07 km/h: a figure converted from another unit was rounded
            ia, ib = _widen(ia, 0.01), _widen(ib, 0.01)
        return ia[0] <= ib[1] and ib[0] <= ia[1]
    if kind == ClaimKind.ORDINAL:
        if "previous_high" in a or "previous_high" in b:
            if "previous_high" not in a or "previous_high" not in b:
                return True
            alo, ahi = a.get("previous_low"), a.get("previous_high")
            blo, bhi = b.get("previous_low"), b.get("previous_high")
            alo, blo = -INF if alo is None else alo, -INF if blo is None else blo
            ahi, bhi = INF if ahi is None else ahi, INF if bhi is None else bhi
            return alo <= bhi and blo <= ahi
        return a.get("value") == b.get("value")
    if kind == ClaimKind.DATETIME:
        da, db = _dt_bounds(a), _dt_bounds(b)
        if da is None or db is None:
            return True
        return da[0] <= db[1] and db[0] <= da[1]
    if kind == ClaimKind.DURATION:
        sa, sb = a.get("seconds"), b.get("seconds")
        if not sa or not sb:
            return True
        for x, sx, sy in ((a, sa, sb), (b, sb, sa)):
            if x.get("bound") == "max" and sy <= 1.1 * sx:
                return True  # "under an hour" fits "about 40 minutes"
            if x.get("bound") == "min" and sy >= 0.9 * sx:
                return True  # "more than three hours" fits "three and a half hours"
        if a.get("step") and b.get("step"):
            # two lengths given to the minute (or second) are the same only to that unit
            return abs(sa - sb) <= max(a["step"], b["step"])
        return abs(sa - sb) <= 0.1 * max(sa, sb)
    if kind == ClaimKind.NEGATION:
        # "confirmed" clashes with "not confirmed" and "denied"; "met" with "did not meet"
        pa, pb = a.get("polarity"), b.get("polarity")
        return pa == pb or ("confirmed" not in (pa, pb) and "yes" not in (pa, pb))
    if kind == ClaimKind.PLACE:
        if place_same:
            return True
        return _places_compatible(a, b)
    return True


def _places_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Can both places be where it happened? Yes when one name holds the other, when one was
    written as lying in the other ("the Harbour View Hotel in Veldhaven" / "Veldhaven"), or
    when one is an area that may hold the other: a country, a world region, a province, a
    coast (without a gazetteer we cannot tell what lies inside them). Two different
    countries, two different sites, or two different towns clash."""
    pa = normalise_name(str(a.get("place", "")))
    pb = normalise_name(str(b.get("place", "")))
    wa, wb = set(pa.split()), set(pb.split())
    if not pa or not pb or wa <= wb or wb <= wa:
        return True  # "Kellerby airfield" / "Kellerby military airfield"
    within_a = {normalise_name(str(w)) for w in a.get("within", [])}
    within_b = {normalise_name(str(w)) for w in b.get("within", [])}
    if pa in within_b or pb in within_a:
        return True
    if a.get("exclusive") and b.get("exclusive"):
        return False  # one home city
    area_a, area_b = _area(pa, a), _area(pb, b)
    if area_a == "country" and area_b == "country":
        return False
    if area_a or area_b:
        return True
    site_a, site_b = _site(pa, a), _site(pb, b)
    if site_a != site_b:
        # a site and a town: the site may lie in the town ("in Lantern Square" / "in
        # Dunmere"), unless it was written as lying in another town
        site_within = within_a if site_a else within_b
        return not any(not _area(w, {}) for w in site_within)
    # two towns, or two sites, differ ("near Sarrow Point" / "near Port Aldine")
    return False


def _site(name: str, n: dict[str, Any]) -> bool:
    """A facility inside a town ("Pellam Airport", "the Quay Hotel"), not a town whose name
    ends like one ("Tolland Bay", "Port Aldine")."""
    if n.get("site"):
        return True
    last = name.rsplit(" ", 1)[-1].removesuffix("s")
    return last in lx.SITE_NOUNS and (
        n.get("label") == "FAC" or " " in name  # "Kellerby airfield", whatever its label
    )


def _area(name: str, n: dict[str, Any]) -> str:
    """ "country", "area" (a world region, province, coast…) or "" for a town or a site."""
    bare = name.removeprefix("the ")
    if bare in lx.COUNTRIES or name in lx.COUNTRIES:
        return "country"
    if name in lx.WORLD_REGIONS or bare in lx.WORLD_REGIONS or n.get("label") == "LOC":
        return "area"
    return "area" if set(name.split()) & lx.AREA_WORDS else ""


def _signature(kind: str, c_norm: dict[str, Any]) -> str:
    items = sorted(
        (k, str(v)) for k, v in c_norm.items() if k not in ("granularity", "reported_on")
    )
    return kind + repr(items)


def _place_same(a: EventClaim, b: EventClaim, entity_key: EntityKey | None) -> bool:
    if entity_key is None:
        return False
    ka = entity_key(str(a.claim.normalized.get("place", "")))
    kb = entity_key(str(b.claim.normalized.get("place", "")))
    return ka is not None and ka == kb


# --------------------------------------------------------------------------- decisions


def _incompatible_pairs(
    kind: str, members: list[EventClaim], entity_key: EntityKey | None, speakers: _Speakers
) -> set[int]:
    """Indices (into ``members``) of claims in at least one cross-outlet incompatible pair.

    Claims are first collapsed to distinct values (whatever the outlet), so the work is the
    square of the number of *distinct values* in a block, not of its claims or outlets: a
    block of 5,000 repeats of three figures compares three values. A pair of incompatible
    values involves a claim of outlet ``o`` only when the other value is also given by an
    outlet other than ``o`` (a single outlet contradicting itself is not reported).
    """
    groups: dict[str, list[int]] = defaultdict(list)
    for i, ec in enumerate(members):
        groups[("not " if ec.claim.negated else "") + _signature(kind, ec.claim.normalized)].append(
            i
        )
    sigs = list(groups)
    if len(sigs) < 2:
        return set()
    outlets = {sig: {members[i].outlet for i in groups[sig]} for sig in sigs}
    involved: set[int] = set()
    for x in range(len(sigs)):
        for y in range(x + 1, len(sigs)):
            sx, sy = sigs[x], sigs[y]
            ox, oy = outlets[sx], outlets[sy]
            if len(ox | oy) < 2:
                continue  # one outlet only: not an outlet conflict
            a = members[groups[sx][0]]
            b = members[groups[sy][0]]
            same_place = kind == ClaimKind.PLACE and _place_same(a, b, entity_key)
            if kind == ClaimKind.ATTRIBUTION:
                if speakers.same(a.claim.normalized, b.claim.normalized):
                    continue
            elif kind in NEGATABLE_KINDS and (a.claim.negated or b.claim.negated):
                if not _denies(kind, a, b, same_place):
                    continue
            elif compatible(kind, a.claim.normalized, b.claim.normalized, same_place):
                continue
            for sig, other in ((sx, oy), (sy, ox)):
                for i in groups[sig]:
                    if other - {members[i].outlet}:
                        involved.add(i)
    return involved


@dataclass(slots=True)
class _Speakers:
    """Who said a quotation, event-wide: the canonical entity of a named speaker, and the
    roles each entity was named with in any article ("Mayor Ana Ruiz"), so that "the
    governor" in one outlet can be told apart from the person another outlet calls the
    mayor, and matched with the one person the event names as governor."""

    entity_key: EntityKey | None
    roles: dict[str, set[str]]  # entity → roles it was named with
    holders: dict[str, set[str]]  # role → entities named with it

    @classmethod
    def of(cls, claims: Sequence[EventClaim], entity_key: EntityKey | None) -> _Speakers:
        speakers = cls(entity_key, defaultdict(set), defaultdict(set))
        for ec in claims:
            if ec.claim.kind != ClaimKind.ATTRIBUTION:
                continue
            entity, role = speakers._entity(ec.claim.normalized), ec.claim.normalized.get("role")
            if entity and role:
                speakers.roles[entity].add(role)
                speakers.holders[role].add(entity)
        return speakers

    def _entity(self, n: dict[str, Any]) -> str:
        key = str(n.get("speaker_key", ""))
        return canonical_key(key, self.entity_key) if key.startswith("@") else ""

    def _identity(self, n: dict[str, Any]) -> tuple[str, set[str]]:
        entity, role = self._entity(n), str(n.get("role", ""))
        if not entity and role and len(self.holders.get(role, ())) == 1:
            entity = next(iter(self.holders[role]))
        return entity, self.roles.get(entity, set()) | ({role} if role else set())

    def same(self, a: dict[str, Any], b: dict[str, Any]) -> bool:
        """Could both speakers be one person? Two names: the same entity (or one name
        inside the other); otherwise two known roles must share one; unknown: yes."""
        ea, ra = self._identity(a)
        eb, rb = self._identity(b)
        if ea and eb:
            wa, wb = _name_words(ea), _name_words(eb)
            return ea == eb or wa <= wb or wb <= wa
        if ra and rb:
            return bool(ra & rb)
        return True


def _name_words(entity: str) -> set[str]:
    """ "@work:mayor ilse varnhagen" → {"ilse", "varnhagen"}: the name's words without the
    cluster's label and without titles."""
    name = entity.lstrip("@").partition(":")[2] or entity.lstrip("@")
    return set(normalise_name(name, "PERSON").split())


def _denies(kind: str, a: EventClaim, b: EventClaim, same_place: bool) -> bool:
    """One claim denies what the other asserts: "did not cross on Monday" vs "crossed on
    Monday evening" (the asserted value lies inside the denied one). Two denials, or a denial
    of another value ("not on Monday" vs "on Tuesday"), are compatible."""
    if a.claim.negated == b.claim.negated:
        return False
    neg, pos = (a, b) if a.claim.negated else (b, a)
    if kind == ClaimKind.DATETIME:
        dn, dp = _dt_bounds(neg.claim.normalized), _dt_bounds(pos.claim.normalized)
        return dn is not None and dp is not None and dn[0] <= dp[0] and dp[1] <= dn[1]
    if kind == ClaimKind.PLACE:
        pn = normalise_name(str(neg.claim.normalized.get("place", "")))
        pp = normalise_name(str(pos.claim.normalized.get("place", "")))
        return same_place or (bool(pn) and pn == pp)
    return False


def _about(members: Sequence[EventClaim]) -> str:
    counts = Counter(ec.claim.about for ec in members if ec.claim.about)
    if not counts:
        return members[0].claim.kind
    return max(counts, key=lambda a: (counts[a], -len(a), a))


def _explanation(about: str, members: Sequence[EventClaim]) -> str:
    by_outlet: dict[str, list[str]] = {}
    for ec in members:
        shown = by_outlet.setdefault(ec.outlet, [])
        denied = ec.claim.negated and ec.claim.kind in NEGATABLE_KINDS
        value = ("not " if denied else "") + ec.claim.display
        if value not in shown:
            shown.append(value)
    parts = [f"{outlet} says {' / '.join(values)}" for outlet, values in by_outlet.items()]
    question = about[:1].upper() + about[1:]
    note = ""
    if _rising_over_days(members):
        # A figure such as a toll rises over days: still a disagreement, but say so.
        note = " (reported on different days: the figure may have been updated)"
    return f"{question}: {'; '.join(parts)}{note}."


# Cumulative figures that news updates as days pass (tolls, injured, evacuated, arrests).
CUMULATIVE_CLASSES = frozenset(
    {"die", "injure", "evacuate", "rescue", "displace", "arrest", "rise", "climb", "grow"}
)


def _rising_over_days(members: Sequence[EventClaim]) -> bool:
    """Do the figures come from different days and grow with the day they were reported?"""
    if not members or members[0].claim.kind != ClaimKind.COUNT:
        return False
    fields = members[0].claim.key.split("|")
    if len(fields) < 2 or fields[1] not in CUMULATIVE_CLASSES:
        return False
    by_day: dict[str, list[float]] = defaultdict(list)
    for ec in members:
        day, value = ec.claim.normalized.get("reported_on"), ec.claim.normalized.get("value")
        if day and value is not None:
            by_day[str(day)].append(float(value))
    if len(by_day) < 2:
        return False
    days = sorted(by_day)
    return all(max(by_day[a]) <= min(by_day[b]) for a, b in pairwise(days))


def _confidence(kind: str, key: str, members: Sequence[EventClaim]) -> float:
    """From the strength of the key match and the value parses; hedges lower it a bit."""
    fields = key.split("|")
    score = {
        ClaimKind.DATETIME: 0.85,
        ClaimKind.DURATION: 0.85,
        ClaimKind.ORDINAL: 0.8,
        ClaimKind.COUNT: 0.75,
        ClaimKind.PLACE: 0.5,
        ClaimKind.ATTRIBUTION: 0.7,
        ClaimKind.NEGATION: 0.6,
    }.get(kind, 0.6)
    if any(f.startswith("@") for f in fields):
        score += 0.05  # an entity anchors the match
    empty = sum(1 for f in fields[1:] if not f)
    score -= 0.05 * empty
    hedged = {ec.outlet for ec in members if ec.claim.hedges}
    outlets = {ec.outlet for ec in members}
    score -= 0.1 * len(hedged) / max(1, len(outlets))
    coarse = sum(1 for ec in members if ec.claim.normalized.get("granularity") in ("year", "month"))
    score -= 0.1 * coarse / max(1, len(members))
    return round(max(0.05, min(0.99, score)), 3)


def find_conflicts(
    claims: Sequence[EventClaim], *, entity_key: EntityKey | None = None
) -> list[ConflictData]:
    """One :class:`ConflictData` per (kind, key) block where outlets disagree.

    Deterministic: output sorted by (kind, key); claims in a conflict sorted by outlet,
    article and position. ``ConflictData.key`` is the canonical block key, stable across runs.
    """
    out: list[ConflictData] = []
    speakers = _Speakers.of(claims, entity_key)
    for (kind, key), block in sorted(_blocks(claims, entity_key, negated=True).items()):
        members = _without_enumerations(kind, block)
        if len({ec.outlet for ec in members}) < 2 or _journey(kind, key, members):
            continue
        involved = _incompatible_pairs(kind, members, entity_key, speakers)
        if not involved:
            continue
        taking_part = [members[i] for i in sorted(involved)]
        about = _about(taking_part)
        out.append(
            ConflictData(
                kind=kind,
                key=key,
                about=about,
                explanation=_explanation(about, taking_part),
                confidence=_confidence(kind, key, taking_part),
                claims=taking_part,
            )
        )
    return out


def _journey(kind: str, key: str, members: Sequence[EventClaim]) -> bool:
    """A place question about moving ("where the delegation arrived") that one outlet itself
    answers with two different places is a journey with several stops ("arrived in X on
    Monday … arrived in Y on Wednesday"): no outlet can be held to a single answer."""
    if kind != ClaimKind.PLACE or key.split("|")[1] not in lx.MOTION_CLASSES:
        return False
    by_outlet: dict[str, list[EventClaim]] = defaultdict(list)
    for ec in members:
        by_outlet[ec.outlet].append(ec)
    return any(
        not _places_compatible(a.claim.normalized, b.claim.normalized)
        for claims in by_outlet.values()
        for i, a in enumerate(claims)
        for b in claims[i + 1 :]
    )


def _without_enumerations(kind: str, members: list[EventClaim]) -> list[EventClaim]:
    """Drop the claims of a sentence that gives two clashing values for one question ("the
    Greens won 6.3 per cent and the Farmers' League 5.4 per cent"): the key missed what
    tells them apart, so neither can be held against another outlet."""
    if kind in (ClaimKind.NEGATION, ClaimKind.ATTRIBUTION, ClaimKind.PLACE):
        return members
    by_sentence: dict[tuple[int, int], list[EventClaim]] = defaultdict(list)
    for ec in members:
        by_sentence[(ec.article_id, ec.claim.sentence_start)].append(ec)
    dropped: set[int] = set()
    for group in by_sentence.values():
        if len(group) < 2:
            continue
        clash = any(
            not compatible(kind, a.claim.normalized, b.claim.normalized)
            for i, a in enumerate(group)
            for b in group[i + 1 :]
            if not (a.claim.negated or b.claim.negated)
        )
        if clash:
            dropped.update(id(ec) for ec in group)
    return [ec for ec in members if id(ec) not in dropped] if dropped else members


def _same_places(members: Sequence[EventClaim], entity_key: EntityKey | None) -> bool:
    def ident(ec: EventClaim) -> str:
        place = str(ec.claim.normalized.get("place", ""))
        return (entity_key(place) if entity_key else None) or normalise_name(place)

    return len({ident(ec) for ec in members}) == 1


def find_agreements(
    claims: Sequence[EventClaim], *, entity_key: EntityKey | None = None
) -> list[AgreementData]:
    """Blocks where at least two outlets give compatible values and none disagree."""
    out: list[AgreementData] = []
    speakers = _Speakers.of(claims, entity_key)
    for (kind, key), members in sorted(_blocks(claims, entity_key).items()):
        if len({ec.outlet for ec in members}) < 2:
            continue
        if kind == ClaimKind.NEGATION and not any(
            ec.claim.negated or ec.claim.normalized.get("stance") for ec in members
        ):
            continue  # "both say the talks were held": too plain to list as a finding
        if _incompatible_pairs(kind, members, entity_key, speakers):
            continue
        if kind == ClaimKind.PLACE and not _same_places(members, entity_key):
            continue  # "compatible" places (city vs country) are not an agreement
        about = _about(members)
        out.append(AgreementData(kind=kind, key=key, about=about, claims=list(members)))
    return out
