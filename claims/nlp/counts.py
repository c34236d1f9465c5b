# ruff: noqa: RUF001, RUF002  (typographic dashes/quotes are intentional: news text uses them)
"""COUNT claims: how many, how much — people, things, money, percentages, changes, rates.

:func:`_build_count` reads a number value: its qualifier ("at least", "about"), the noun it
counts, its predicate and subject, and keys it ``count|<predicate class>|<thing>|<subject>|
<scope>``. Figures with keys of their own are read in their own modules, called from here:
vote tallies and scores in :mod:`claims.nlp.tallies`; the value of a measure noun (magnitude,
toll, turnout, crowd), lengths and speeds in :mod:`claims.nlp.measures` (which also builds
ages). Another year as a scope (``_year_scope``) is in :mod:`claims.nlp.grammar`: durations
use it too.

Rules of news language (lexicon-driven, none keyed to a story):

* Counts whose predicate names the victims (killed, injured, evacuated…) and counts that are
  the direct subject/object of their verb drop a common-noun subject from the key ("the
  ministers"/"the two governments signed nine agreements"); named subjects stay.
* Scope: an explicit other year ("the 2009 quake killed 41", "last year's crowd"), a named
  area for a measure ("turnout in the North") and a plan ("expected to be signed") each give
  a claim its own key; a plain "will" does not make a plan.
* Fractions are percentages ("nearly two-thirds" → 63.3–66.7 %); "nearly" means within 5 %.
* Money needs a currency: spaCy's MONEY on "eleven accords" is read as a count of accords.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claims.nlp import lexicon as lx
from claims.nlp import normalize as nz
from claims.nlp.grammar import (
    _CURRENCY_SIGNS,
    DATE_LABELS,
    ArticleState,
    _base_claim,
    _field,
    _governor,
    _ing,
    _key,
    _negated,
    _noun_phrase,
    _other_instance,
    _owner,
    _participle_lemma,
    _passive,
    _past,
    _planned,
    _pred_class,
    _predicate,
    _Ref,
    _ref,
    _remaining,
    _reports,
    _subject_token,
    _the,
    _Value,
    _year_scope,
)
from claims.nlp.measures import (
    _SPEED_UNITS,
    _length_measure,
    _length_unit,
    _measure,
    _place_scope,
    _speed_factor,
    _usual,
)
from claims.nlp.tallies import _tally, _tally_claim
from claims.nlp.types import ClaimData, ClaimKind

if TYPE_CHECKING:  # pragma: no cover - typing only; spaCy is imported lazily at runtime
    from spacy.tokens import Doc, Span, Token


_QUALIFIER_PARTS = [(q, q.split()) for q in nz.QUALIFIERS]


def _qualifier_before(doc: Doc, start: int, floor: int) -> tuple[int, str]:
    """Qualifier phrase right before token ``start`` ("at least", "about") → (new start, q)."""
    if start > floor and doc[start - 1].dep_ == "prt":
        return start, ""  # "handed over 118 prisoners": a particle, not "more than"
    before = [t.lower_ for t in doc[max(floor, start - 4) : start]]
    for q, parts in _QUALIFIER_PARTS:
        n = len(parts)
        if n <= len(before) and before[len(before) - n :] == parts:
            return start - n, q
    return start, ""


def _qualifier_inside(span: Span) -> tuple[int, str]:
    words = [t.lower_ for t in span[:4]]
    for q, parts in _QUALIFIER_PARTS:
        if words[: len(parts)] == parts:
            return span.start + len(parts), q
    return span.start, ""


def _label_number(span: Span, sent_start: int) -> bool:
    """ "Phase 3", "Terminal 2", "Route 66": a number that names the capitalised noun before
    it, not a count."""
    if len(span) != 1 or span.start == sent_start:
        return False
    tok, before = span[0], span.doc[span.start - 1]
    return (
        tok.text.isdigit()
        and before.pos_ in ("NOUN", "PROPN")
        and before.text[:1].isupper()
        and before.text[1:].islower()
        and before.ent_type_ not in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT")
        and (tok.head.i == before.i or before.head.i == tok.i)
    )


def _counted_noun(span: Span) -> Token | None:
    """The noun a number counts: "26 foreign leaders" → leaders; "leaders from 26 countries"
    → leaders; "2,000 of them" → None (pronoun)."""
    root = span.root
    if (
        root.lower_.rstrip(".") in nz.SCALE_SUFFIXES
        and root.i > span.start
        and root.nbor(-1).like_num
        and not root.nbor(-1).whitespace_
    ):
        # "€70m", "a €70m offer": the suffix is part of the figure, not what it counts
        head = root.head
        if root.dep_ in ("compound", "nmod", "amod") and head.pos_ in ("NOUN", "PROPN"):
            return head
        return None
    if root.dep_ in ("det", "amod", "advmod"):
        # "an estimated 400,000 spectators": the span's words all hang from the noun
        root = next((t for t in reversed(span) if t.like_num or t.pos_ == "NUM"), root)
    noun: Token | None = None
    if (
        root.text[:1].isdigit()
        and root.pos_ in ("NOUN", "PROPN")
        and root.dep_ not in ("nummod", "quantmod", "amod", "compound")
    ):
        return None  # "raised $2bn": the figure itself, tagged as a noun
    if (
        root.pos_ in ("NOUN", "PROPN")
        and root.i >= span.end - 1
        and root.ent_type_
        not in (
            "CARDINAL",
            "MONEY",
            "PERCENT",
            "QUANTITY",
        )
    ):
        noun = root
    elif root.dep_ in ("nummod", "quantmod", "amod", "compound") and root.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        noun = root.head
    elif root.pos_ in ("NOUN", "PROPN") and root.i >= span.end - 1:
        noun = root
    if noun is None:
        return None
    if (
        noun.lemma_.lower() in lx.PER_COUNTRY_NOUNS
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "from"
        and noun.head.head.pos_ == "NOUN"
    ):
        return noun.head.head
    return noun


def _build_count(sent: Span, value: _Value, state: ArticleState) -> ClaimData | None:
    doc = sent.doc
    span = doc[value.start : value.end]
    if (span.start, span.end) in state.consumed:
        return None  # the second figure of a tally ("by 214 to 198")
    num_start, qualifier = _qualifier_inside(span)
    start = value.start
    if not qualifier:
        start, qualifier = _qualifier_before(doc, value.start, sent.start)
        num_start = value.start
    number_text = doc[num_start : value.end].text
    if _looks_like_year(number_text, value.label) or _label_number(span, sent.start):
        return None
    tally = _tally(sent, span, number_text, state)
    if tally is not None:
        if tally[2] == "score" and start > sent.start and doc[start - 1].lower_ in ("at", "for"):
            return None  # "a match point at 5-4", "broke for 6-5": a moment, not the result
        return _tally_claim(sent, value, start, tally, state)
    if _CLOCK_READING.fullmatch(number_text.strip()):
        return None  # "2:21:40": a race time read as a number
    parsed = nz.parse_number(number_text)
    if parsed is None:
        # "twelve accords" (QUANTITY): read the number words only
        digits = [t.text for t in doc[num_start : value.end] if t.like_num or t.pos_ == "NUM"]
        parsed = nz.parse_number(" ".join(digits)) if digits else None
        if parsed is None:
            return None
        number_text = " ".join(digits)
    fraction = nz.parse_fraction(number_text) is not None
    low, high = nz.count_interval(parsed, qualifier)
    noun = _counted_noun(span)
    points = _basis_points(doc, value.end, fraction)
    if points is not None:
        # "by 25 basis points", "by a quarter of a percentage point", "a half-point cut":
        # the size of a move in a rate, compared in basis points
        low = None if low is None else low * points
        high = None if high is None else high * points
        parsed = (parsed[0] * points, parsed[1] * points)
        fraction = False
    speed = _speed_factor(doc[value.start : min(len(doc), value.end + 3)].text)
    if speed is not None:
        # "120 km/h" and "75 mph" are one quantity: speeds compare in km/h
        low = None if low is None else low * speed
        high = None if high is None else high * speed
        parsed = (parsed[0] * speed, parsed[1] * speed)
        noun = None
    length = _length_unit(doc, span) if speed is None and points is None else None
    length_of = _length_measure(length[1], state) if length is not None else None
    if length is not None and length_of is not None:
        # "the 410-metre bridge" / "the 800-foot bridge", "at 37,000 feet" / "at 8,500
        # metres": lengths compare in metres
        factor = length[0]
        low = None if low is None else low * factor
        high = None if high is None else high * factor
        parsed = (parsed[0] * factor, parsed[1] * factor)
        noun = length_of[2]
    else:
        length = None  # "ran for 420 km", "over the final 10 km": a distance, read as before
    referential = (
        _referential(doc, start, sent.start)
        and parsed[0] < 100
        and span.text[:1] not in _CURRENCY_SIGNS  # "the $48.50-a-share deal" is a price
    )
    if referential or _partitive(doc, value.end) or _whole_of_part(doc, start, sent.start):
        # "the two leaders", "two of them", "half that": not a count of its own ("the 3,100
        # dockers who downed tools" is: a number that large is the figure, not a pointer)
        return None
    if start > sent.start and doc[start - 1].lower_ == "top":
        return None  # "the top ten", "into the top 5": a bracket of a ranking
    if _one_individual(span, noun):
        return None  # "relatives of one victim": a person pointed at, not a figure
    if noun is not None and _is_source(noun):
        return None  # "according to two people familiar with…": who says, not what
    percent = points is None and (value.label == "PERCENT" or bool(_PER_CENT.search(span.text)))
    money = value.label == "MONEY" and not percent and bool(_CURRENCY.search(span.text))
    if not money and noun is not None and noun.lemma_.lower() in lx.CURRENCY_NOUNS:
        money = not percent  # "85 million euros": the model called it a cardinal
    if money:
        thing = "money"
    elif speed is not None:
        thing = "speed"
    elif length is not None:
        thing = "length"
    elif percent or fraction:
        thing = "percent"
    elif noun is not None and noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS"):
        thing = "person"  # "126 Moravelians walked free": people of a nation
    elif noun is not None:
        thing = lx.noun_class(noun.lemma_.lower())
    else:
        thing = ""
    anchor_tok = noun if noun is not None else span.root
    verb = _governor(anchor_tok)
    figure_pred = _figure_predicate(anchor_tok, verb)
    pred = figure_pred or _predicate(verb)
    if noun is not None and _on_board(noun):
        pred = "carry"  # "the 186 passengers on board", "lists 26 satellites on board"
    if _predicate(verb) in ("release", "free") and thing in ("person", "prisoner"):
        pred = "free"  # "released 126 people held in…" (not "released a statement")
    defining = _defining_clause(noun)
    if defining and pred != "free":  # "released 126 people held in…": they were freed
        pred = defining  # "the 3,100 dockers who downed tools want …": they downed tools
    pclass = _pred_class(pred)
    if thing == "vote" and pclass in lx.GETTING_VERBS:
        pred = pclass = "win"  # "polled / took / picked up 10,412 votes": the votes won
    if pclass == "win" and anchor_tok.dep_ == "pobj" and anchor_tok.head.lower_ == "by":
        pred = pclass = "beat"  # "won the mayoralty by 3,812 votes": the margin
    money_noun = _money_noun(noun, anchor_tok) if money else None
    if money:
        # "a fee of €85m" / "a guaranteed €92m fee" / "paid €85m": what the sum is
        thing = _money_thing(money_noun, pclass, value) or thing
    # "buy Lumen for $4.2bn": a price is the price of what was bought, whoever paid
    subj_override = _bought(verb) if money and thing == "price" else None
    level_of: Token | None = None
    moved = pclass in ("rise", "fall") or (
        verb is not None and _moves_a_level(verb) and (noun is None or percent or money)
    )  # "cut its rate to 4.25%" moves a level; "cut power to 1.2 million homes" does not
    if moved and _after_word(doc, start, "to"):
        pred = pclass = "total"  # "cases have risen to 87": the level, not the change
        # "cut its policy rate by a quarter point to 4.25%": the level of the rate
        level_of = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb else None
    elif pclass in lx.NEUTRAL_PREDICATES and anchor_tok.dep_ == "pobj" and pclass != "put at":
        # "reported in five countries" / "exported to 11 countries": the source verb says
        # nothing, but the preposition does
        pred = pclass = f"@{anchor_tok.head.lower_}"
    if (
        pclass in lx.WATCHING_VERBS
        and noun is not None
        and noun.lemma_.lower() in lx.SPECTATOR_NOUNS
    ):
        thing = "spectator"  # "400,000 spectators lined the route" = "half a million people"
    if thing in ("death",) or (pclass == "die" and thing in ("", "person", "troop")):
        pclass, thing = "die", "death" if thing in ("", "death", "person") else thing
    subj_tok = subj_override or _subject_token(verb)
    same = subj_tok is None or (
        noun is not None and subj_tok.i == noun.i and thing not in ("percent", "money")
    )
    subject = _Ref.empty() if same else _ref(subj_tok, state)
    if verb is not None and _pred_class(_predicate(verb)) == "put at":
        # "preliminary figures put the train's speed at 75 mph": the train's speed, whoever
        # gives the figure
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        owner = _owner(dobj, state) if dobj is not None else _Ref.empty()
        if owner.key:
            subject, pred, pclass = owner, "total", "total"
    measured = anchor_tok.head.head if anchor_tok.dep_ == "pobj" else None
    if (
        percent
        and figure_pred
        and measured is not None
        and measured.lemma_.lower() == figure_pred
        and not subject.key.startswith("@")
    ):
        # "the budget forecasts a deficit of 3.1%" / "with a deficit of 3.8% of GDP": the
        # share is the deficit's, whoever forecasts it (its owner, when written, counts)
        subject = _owner(measured, state)
    if subj_tok is not None and subj_tok.lemma_.lower() in lx.DOCUMENT_NOUNS:
        subject = _Ref.empty()  # "a ransom note demanding $12m": the note is not who asks
    own_subject = subject.key and not (subj_tok is not None and start <= subj_tok.i < value.end)
    share_of = _share_of(doc, value.end) if (percent or fraction) and not own_subject else None
    if share_of is not None:
        subject = _ref(share_of, state)  # "two-thirds of mortgages": a share of mortgages
    if level_of is not None and level_of.pos_ == "PRON" and verb is not None:
        # "cut interest rates, bringing them down to 4.5%": the rates the clause above moved
        level_of = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if level_of is not None and level_of.pos_ == "NOUN":
        subject = _level_name(level_of)
    else:
        level_of = None
    counted = _counted_by_subject(subj_tok) if not thing else None
    if counted is not None:
        # "the number of ships waiting has risen to 22": the figure counts the ships
        thing = lx.noun_class(counted.lemma_.lower())
        subject = _Ref.empty()
        # "the number of people killed rose to eight": a toll, whatever verb moved it
        # "people known to have died"; "the number of people killed", the clause parsed
        # onto "number"
        rel_class = _pred_class(_defining_clause(counted) or _defining_clause(subj_tok))
        if rel_class:
            # "the number of people taken to hospital has risen to 15": what happened to
            # them, whatever verb moved the figure
            pred = pclass = rel_class
            thing = "death" if rel_class == "die" else thing
    measure = _measure(span.root, noun, verb, subj_tok)
    if length_of is not None:
        measure = length_of
    if noun is not None and measure is None and (town := _population_of(noun)) is not None:
        measure = ("population", _ref(town, state).key, None)  # "a city of 310,000 people"
    if not thing and not subject.key and measure is None:
        return None
    claim = _base_claim(sent, _Value(start, value.end, value.label), ClaimKind.COUNT)
    unit = "%" if percent or fraction else ""
    claim.normalized.update(
        {
            "low": low,
            "high": high,
            "value": (parsed[0] + parsed[1]) / 2,
            "qualifier": qualifier,
            "unit": unit or ("money" if money else "") or ("km/h" if speed else ""),
        }
    )
    if state.published is not None:
        claim.normalized["reported_on"] = state.published.isoformat()
    claim.display = nz.format_count(low, high, unit=unit)
    if money:
        claim.display = doc[start : value.end].text  # "$4.2 billion" reads better as written
    if length is not None:
        written = doc[start : max(value.end, length[1].i + 1)].text
        shown = f"{parsed[0]:,.0f} m" if parsed[0] >= 10 else f"{parsed[0]:.2g} m"
        claim.normalized["unit"] = "m"
        claim.display = written if length[0] == 1 else f"{written} (≈{shown})"
    if speed is not None:
        around = doc[start : min(len(doc), value.end + 3)].text
        unit_end = _SPEED_UNITS.search(around)
        written = around[: unit_end.end()] if unit_end else doc[start : value.end].text
        claim.display = written if speed == 1 else f"{written} (≈{parsed[0]:,.0f} km/h)"
    if fraction:
        claim.display = f"{number_text} ({claim.display})"
    noun_text = _noun_phrase(noun) if noun is not None else thing
    claim.subject = subject.display or (noun_text if noun is not None else "")
    claim.predicate = pred
    asked = "money" if money else noun_text or "items"  # "the sum", not "number of crowns"
    claim.about = _count_about(asked, pred, subject.display, _passive(verb))
    if money and money_noun is not None:
        words = [
            t.text_with_ws
            for t in money_noun.doc[money_noun.left_edge.i : money_noun.i + 1]
            if not (value.start <= t.i < value.end) and t.dep_ != "det"
        ]
        claim.about = "the " + "".join(words).strip()  # "the ransom", "the winner's cheque"
    elif money and thing == "price":
        claim.about = "the price paid"
    scope = _year_scope(span.root, noun, verb, subj_tok, state)
    if _other_instance(subj_tok) or _other_instance(noun):
        scope = ",".join(x for x in (scope, "other") if x)
    if _previous_value(doc, start, value.end, sent.start):
        scope = ",".join(x for x in (scope, "before") if x)
    period = _period_scope(span)
    if period:
        scope = ",".join(x for x in (scope, period) if x)
    if start > sent.start and doc[start - 1].lower_ in lx.INCREMENT_WORDS:
        scope = ",".join(x for x in (scope, "more") if x)  # "fell a further 3%": another step
    if _remaining(doc, value.end, sent.end):
        scope = ",".join(x for x in (scope, "left") if x)  # "with six kilometres remaining"
    if _usual(noun) or _usual(subj_tok) or _usual_verb(verb):
        scope = ",".join(x for x in (scope, "usual") if x)  # "the normal limit is 70mph"
    if _over_past_years(verb) or _over_past_years(noun) or _since_year(verb, state):
        scope = ",".join(x for x in (scope, "years") if x)  # "12 killed in the past decade"
    if pclass in ("rise", "fall") and (_since(verb) or _since(span.root)):
        # "have risen by a fifth since the bid was announced" is not the day's move
        scope = ",".join(x for x in (scope, "since") if x)
    if (
        start > sent.start
        and doc[start - 1].lower_ == "by"
        and verb is not None
        and verb.lemma_.lower() in lx.CHANGE_VERBS
        and pclass not in ("rise", "fall")  # "rose by 12" is already a change
    ):
        scope = ",".join(x for x in (scope, "change") if x)  # "enlarged it by six million"
    if start > sent.start and doc[start - 1].lower_ == "within":
        scope = ",".join(x for x in (scope, "within") if x)  # a radius, not a distance
    after = noun.i + 1 if noun is not None and noun.i >= value.end else value.end
    if not money and (
        (rate := _per_unit(doc, after, sent.end)) in lx.RATE_PERIODS or (rate := _recurring(verb))
    ):
        # "90,000 vehicles a day", "450 cases are reported each year": a rate
        scope = ",".join(x for x in (scope, f"per:{rate}") if x)
    if money and (rate := _per_unit(doc, value.end, sent.end)):
        scope = ",".join(x for x in (scope, f"per:{rate}") if x)  # "$38 a share"
        if thing in ("money", "offer"):
            thing = "price"  # "a $48.50-per-share offer": a price per share, whatever the noun
        claim.about = f"the price per {rate}"
    if _planned(verb) and measure is None:
        # "three agreements are expected to be signed" is a plan; "signed seven" happened.
        scope = ",".join(x for x in (scope, "plan") if x)
    if length is not None:
        # "the 800-foot bridge, which opened in 1964": the year dates the bridge, not its length
        scope = ",".join(x for x in scope.split(",") if x and not x.startswith("y:"))
    if measure is not None and measure[0] not in ("death", "attendance"):
        # a turnout in one region is not the national one; a crowd has one venue
        where = _place_scope(span.root, measure[2], state)
        scope = ",".join(x for x in (scope, where) if x)
    if (percent or fraction) and measure is None and verb is not None:
        # "the party took 55.8% across the capital's constituencies": a regional share
        preps = [c for c in verb.children if c.dep_ == "prep" and c.i != span.root.i]
        # "63.8 per cent of Tessburg", "won 68.2% in the capital"
        where = next(filter(None, (_place_scope(p, None, state) for p in [span.root, *preps])), "")
        where = where if where and not any(where in p for p in scope.split(",")) else ""
        scope = ",".join(x for x in (scope, where) if x)
    change = _change_of(span) if percent and measure is None else None
    if change is not None and change[1] is None:
        return None  # the size of a change of nothing named ("a 4% increase in April")
    if points is not None:
        change = _rate_move(span, verb)
        claim.normalized["unit"] = "bp"
        claim.display = f"{doc[start : value.end].text} ({nz.format_count(low, high)} bp)"
        if doc[start : value.end].text.replace(",", "") == f"{parsed[0]:g}":
            claim.display = f"{nz.format_count(low, high)} bp"
    what = _Ref.empty()
    if change is not None:
        c_class, changed = change
        what = _level_name(changed) if points is not None and changed else _ref(changed, state)
        if not what.key and points is None:
            change = None  # "up 1.8%": a change of what, the key cannot say
    if pclass == "free" and not subject.key:
        # "118 Moravelians freed by Karsk", "were released by the rebels": who freed them
        holders = [t for t in (verb, noun) if t is not None]
        holders += [c for t in holders for c in t.children if c.dep_ in ("acl", "relcl")]
        agent = next((c for t in holders for c in t.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        subject = _ref(by, state) if by is not None else subject
    freed_by_name = pclass == "free" and subject.key.startswith("@")
    if change is not None:
        # "a 6.5% pay rise" / "a pay increase of 7.5 per cent" / "revenue down 6.1%": the
        # size of a change, asked about the thing that changed
        unit_thing = "percent" if points is None else "basis point"
        claim.key = _key(ClaimKind.COUNT, c_class, unit_thing, what.key, scope)
        claim.about = f"how much {_the(what.display) if what.display else 'it'} {_past(c_class)}"
    elif measure is not None:
        m_class, owner, m_tok = measure
        m_pclass = "die" if m_class == "death" else "measure"
        if m_tok is not None and _cumulative(m_tok):
            scope = ",".join(x for x in (scope, "total") if x)  # "total attendance of …"
        claim.key = _key(ClaimKind.COUNT, m_pclass, m_class, owner, scope)
        claim.about = lx.MEASURE_ABOUT.get(m_class, f"the {m_class}")
        if m_class == "length" and owner:
            claim.about = f"the length of the {owner}"
    elif (
        thing in lx.DISTANCE_THINGS
        and (reference := _distance_from(doc, noun.i + 1 if noun is not None else value.end))
        is not None
    ):
        # "some 312 million kilometres from Earth", "550 km above the Earth", "12 km north
        # of the town": how far from the place, whatever the verb
        where = _ref(reference, state)
        height = reference.head.lower_ in _HEIGHT_PREPS  # "550 km above the Earth"
        # the place is part of the question: 60 km from the capital is not 1.5 km from the site
        how = f"{'height' if height else 'distance'}:{where.key}"
        claim.key = _key(ClaimKind.COUNT, how, thing, "", scope)
        claim.about = f"how far {reference.head.lower_ if height else 'from'} {_the(where.display)}"
    elif (pclass in lx.VICTIM_CLASSES and not freed_by_name) or (
        thing
        and thing not in ("percent", "money")  # "inflation was 3.1%": a share of what
        and pclass not in lx.HOLDING_VERBS  # "the site employs 3,200" ≠ "the group employs"
        and pclass not in ("total", "arrive")  # "health spending will reach 61 billion"
        and not subject.key.startswith("@")
        and _direct_argument(noun, verb)
    ):
        # Who killed or injured does not change the count ("the quake killed 12" / "12 people
        # died"; but who freed whom does, in an exchange); nor does a common-noun subject
        # ("the ministers" / "the two governments signed nine agreements"): the counted thing
        # and the predicate carry the question.
        claim.key = _key(ClaimKind.COUNT, pclass, thing, "", scope)
        claim.about = _count_about(
            noun_text or "items",
            pred,
            "",
            _passive(verb),
            obj=noun is not None and noun.dep_ == "dobj",
        )
    else:
        claim.key = _key(ClaimKind.COUNT, pclass, thing, subject.key, scope)
    if pclass == "die" and measure is None:
        claim.about = "number of people killed"
    if speed is not None:
        claim.about = f"the speed of {_the(subject.display)}" if subject.display else "the speed"
    if level_of is not None:
        claim.about = f"the new level of {_the(subject.display)}"
    elif thing == "percent" and claim.about.startswith("number of ") and subject.display:
        claim.about = f"the percentage for {subject.display}"  # not "number of per cent"
    claim.negated = _negated(verb, noun)
    if qualifier in nz.APPROX:
        claim.hedges.append(qualifier)
    return claim


_PER_CENT = re.compile(r"\bper\s?cent\b|\bpercent\b|%", re.I)
_PARTITIVE_OBJECTS = frozenset({"them", "those", "these", "whom", "which", "us", "it"})
_REFERRING_DETERMINERS = frozenset({"the", "these", "those", "both"})


def _referential(doc: Doc, start: int, floor: int) -> bool:
    """ "the two leaders", "those 14 homes": a number inside a definite description refers
    back to a group; it is not itself a statement of how many."""
    return start > floor and doc[start - 1].lower_ in _REFERRING_DETERMINERS


def _partitive(doc: Doc, end: int) -> bool:
    """ "six were injured, two of them seriously": a part of a group counted elsewhere;
    "offered half that": a share of a figure given elsewhere."""
    if end < len(doc) and doc[end].lower_ in ("that", "this") and doc[end].dep_ != "mark":
        return nz.parse_fraction(doc[end - 1].text) is not None or doc[end - 1].lower_ in (
            "half",
            "twice",
            "double",
        )
    return (
        end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in _PARTITIVE_OBJECTS
    )


def _whole_of_part(doc: Doc, start: int, sent_start: int) -> bool:
    """ "saved 11 of 13 break points", "won seven of nine matches": the second figure is
    the whole the verb's part was taken from, not what the verb did."""
    return (
        start - 2 >= sent_start
        and doc[start - 1].lower_ == "of"
        and (doc[start - 2].like_num or doc[start - 2].pos_ == "NUM")
    )


def _counted_by_subject(subj: Token | None) -> Token | None:
    """ "the number/queue/tally of X" as the subject: X is what the figure counts."""
    if subj is None or subj.lemma_.lower() not in lx.COUNTING_SUBJECTS:
        return None
    of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return pobj if pobj is not None and pobj.pos_ == "NOUN" else None


def _after_word(doc: Doc, start: int, word: str) -> bool:
    return start > 0 and doc[start - 1].lower_ == word


def _is_source(noun: Token) -> bool:
    """Is the counted noun who a statement comes from ("two officials said", "according to
    three people familiar with the plans")?"""
    if noun.dep_ == "nsubj" and _reports(noun.head):
        return True
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True
    # "two people with knowledge of the finances put the hole at…", "people familiar with"
    return noun.lemma_.lower() in lx.SOURCE_NOUNS and any(
        c.lower_ in ("familiar", "with", "close", "briefed") for c in noun.rights
    )


def _recurring(verb: Token | None) -> str:
    """The period when the verb happens every period ("are reported each year", "arrive
    every day", "are recorded annually", "is paid per month"): the figure is a rate."""
    if verb is None:
        return ""
    for child in verb.children:
        if child.lower_ in lx.PERIOD_ADVERBS:
            return lx.PERIOD_ADVERBS[child.lower_]
        noun = child
        if child.dep_ == "prep" and child.lower_ == "per":
            noun = next((g for g in child.children if g.dep_ == "pobj"), child)
        elif child.dep_ not in ("npadvmod", "advmod", "dobj"):
            continue
        period = noun.lemma_.lower()
        if period in lx.RATE_PERIODS and (
            noun is not child or any(d.lower_ in ("each", "every", "a", "per") for d in noun.lefts)
        ):
            return period
    return ""


def _one_individual(span: Span, noun: Token | None) -> bool:
    """ "relatives of one victim", "the owner of one shop": "one" before a singular noun that
    hangs by "of" on another noun singles out one of a group; it counts nothing."""
    return (
        span.text.lower() == "one"
        and noun is not None
        and noun.tag_ == "NN"
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.pos_ in ("NOUN", "PROPN")
    )


def _previous_value(doc: Doc, start: int, end: int, floor: int) -> bool:
    """ "up from 36.5 per cent", "cut from ten years to seven": the figure a change started
    from, not the current one."""
    before = [t.lower_ for t in doc[max(floor, start - 2) : start]]
    if before[-1:] != ["from"]:
        return before[-2:] in (["compared", "with"], ["compared", "to"])
    if before[-2:-1] and before[-2] in ("up", "down", "rising", "falling"):
        return True
    after = doc[end : end + 4]
    return any(t.lower_ == "to" for t in after) and any(t.like_num for t in after)


def _on_board(noun: Token) -> bool:
    """ "passengers on board (flight X)", "satellites aboard": what a vehicle carries."""
    after = [t.lower_ for t in noun.doc[noun.i + 1 : noun.i + 3]]
    return after[:1] == ["aboard"] or after == ["on", "board"]


def _bought(verb: Token | None) -> Token | None:
    """What a paying verb pays for: "agreed to buy Lumen Optics for $4.2bn" → Lumen Optics."""
    if verb is None or _pred_class(_predicate(verb)) not in lx.PAYING_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and obj.pos_ in ("NOUN", "PROPN") else None


def _per_unit(doc: Doc, end: int, limit: int) -> str:
    """ "$38 a share", "€12 per hour", "£3 each": the sum is a rate, keyed by its unit."""
    if end + 1 < limit and doc[end].lower_ in ("a", "an", "per") and doc[end + 1].pos_ == "NOUN":
        return doc[end + 1].lemma_.lower()
    if end < limit and doc[end].lower_ == "each":
        return "each"
    if end + 2 < limit and doc[end].lower_ == "for" and doc[end + 1].lower_ in ("each", "every"):
        noun = next((t for t in doc[end + 2 : min(limit, end + 5)] if t.pos_ == "NOUN"), None)
        return noun.lemma_.lower() if noun is not None else "each"  # "$46.50 for each share"
    if end + 2 < limit and doc[end].text in ("-", "‐") and doc[end + 1].lower_ in ("a", "per"):
        return doc[end + 3].lemma_.lower() if doc[end + 2].text in ("-", "‐") else ""
    return ""


def _money_noun(noun: Token | None, anchor: Token) -> Token | None:
    """The noun that says what a sum is: "a guaranteed €92m fee", "a fee of €85m", "a demand
    for $7m"."""
    if noun is not None and noun.lemma_.lower() in lx.MONEY_NOUNS:
        return noun
    head = anchor.head
    if anchor.dep_ in ("nmod", "compound", "amod") and head.lemma_.lower() in lx.MONEY_NOUNS:
        return head  # "the $48.50-a-share cash deal"
    if (
        anchor.dep_ == "pobj"
        and head.lower_ in ("of", "for")
        and head.head.pos_ == "NOUN"
        and head.head.lemma_.lower() in lx.MONEY_NOUNS
    ):
        return head.head
    return None


def _money_thing(money_noun: Token | None, pclass: str, value: _Value) -> str:
    """What a sum of money is, as a class ("price", "demand", "prize"…), with the noun's
    owner when one is written ("the winner's cheque" is not "the runner-up cheque"); "" when
    nothing says (the predicate must then match)."""
    if money_noun is None:
        return "price" if pclass in lx.PAYING_VERBS else ""
    owners = [
        c.lemma_.lower()
        for c in money_noun.children
        if c.dep_ in ("poss", "compound")
        and c.pos_ in ("NOUN", "PROPN")
        and not value.start <= c.i < value.end
        and c.lemma_.lower() not in lx.NEUTRAL_MONEY_MODIFIERS
        and not c.ent_type_
    ]
    return " ".join([*owners, lx.MONEY_NOUNS[money_noun.lemma_.lower()]])


def _figure_predicate(anchor: Token, verb: Token | None) -> str:
    """What the figure is said to be, when the clause verb does not say it.

    * a participle on the figure itself: "20% contained", "the 216 seats needed";
    * a noun the figure hangs from: "a premium of 27%", "a meeting among three leaders";
    * the object of an estimating verb: "put the burned area at 5,800 hectares" → burn.
    """
    acl = next((c for c in anchor.children if c.dep_ in ("acl", "amod") and c.tag_ == "VBN"), None)
    if acl is not None and acl.i == anchor.i + 1:
        return _participle_lemma(acl)
    head = anchor.head
    if (
        anchor.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in ("of", "among", "between", "with")
        and head.head.pos_ == "NOUN"
        and head.head.lemma_.lower() not in lx.COUNT_NOUNS
        and head.head.lemma_.lower() not in lx.MEASURE_NOUNS
    ):
        return head.head.lemma_.lower()
    if verb is not None and _pred_class(_predicate(verb)) in lx.SOURCE_PREDICATES:
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if dobj is not None and dobj.i != anchor.i:
            participle = next(
                (c for c in dobj.children if c.dep_ == "amod" and c.tag_ == "VBN"), None
            )
            if participle is not None:
                return _participle_lemma(participle)
    return ""


_PERCENTAGE_POINT = re.compile(r"^(?:of\s+)?(?:a\s+)?percentage[\s-]+points?\b", re.I)
_BASIS_POINT = re.compile(r"^(?:basis[\s-]+points?|bps?)\b", re.I)
_HYPHEN_POINT = re.compile(r"^-\s*points?\b", re.I)


def _basis_points(doc: Doc, end: int, fraction: bool) -> float | None:
    """Basis points per unit of the figure ending at ``end``: 1 for "25 basis points", 100
    for "0.25 percentage points", 1 for "a quarter of a percentage point" and "a half-point"
    (fractions already read as 25 and 50); None when the figure is not in points."""
    after = doc[end : min(len(doc), end + 5)].text
    if _BASIS_POINT.match(after):
        return 1.0
    if _PERCENTAGE_POINT.match(after):
        return 1.0 if fraction else 100.0
    if fraction and _HYPHEN_POINT.match(after):
        return 1.0
    return None


def _rate_move(span: Span, verb: Token | None) -> tuple[str, Token | None] | None:
    """ "cut its rate by 25 basis points" → ("fall", rate); "a half-point cut" → ("fall", …)."""
    tok = span.root
    while tok.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod") and tok.head != tok:
        tok = tok.head
        noun_class = lx.CHANGE_NOUNS.get(tok.lemma_.lower())
        if noun_class is not None and tok.pos_ == "NOUN":
            return noun_class, None
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    direction = lx.CHANGE_NOUNS.get(lemma) or ("rise" if lemma in ("raise", "lift") else "fall")
    deps = ("dobj",) if any(c.dep_ == "dobj" for c in verb.children) else ("nsubj",)
    obj = next((c for c in verb.children if c.dep_ in deps and c.pos_ == "NOUN"), None)
    return direction, obj  # "cut its rate by 25bp" / "the rate rose by 0.5 points"


_YEAR_PERIOD = re.compile(r"\b(?:full[- ]year|annual|yearly|twelve[- ]month)\b", re.I)
_HALF_PERIOD = re.compile(r"\b(?:first|second)[- ]half|half[- ]year(?:ly)?\b", re.I)


_CLOCK_READING = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?")


def _usual_verb(verb: Token | None) -> bool:
    """ "the valley normally sees 95 millimetres in April": a figure for ordinary times."""
    return verb is not None and any(
        c.dep_ == "advmod" and c.lower_ in lx.USUAL_ADVERBS for c in verb.children
    )


def _over_past_years(tok: Token | None) -> bool:
    """ "killed in crane accidents in the past decade", "over the last ten years": a tally
    of many events, not the story's own figure."""
    if tok is None:
        return False
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "over", "during", "across"):
            continue
        for span in prep.children:
            if (
                span.dep_ == "pobj"
                and span.lemma_.lower() in lx.LONG_PERIODS
                and any(c.lower_ in ("past", "last", "previous") for c in span.children)
            ):
                return True
    return False


_HEIGHT_PREPS = frozenset({"above", "below", "beneath", "under"})
_DISTANCE_PREPS = frozenset({"from", "off"}) | _HEIGHT_PREPS


def _distance_from(doc: Doc, i: int) -> Token | None:
    """The place a distance is measured from: "… from Earth", "… above the Earth", "…
    north of Brennick" (the object of the preposition right after the distance)."""
    if i < len(doc) and doc[i].lower_ in lx.DIRECTION_WORDS | {"north", "south", "east", "west"}:
        i += 1  # "12 km north of the town"
        if i >= len(doc) or doc[i].lower_ != "of":
            return None
    elif i >= len(doc) or doc[i].lower_ not in _DISTANCE_PREPS:
        return None
    return next((c for c in doc[i].children if c.dep_ == "pobj"), None)


def _since(tok: Token | None) -> Token | None:
    """The "since …" phrase or clause of a verb or figure ("since 2000", "since the bid was
    made")."""
    if tok is None:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "since":
            return c
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children):
            return c
    return None


def _since_year(verb: Token | None, state: ArticleState) -> bool:
    """ "Since 2000, 14 vessels have been lost, with 31 deaths": a tally over the years."""
    since = _since(verb)
    if since is None or since.dep_ != "prep" or state.published is None:
        return False
    years = [int(t.text) for t in since.subtree if re.fullmatch(r"1[89]\d\d|20\d\d", t.text)]
    return bool(years) and years[0] < state.published.year


def _period_scope(span: Span) -> str:
    """ "full-year revenue of $9.4 billion" is not the quarter's revenue: "p:year" / "p:half"
    when the figure's noun says it covers a year or a half (news figures default to the
    period the story is about, so a quarter needs no mark)."""
    tok = span.root
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        noun = tok.head.head
    elif tok.dep_ in ("compound", "amod", "nummod") or tok.head.pos_ == "NOUN":
        noun = tok.head
    else:
        return ""
    if noun.pos_ != "NOUN":
        return ""
    mods = noun.doc[noun.left_edge.i : noun.i].text  # "full-year", "first-half"
    if _YEAR_PERIOD.search(mods):
        return "p:year"
    if _HALF_PERIOD.search(mods):
        return "p:half"
    return ""


def _cumulative(tok: Token) -> bool:
    """ "total attendance of 187,000 across the fortnight": a sum over many days."""
    return any(c.lower_ in lx.CUMULATIVE_WORDS for c in tok.children) or any(
        c.dep_ == "prep" and c.lower_ in ("across", "throughout") for c in tok.children
    )


def _share_of(doc: Doc, end: int) -> Token | None:
    """ "two-thirds of mortgages", "40% of voters": the whole the share is of."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return None
    return next((c for c in doc[end].children if c.dep_ == "pobj"), None)


def _moves_a_level(verb: Token) -> bool:
    """ "cut/lowered/raised its rate (by …) to 4.25%", "bringing them down to 4.5%"."""
    lemma = verb.lemma_.lower()
    if lemma in lx.LEVEL_VERBS:
        return True
    return lemma in ("bring", "take", "push")  # "brings the fleet to 96 satellites"


def _level_name(noun: Token) -> _Ref:
    """What a level belongs to, by its compound name with the words that only say it is the
    main one dropped: "its main policy rate" / "the benchmark rate" → "rate", while "the
    deposit rate" stays "deposit rate"."""
    words = [
        c.lemma_.lower()
        for c in noun.children
        if c.dep_ in ("compound", "amod") and c.lemma_.lower() not in lx.HEADLINE_MODIFIERS
    ]
    name = " ".join([*words, noun.lemma_.lower()])
    return _Ref(_noun_phrase(noun), _field(name))


def _change_of(span: Span) -> tuple[str, Token | None] | None:
    """A percentage that is the size of a change → (rise/fall, what changed): "a 6.5% pay
    rise" (pay), "a pay increase of 7.5 per cent", "a 9% drop in revenue" (revenue),
    "revenue down 6.1%" (revenue); what changed is None when only a date is named ("an
    increase of 4 percent in April")."""
    tok = span.root
    while tok.head.lower_ in ("%", "percent", "cent") and tok.head.i != tok.i:
        tok = tok.head  # "6.5" → "%" / "percent" / "per cent": the percentage's phrase
    head = tok.head
    if tok.dep_ in ("amod", "compound", "nummod", "npadvmod") and head.pos_ == "NOUN":
        noun = head
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("of", "by") and head.head.pos_ == "NOUN":
        noun = head.head
    elif tok.dep_ == "npadvmod" and head.lower_ in ("up", "down") and head.head.pos_ == "NOUN":
        return ("rise" if head.lower_ == "up" else "fall"), head.head
    else:
        return None
    c_class = lx.CHANGE_NOUNS.get(noun.lemma_.lower())
    if c_class is None:
        return None
    changed = next(
        (c for c in noun.children if c.dep_ == "compound" and c.i != tok.i and not c.like_num),
        None,
    )
    if changed is None:
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"), None)
        changed = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if changed is not None and changed.ent_type_ in DATE_LABELS:
        return (c_class, None)  # "an increase of 4 percent in April": when, not what
    return (c_class, changed) if changed is not None else None  # "a 2% rise" in what?


def _defining_clause(noun: Token | None) -> str:
    """The happening a relative clause on the counted noun names, when the lexicon knows it
    ("the 3,100 dockers who downed tools", "the 40 people killed in the blast")."""
    if noun is None:
        return ""
    for rel in noun.children:
        if rel.dep_ in ("relcl", "acl") and rel.pos_ == "VERB":
            if rel.lemma_.lower() in _EVIDENTIAL_PARTICIPLES:
                # "the people known to have died", "those feared dead": what they are known
                # or feared to have done
                rel = next((c for c in rel.children if c.dep_ == "xcomp"), rel)
            pred = _predicate(rel)
            if _pred_class(pred) in lx.KNOWN_HAPPENINGS:
                return pred
    return ""


_EVIDENTIAL_PARTICIPLES = frozenset({"know", "believe", "think", "fear", "report", "confirm"})


def _population_of(noun: Token) -> Token | None:
    """ "a city of 310,000 people", "home to 2 million residents": who lives there. Returns
    the place (the name the settlement noun stands beside, when it has one)."""
    if noun.lemma_.lower() not in lx.RESIDENT_NOUNS or noun.dep_ != "pobj":
        return None
    prep, head = noun.head, noun.head.head
    if prep.lower_ == "of" and head.lemma_.lower() in lx.SETTLEMENT_NOUNS:
        return head.head if head.dep_ == "appos" else head
    if prep.lower_ == "to" and head.lower_ == "home":
        return _subject_token(head.head) if head.dep_ == "attr" else head
    return None


def _direct_argument(noun: Token | None, verb: Token | None) -> bool:
    """Is the counted noun the verb's own subject or object ("signed nine agreements"), not a
    noun buried in a phrase ("watching for talks among the three leaders")?"""
    if noun is None or verb is None:
        return False
    cur = noun
    if cur.dep_ == "pobj" and cur.head.lower_ == "from" and cur.head.head.pos_ == "NOUN":
        cur = cur.head.head
    return cur.head.i == verb.i and cur.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")


# spaCy's small model sometimes calls "eleven accords" MONEY: money needs a currency (a sign,
# a currency word of :data:`lexicon.CURRENCY_NOUNS`, cents or pence, or an ISO code).
_CURRENCY = re.compile(
    r"[$€£¥₹]|\b(?:"
    + "|".join(sorted(lx.CURRENCY_NOUNS | {"cent", "pence"}, key=len, reverse=True))
    + r")s?\b|\b[A-Z]{3}\b"
)


def _looks_like_year(text: str, label: str) -> bool:
    return label in ("CARDINAL", "NUM") and bool(re.fullmatch(r"1[89]\d\d|20\d\d", text.strip()))


def _count_about(
    noun_text: str, pred: str, subject: str, passive: bool = False, obj: bool = False
) -> str:
    if _pred_class(pred) == "die" or noun_text in ("death", "deaths", "fatalities"):
        return "number of people killed"
    if noun_text == "money":
        return f"the sum involved ({pred})" if pred and pred != "be" else "the sum involved"
    if obj and pred and pred != "be":
        return f"number of {noun_text} {_past(pred)}"  # "agreements signed"
    if passive and pred:
        return f"number of {noun_text} {_past(pred)}"
    if pred and pred != "be":
        if subject:
            return f"number of {noun_text} {subject} {_past(pred)}"
        return f"number of {noun_text} {_ing(pred)}"
    return f"number of {noun_text}"
