# ruff: noqa: RUF001  (typographic dashes/quotes are intentional: news text uses them)
"""What the claim builders share: the article state, value spans and the clause helpers.

Every claim kind reads its value's clause the same way, so these pieces live here, used by
:mod:`claims.nlp.extract`, :mod:`claims.nlp.counts`, :mod:`claims.nlp.tallies`,
:mod:`claims.nlp.measures`, :mod:`claims.nlp.ordinals`, :mod:`claims.nlp.dates`,
:mod:`claims.nlp.durations`, :mod:`claims.nlp.places`, :mod:`claims.nlp.statements`. This module
imports none of them.

* :class:`ArticleState` (what extraction remembers across sentences and chunks), ``_Value``
  (a value span in a sentence), :func:`doc_text`, the entity-label sets and the words of
  anaphoric times ("that evening", "the next day");
* clause helpers: the governing predicate (``_governor``, ``_predicate``, ``_pred_class``),
  its subject and objects (``_subject_token``, ``_ref``/``_Ref``, ``_place_object``,
  ``_path_object``), negation (``_negated``), attribution and hedges, tense and plans
  (``_tense``, ``_planned``, ``_aspired``), verb forms for the human wording (``_past``,
  ``_participle``, ``_ing``), and the claim and its key (``_base_claim``, ``_key``);
* pieces several kinds use: another year or season (``_year_scope``), another instance
  (``_other_instance``, ``_instance_scope``), what is left (``_remaining``), a possessor
  (``_owner``), a passive (``_passive``), "the …" (``_the``), values already used by another
  claim (``_inside_consumed``), currency signs.

Design choices:

* Subjects "he"/"she" resolve to the most recent PERSON mentioned before (a cheap stand-in for
  coreference); other pronouns stay empty. "An earthquake that hit…": a relative pronoun
  subject resolves to its antecedent.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claims.nlp import lexicon as lx
from claims.nlp import normalize as nz
from claims.nlp.types import ClaimData

if TYPE_CHECKING:  # pragma: no cover - typing only; spaCy is imported lazily at runtime
    from spacy.tokens import Doc, Span, Token


COUNT_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
DATE_LABELS = frozenset({"DATE", "TIME"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
PLACE_PREPS = frozenset(
    {"in", "at", "into", "through", "to", "from", "via", "near", "across", "outside", "off"}
)
DESTINATION_PREPS = ("into", "to", "toward", "towards", "for")
MOTION_CLASSES = lx.MOTION_CLASSES
ANAPHORIC_DAY_WORDS = frozenset(
    {"day", "evening", "night", "morning", "afternoon", "overnight", "date"}
)
ANAPHORIC_DETERMINERS = (
    "later that",
    "later the same",
    "that",
    "the same",
    "the following",
    "the next",
    "the previous",
    "the day before",
    "earlier that",
)
_ANAPHORIC_FIRST = frozenset(det.split()[0] for det in ANAPHORIC_DETERMINERS)
# The determiners by their first word, split once, in ANAPHORIC_DETERMINERS' order
_ANAPHORIC_BY_FIRST: dict[str, list[tuple[str, list[str]]]] = {}
for _det in ANAPHORIC_DETERMINERS:
    _ANAPHORIC_BY_FIRST.setdefault(_det.split()[0], []).append((_det, _det.split()))


@dataclass(slots=True)
class ArticleState:
    """What extraction remembers while walking one article, across chunks and sentences."""

    published: dt.date | None
    anchor: dt.date | None = None  # most recent explicit day mentioned
    anchor_at: tuple[int, int] = (0, -1)  # (id of its Doc, token index) of that mention
    lead_day: dt.date | None = None  # the day the story's opening names: its main day
    last_person: str = ""  # most recent PERSON mention, for he/she
    # the last sentence subject that was a thing ("the train"), for a next sentence's "it"
    last_thing: Token | None = None
    roles: dict[str, set[str]] = field(default_factory=dict)  # "mayor" → people named as such
    consumed: set[tuple[int, int]] = field(default_factory=set)
    # sentences whose extraction raised, as (start, end) offsets (lenient runs only)
    unread: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class _Value:
    """A value span inside a sentence (token indices into the Doc, end exclusive)."""

    start: int
    end: int
    label: str  # spaCy label or a synthetic one ("ANAPHORIC", "NUM")


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once and kept on the Doc (``Doc.text`` joins every token each
    time it is asked, and the pipeline components and extractors all need it)."""
    text = doc.user_data.get("newsdesk_text")
    if text is None:
        text = doc.user_data["newsdesk_text"] = doc.text
    return text


# --------------------------------------------------------------------------- clause helpers


def _governor(tok: Token) -> Token | None:
    """Nearest verb (or predicative adjective) above ``tok``, skipping control verbs.

    "expected to reach Oslo on Tuesday": the date hangs off "reach"; "leaders ... plan to
    take part": from the subject we go down the xcomp chain to "take".
    """
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB",) or (cur.pos_ == "AUX" and cur.dep_ == "ROOT"):
            return _through_control(cur)
        if cur.i != tok.i and _clause_head(cur):
            # "the fire was 20% contained, officials said": the figure's clause is headed by
            # "contained" (or by "was"), not by the reporting verb above it.
            return cur
        if cur.head.i == cur.i:
            return _through_control(cur) if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
    return None


def _clause_head(tok: Token) -> bool:
    """A copula or a predicative participle heading its own clause (it has a subject)."""
    if tok.pos_ == "ADJ" and tok.tag_ == "VBN" and tok.dep_ in ("acomp", "ccomp", "conj"):
        return True
    return tok.pos_ == "AUX" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _through_control(verb: Token) -> Token:
    """Descend xcomp chains of control verbs ("plan to take part" → take)."""
    for _ in range(4):
        if verb.lemma_.lower() not in lx.CONTROL_VERBS:
            break
        nxt = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if nxt is None:
            break
        verb = nxt
    return verb


def _predicate(verb: Token | None) -> str:
    """Lemma of the governing verb, with particle/light-verb objects folded in.

    Asked two or three times per verb by the builders: kept per Doc."""
    if verb is None:
        return ""
    known = verb.doc.user_data.setdefault("newsdesk_predicates", {})
    found = known.get(verb.i)
    if found is None:
        found = known[verb.i] = _read_predicate(verb)
    return found


def _read_predicate(verb: Token) -> str:
    lemma = verb.lemma_.lower()
    if verb.pos_ == "ADJ" and verb.tag_ == "VBN":
        lemma = _participle_lemma(verb)
    if verb.pos_ == "AUX":
        # "the fire was 45 per cent contained": the participle complement is the predicate.
        comp = next(
            (c for c in verb.children if c.dep_ == "acomp" and c.tag_ == "VBN"),
            None,
        )
        if comp is not None:
            return _participle_lemma(comp)
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp", "xcomp") and child.lower_ in lx.STATE_PREDICATES:
            return lx.STATE_PREDICATES[child.lower_]  # "seven are confirmed dead": a toll
        key = (lemma, child.lemma_.lower())
        if key in lx.PARTICLE_PREDICATES and child.dep_ in (
            "dobj",
            "prt",
            "prep",
            "attr",
            "advmod",
            "acomp",  # "walked free"
        ):
            return lx.PARTICLE_PREDICATES[key]
        # "forced from their homes": evacuated
        if (
            child.dep_ == "prep"
            and child.lower_ in ("from", "out")
            and lemma in ("force", "drive", "order", "move")
            and any(
                g.lemma_.lower() in ("home", "house") for g in child.subtree if g.dep_ == "pobj"
            )
        ):
            return "evacuate"
        # "are on strike": the walkout
        if (
            child.dep_ == "prep"
            and child.lower_ == "on"
            and lemma == "be"
            and any(g.lemma_.lower() == "strike" for g in child.children if g.dep_ == "pobj")
        ):
            return "walk out"
        # "taken to hospital", "treated in hospital", "admitted into hospital"
        if (
            child.dep_ == "prep"
            and child.lower_ in ("to", "in", "into")
            and any(g.lemma_.lower() == "hospital" for g in child.children if g.dep_ == "pobj")
            and _pred_class(lemma) not in ("die", "say")  # "died in hospital" is a death
        ):
            return "hospitalise"
        # "lost power", "cut electricity to", "left / were without power": cut off
        if child.dep_ == "dobj" and lemma in _CUTTING_VERBS:
            supply = child
        elif child.dep_ == "prep" and child.lower_ == "without" and lemma in ("be", "leave"):
            supply = next((g for g in child.children if g.dep_ == "pobj"), None)
        else:
            supply = None
        if supply is not None and supply.lemma_.lower() in _SUPPLY_NOUNS:
            return "lose power"
        # "voters go to the polls on June 14": they vote
        if (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and lemma in ("go", "head", "return")
            and any(g.lower_ == "polls" for g in child.children if g.dep_ == "pobj")
        ):
            return "vote"
    return lemma


_CUTTING_VERBS = frozenset({"lose", "cut", "disconnect"})
_SUPPLY_NOUNS = frozenset({"power", "electricity", "supply", "gas", "water", "heating"})


def _one_of_many(noun: Token) -> bool:
    """ "a meeting", "a short statement", "statements": one of the occasions a story may hold
    many of (:data:`lexicon.REPEATED_OCCASIONS`), not one every outlet dates."""
    if noun.lemma_.lower() not in lx.REPEATED_OCCASIONS:
        return False
    if noun.tag_ in ("NNS", "NNPS"):
        return True
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)


def _declared_act(verb: Token | None) -> str:
    """ "declared an outbreak on 9 June", "issued the warning at noon": a reporting verb with
    a thing as its object and no reported clause is an act with a date of its own, named by
    verb and thing ("declare outbreak"); "said on Monday that …" is not (returns "")."""
    if verb is None or verb.lemma_.lower() not in lx.DECLARING_VERBS:
        return ""
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return ""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None or obj.pos_ != "NOUN" or _one_of_many(obj):
        return ""
    lemma = obj.lemma_.lower()
    return f"{verb.lemma_.lower()} {lx.NOUN_CLASSES.get(lemma, lemma)}"


def _participle_lemma(tok: Token) -> str:
    """ "contained" tagged as an adjective → "contain" (the verb's own lemma)."""
    lemma = tok.lemma_.lower()
    if lemma != tok.lower_ or not lemma.endswith("ed"):
        return lemma
    stem = lemma[:-2]
    if stem.endswith("i"):
        return stem[:-1] + "y"  # "carried" → "carry"
    if len(stem) > 2 and stem[-1] == stem[-2]:
        return stem if stem[-1] in "lsfz" else stem[:-1]  # "killed", "passed"; "stopped"
    if stem.endswith(("at", "ir", "ur", "iv", "ov", "us", "as", "os", "is", "c", "g", "v", "z")):
        return stem + "e"  # "estimated", "closed", "caused", "forced", "damaged"
    return stem


def _pred_class(pred: str) -> str:
    return lx.PREDICATE_CLASSES.get(pred, pred)


def _subject_token(verb: Token | None) -> Token | None:
    """Subject of ``verb``, inherited through xcomp/conj/advcl/control chains."""
    cur = verb
    for _ in range(5):
        if cur is None:
            return None
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if (
                subj.lower_ in ("that", "which", "who")
                and cur.dep_ == "relcl"
                and cur.head.pos_ in ("NOUN", "PROPN")
            ):
                return cur.head  # "an earthquake that hit X": the relative's antecedent
            return subj
        if (named := _name_parsed_as_modifier(cur)) is not None:
            return named
        if cur.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl", "relcl") and cur.head.i != cur.i:
            if cur.dep_ in ("acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN"):
                return cur.head
            cur = cur.head
            continue
        return None
    return None


def _name_parsed_as_modifier(verb: Token) -> Token | None:
    """ "Tolliver was convicted on 21 May": an unfamiliar name opening the sentence, parsed
    as an adverb or modifier of the verb that has no subject (the place-name component has
    made it an entity when the article names it elsewhere)."""
    tok = next(verb.lefts, None)
    if (
        tok is not None
        and tok.is_sent_start
        and tok.dep_ in ("advmod", "npadvmod", "amod", "dep", "nmod")
        and tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
    ):
        return tok
    return None


def _entity_of(tok: Token) -> Span | None:
    """The named entity containing ``tok`` (found from IOB tags, not by scanning doc.ents)."""
    if not tok.ent_type_ or tok.ent_type_ not in ENTITY_LABELS:
        return None
    return _ent_span(tok)


def _ent_span(tok: Token) -> Span:
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _strip_possessive(text: str) -> str:
    return re.sub(r"['’]s?$", "", text.strip()).strip()


@dataclass(slots=True)
class _Ref:
    """A referring expression reduced to a display text and a key field."""

    display: str
    key: str

    @classmethod
    def empty(cls) -> _Ref:
        return cls("", "")


def _member_of(tok: Token) -> str:
    """ "members of staff / of the crew / of the public", "staff members": the group the
    members are of, when it is a group of people rather than a body ("members of
    parliament")."""
    for prep in tok.children:
        if prep.dep_ == "compound" and prep.lemma_.lower() in lx.MEMBER_GROUPS:
            return prep.lemma_.lower()  # "staff members"
        if prep.dep_ == "prep" and prep.lower_ == "of":
            group = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if group is not None and group.lemma_.lower() in lx.MEMBER_GROUPS:
                return group.lemma_.lower()
    return ""


# Names that can stand in apposition for a common noun ("the party, National Renewal")
_APPOSED_NAMES = frozenset({"PERSON", "ORG", "GPE", "FAC", "NORP", "LOC"})


def _ref(tok: Token | None, state: ArticleState) -> _Ref:
    """Display text and key field for a noun/entity/pronoun token."""
    if tok is None:
        return _Ref.empty()
    appos = next(
        (
            c
            for c in tok.children
            if c.dep_ == "appos"
            and (
                c.ent_type_ == "PERSON"
                or (tok.pos_ == "NOUN" and not tok.ent_type_ and c.ent_type_ in _APPOSED_NAMES)
            )
        ),
        None,
    )
    if appos is not None and tok.ent_type_ != "PERSON":
        # "OSLO (Agency) - Norwegian minister X left…": a dateline parsed as the subject;
        # "the largest opposition party, National Renewal, has 52 seats": the party named
        tok = appos
    ent = _entity_of(tok)
    if ent is not None:
        text = _strip_possessive(re.sub(r"\s*\([^)]*$", "", ent.text)).rstrip(".,;:")
        return _Ref(text, "@" + _field(text))
    low = tok.lower_
    if low in lx.PRONOUNS_PERSON:
        if state.last_person:
            return _Ref(state.last_person, "@" + _field(state.last_person))
        return _Ref.empty()
    if low in lx.PRONOUNS_OTHER or tok.pos_ == "PRON":
        return _Ref.empty()
    if tok.pos_ in ("NOUN", "PROPN") or _adjective_as_noun(tok):
        lemma = tok.lemma_.lower()
        if lemma == "member":
            lemma = _member_of(tok) or lemma  # "members of staff" are staff
        way = next((c.lower_ for c in tok.children if c.lower_ in lx.DIRECTION_WORDS), "")
        if way:
            lemma = f"{way} {lemma}"  # the northbound and the southbound carriageway
        if lemma in lx.GENERIC_HEADS:
            # "health spending" and "defence spending" are two budgets
            mods = [
                c.lemma_.lower()
                for c in tok.lefts
                if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and not c.ent_type_
            ]
            lemma = " ".join([*mods, lemma])
        if tok.pos_ == "PROPN":
            # a name the model did not tag ("Odalys made landfall"): still a name
            return _Ref(tok.text, "@" + _field(lemma))
        return _Ref(lemma, _field(lemma))
    return _Ref.empty()


def _adjective_as_noun(tok: Token) -> bool:
    """ "the final ended", "the injured were taken": an adjective with a determiner in a
    noun's place (the small model tags "final" as an adjective)."""
    return (
        tok.pos_ == "ADJ"
        and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        and tok.lemma_.lower() not in lx.NOT_NOUN_ADJECTIVES  # "the last of the men"
        and any(c.dep_ == "det" for c in tok.children)
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    )


def _field(text: str) -> str:
    """A key field: case-folded, hyphens as spaces, no separators."""
    t = text.casefold().replace("|", " ").replace("-", " ").replace("‐", " ")
    t = re.sub(r"^(?:the|a|an)\s+", "", t)
    return re.sub(r"\s+", " ", t).strip()


def _place_object(verb: Token | None, state: ArticleState) -> tuple[str, _Ref]:
    """The destination / object place of ``verb`` for keys: (role, ref).

    "in"/"at" places count only for motion predicates ("arrived in X"); for other verbs a
    location is a detail that outlets often omit ("held on Wednesday [in X]"), so keeping it
    in the key would only split groups that are about the same thing.
    """
    if verb is None:
        return ("", _Ref.empty())
    motion = _pred_class(_predicate(verb)) in MOTION_CLASSES
    preps = [c for c in verb.children if c.dep_ == "prep"]
    for wanted in DESTINATION_PREPS:
        for prep in preps:
            if prep.lower_ == wanted:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.ent_type_ in PLACE_LABELS:
                    return (wanted, _ref(obj, state))
    for child in verb.children:
        if child.dep_ in ("dobj", "attr") and child.ent_type_ in PLACE_LABELS:
            return ("obj", _ref(child, state))
    for prep in preps:
        if motion and prep.lower_ in ("in", "at"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ in PLACE_LABELS:
                return (prep.lower_, _ref(obj, state))
    return ("", _Ref.empty())


def _path_object(tok: Token, verb: Token | None, state: ArticleState) -> _Ref:
    """The object noun on the path from the value up to the verb, else the verb's dobj."""
    cur = tok
    for _ in range(8):
        if verb is None or cur.i == verb.i or cur.head.i == cur.i:
            break
        # a conjoined object ("a museum on Monday and a factory on Sunday") is its own
        if (
            cur.dep_ in ("dobj", "conj")
            and cur.pos_ in ("NOUN", "PROPN")
            and (cur.dep_ == "dobj" or cur.head.dep_ == "dobj")
        ):
            return _ref(cur, state)
        cur = cur.head
    if verb is not None:
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if dobj is not None and not _is_amount(dobj) and not part_of_predicate(verb, dobj):
            return _ref(dobj, state)
    return _Ref.empty()


def part_of_predicate(verb: Token, obj: Token) -> bool:
    """ "gave way", "held talks", "conceded defeat": the object is part of the verb."""
    return (verb.lemma_.lower(), obj.lemma_.lower()) in lx.PARTICLE_PREDICATES


def _is_amount(tok: Token) -> bool:
    """ "fell 11 per cent", "rose 40 points": the object is how much, not what."""
    return tok.lower_ in ("cent", "percent", "%", "points", "point")


def _negated(verb: Token | None, noun: Token | None = None) -> bool:
    if verb is not None:
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        if verb.lemma_.lower() in ("deny", "refute", "reject"):
            return True
    return noun is not None and any(
        c.dep_ == "det" and c.lower_ in ("no", "neither") for c in noun.children
    )


def _reports(verb: Token) -> bool:
    """Is the verb's subject who says something ("officials said", "police confirmed")? Not
    when the verb raises its subject ("34 people (are) confirmed to have the infection", "two
    are believed to be dead"): then the subject is what is reported."""
    return verb.lemma_.lower() in lx.REPORTING_VERBS and not any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _attribution(sent: Span) -> str:
    """Who says it: "according to X", "X said/told/reported…" → X (as written)."""
    for tok in sent:
        if (
            tok.lower_ == "according"
            and tok.i + 1 < sent.end
            and sent.doc[tok.i + 1].lower_ == "to"
        ):
            prep = sent.doc[tok.i + 1]
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _span_text(pobj)
    for tok in sent:
        if tok.pos_ == "VERB" and _reports(tok):
            subj = next((c for c in tok.children if c.dep_ in ("nsubj",)), None)
            if subj is not None and subj.lower_ not in lx.PRONOUNS_OTHER | {"i", "we"}:
                return _span_text(subj)
    return ""


def _clause_attribution(tok: Token, state: ArticleState) -> str:
    """Who says the clause holding ``tok``: the subject of the nearest reporting verb above it
    ("Police said 12 died, while medics put the toll at 15": 12 → police, 15 → medics), or
    "according to X" attached inside that clause. Empty when no reporting verb governs it."""
    according = _according_heads(tok.doc)
    for anc in [tok, *tok.ancestors][:10]:
        for child in according.get(anc.i, ()):
            if child.i + 1 < len(tok.doc):
                prep = tok.doc[child.i + 1]
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                pobj = pobj or next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return _span_text(pobj)
        if anc.pos_ == "VERB" and _reports(anc) and anc.i != tok.i and not _declared_act(anc):
            subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ in ("which", "who", "that") and anc.dep_ == "relcl":
                subj = anc.head  # "the agency, which said …"
            if subj is None or subj.lower_ in lx.PRONOUNS_OTHER | {"i", "we"}:
                return ""
            if subj.lower_ in lx.PRONOUNS_PERSON:
                return state.last_person
            return _span_text(subj)
    return ""


def _according_heads(doc: Doc) -> dict[int, list[Token]]:
    """The "according" tokens of the Doc by the index of their head, found once per Doc and
    kept on it."""
    heads: dict[int, list[Token]] | None = doc.user_data.get("newsdesk_according")
    if heads is None:
        heads = doc.user_data["newsdesk_according"] = {}
        for m in re.finditer(r"\b[Aa]ccording\b", doc_text(doc)):
            tok = doc.char_span(m.start(), m.end())
            if tok is not None:
                heads.setdefault(tok[0].head.i, []).append(tok[0])
    return heads


_CHUNK_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "case", "quantmod"})


def _span_text(tok: Token) -> str:
    """The source's noun phrase: its entity, else its noun chunk, else its subtree."""
    doc = tok.doc
    ent = _entity_of(tok)
    # A cheap noun chunk: the head with its left-hand modifiers (doc.noun_chunks rescans).
    mods = [c for c in tok.lefts if c.dep_ in _CHUNK_DEPS]
    left = min((m.left_edge.i for m in mods), default=tok.i)
    right = tok.i + 1
    if ent is not None and len(ent) >= right - left:
        return _strip_possessive(ent.text)
    while left < right and doc[left].lower_ in ("the",):
        left += 1
    text = doc[left:right].text
    text = re.split(r"\n\s*|,\s+", text)[-1].lstrip("•*-–— ").strip()
    return text[:120]


def _sentence_hedges(sent: Span) -> set[str]:
    found: set[str] = set()
    doc = sent.doc
    low = doc_text(doc)[sent.start_char : sent.end_char].lower()
    for phrase, label in lx.HEDGE_PHRASES.items():
        if phrase == "according to":
            continue
        if phrase in low:
            found.add(label)
    for m in _HEDGE_WORD_RE.finditer(low):
        word = m.group(0)
        if word in lx.MODAL_WORDS:
            # "may" the modal, not the month of "on May 14"
            span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end())
            if span is None or span[0].tag_ != "MD":
                continue
        found.add(lx.HEDGE_WORDS[word])
    return found


# The hedge words as whole words, longest first (one regex pass instead of a token loop)
_HEDGE_WORD_RE = re.compile(
    r"(?<![\w'’])(?:"
    + "|".join(re.escape(w) for w in sorted(lx.HEDGE_WORDS, key=len, reverse=True))
    + r")(?![\w'’])"
)


def _track_person(doc: Doc, value: _Value, state: ArticleState) -> None:
    """Remember the last PERSON that was a clause subject (or its possessor: "Ruiz's jet").

    A person merely mentioned ("accompanied by Minister X") does not become the referent of
    a later "he"/"his"; subjects are a much better cheap guess.
    """
    if value.label != "PERSON":
        return
    span = doc[value.start : value.end]
    root = span.root
    subjectish = root.dep_ in ("nsubj", "nsubjpass") or (
        root.dep_ == "poss" and root.head.dep_ in ("nsubj", "nsubjpass")
    )
    if subjectish or not state.last_person:
        state.last_person = _strip_possessive(span.text)


def _tense(verb: Token | None) -> str:
    """'past' / 'future' / '' for weekday resolution.

    "will"/"shall" or a future-minded governor ("expected to", "plans to") → future; a past
    tense anywhere up the chain → past ("began to shake on Tuesday" is past, not future).
    """
    if verb is None:
        return ""
    if verb.lemma_.lower() in lx.FUTURE_GOVERNORS:
        # "a vigil is planned for Sunday" → the coming Sunday; "was scheduled for" → past
        return "past" if any(c.tag_ == "VBD" for c in verb.children) else "future"
    if _reported_future(verb):
        return "future"  # "said he would visit the scene on Wednesday"
    if verb.tag_ == "VBN" and verb.dep_ == "acl":
        return "past"  # "under the amendment approved on Sunday, the Senate will…"
    chain = [verb, *verb.ancestors][:4]
    for tok in chain:
        for c in tok.children:
            if c.lower_ in ("will", "'ll", "shall"):
                return "future"
        if tok.lemma_.lower() in lx.FUTURE_GOVERNORS and tok is not verb:
            return "future"
        if tok.tag_ in ("VBD",):
            return "past"
    if verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return "past"
    return ""


def _planned(verb: Token | None) -> bool:
    """Is the clause a plan or forecast ("expected to be signed", "scheduled to last")? A
    plain "will" is not: "it will buy the company for $4.5 billion" states an agreed price."""
    if verb is None:
        return False
    if _hypothetical(verb):
        return True
    return any(tok.lemma_.lower() in lx.FUTURE_GOVERNORS for tok in [*verb.ancestors][:3])


def _hypothetical(verb: Token) -> bool:
    """ "the toll could rise to 30", "would have left the term in place" ("said it would cut
    1,800 jobs" reports a decision: not a hypothesis)."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(auxes & {"could", "might"}) or {"would", "have"} <= auxes


def _reported_future(verb: Token) -> bool:
    """ "said he would visit on Wednesday": a future reported from the past (not "would
    have", a counterfactual)."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return "would" in auxes and "have" not in auxes


def _aspired(verb: Token | None) -> bool:
    """A hope or a hypothesis, not a schedule: "hopes to fly by 2028", "would open in May"
    ("expected to close in June" is how news states a schedule, so it is not one)."""
    if verb is None:
        return False
    if _hypothetical(verb):
        return True
    return any(tok.lemma_.lower() in lx.ASPIRATION_VERBS for tok in [*verb.ancestors][:3])


def _participle(pred: str) -> str:
    """ "steal" → "stolen", "sink" → "sunk", else as :func:`_past` ("seized")."""
    head, _, rest = pred.partition(" ")
    if head in lx.IRREGULAR_PARTICIPLE:
        return f"{lx.IRREGULAR_PARTICIPLE[head]} {rest}".strip()
    return _past(pred)


def _past(pred: str) -> str:
    if pred in lx.IRREGULAR_PAST:
        return lx.IRREGULAR_PAST[pred]
    if not pred:
        return ""
    if " " in pred:  # "touch down" → "touched down"
        verb, _, rest = pred.partition(" ")
        return f"{_past(verb)} {rest}"
    if pred.endswith("e"):
        return pred + "d"
    if re.search(r"[^aeiou]y$", pred):
        return pred[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]+[aeiou][^aeiouwxy]", pred):
        return pred + pred[-1] + "ed"  # one syllable ending consonant-vowel-consonant: flagged
    return pred + "ed"


def _ing(pred: str) -> str:
    head, _, rest = pred.partition(" ")
    if head.endswith("ie"):
        head = head[:-2] + "y"
    elif head.endswith("e") and not head.endswith("ee") and len(head) > 2:
        head = head[:-1]
    return (head + "ing" + (" " + rest if rest else "")).strip()


def _base_claim(sent: Span, value: _Value, kind: str) -> ClaimData:
    span = sent.doc[value.start : value.end]
    return ClaimData(
        kind=kind,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        value_start=span.start_char,
        value_end=span.end_char,
        value_text=span.text,
        normalized={"type": kind},
        display="",
        about="",
        key="",
    )


def _key(*parts: str) -> str:
    return "|".join(parts)


# --------------------------------------------------------------------------- shared by claim kinds


_REMAINING = frozenset({"remaining", "left"})
_TO_GO = frozenset({"go", "run", "play"})


def _remaining(doc: Doc, end: int, limit: int) -> bool:
    """ "with six kilometres remaining", "a week of racing left", "ten minutes to go": what
    is left, not what was done ("twelve people left the building" is a verb)."""
    for tok in doc[end : min(limit, end + 4)]:
        if tok.lower_ in _REMAINING and tok.dep_ not in ("ROOT", "conj", "ccomp", "relcl"):
            return True
        if tok.lower_ in _TO_GO and tok.i > 0 and doc[tok.i - 1].lower_ == "to":
            return True
    return False


_CURRENCY_SIGNS = frozenset("$€£¥₹")


_OTHER_INSTANCE_WORDS = frozenset(
    {
        "another",
        "other",
        "earlier",
        "previous",
        "prior",
        "separate",
        "similar",
        "smaller",
        "larger",
        "bigger",
        "original",
        "initial",
        "former",
        "last",
        "replacement",
        "substitute",
        "backup",
    }
)


def _other_instance(tok: Token | None) -> bool:
    """ "a smaller fire", "another quake", "the original sentence": the figure is about
    another instance of the thing than the story's own."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_:
        return False
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "det", "compound")}
    return bool(mods & _OTHER_INSTANCE_WORDS)


def _year_scope(
    num: Token, noun: Token | None, verb: Token | None, subj: Token | None, state: ArticleState
) -> str:
    """ "y:2019" when the figure is explicitly about another year than the article's own.

    Looks at dates inside the figure's phrase, its subject's phrase and the verb's own
    "in/during/for …" phrases: "the 2009 quake killed 41", "trade in 2019 was $1.6 billion",
    "the 61,500 at last year's final". Today's figures carry no scope."""
    toks: list[Token] = list((noun or num).subtree)
    if subj is not None:
        # not a relative clause describing the subject ("the 41-year-old, who managed the
        # ward until last year, picked up 10,241 votes")
        toks.extend(sorted(_pruned_subtree(subj, ("relcl",)), key=lambda t: t.i))
    clause = verb
    for _ in range(4):
        # "since 2009, when a quake killed 41 people": the clause belongs to its date.
        if clause is None or clause.dep_ not in ("relcl", "advcl", "conj", "acl"):
            break
        head = clause.head
        if clause.dep_ == "acl":
            # "In 2019 thieves stole jewellery valued at €11 million": the verb of the noun
            # the participle describes
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            if head.pos_ not in ("VERB", "AUX"):
                break
        if head.ent_type_ == "DATE":
            toks.append(head)
            break
        # "In 2019, a train derailed…, killing two": the dates of the clause it hangs from
        for c in head.children:
            if c.dep_ in ("prep", "npadvmod", "advmod") and c.i < clause.i:
                toks.extend(t for t in c.subtree if t.ent_type_ == "DATE")
        if any(c.lower_ == "when" for c in clause.children):
            # "…since 2011, when 27 people died": a "when" clause is about the last date
            # written before it in the sentence ("Seventeen years ago … when it capsized").
            sent_start = clause.sent.start
            before = [
                t
                for t in clause.doc[sent_start : clause.left_edge.i]
                if t.ent_type_ == "DATE"
                and (re.fullmatch(r"1[89]\d\d|20\d\d", t.text) or t.lower_ == "ago")
            ]
            if before:
                toks.append(before[-1])
            break
        clause = head
    if verb is not None:
        # "was worth $3.1 billion last year": the complement's dates are the clause's too
        comps = [g for c in verb.children if c.dep_ == "acomp" for g in c.children]
        for c in [*verb.children, *comps]:
            if c.dep_ in ("prep", "npadvmod") and c.lower_ in ("in", "during", "for", "at", "of"):
                # "in a deal that would end… a firm founded in 1988": not the clause of a
                # relative or participle inside the phrase, which dates something else
                toks.extend(_pruned_subtree(c))
            elif c.dep_ == "npadvmod" and c.ent_type_ == "DATE":
                toks.extend(c.subtree)  # "had revenue of $3.1 billion last year"
    seen: set[int] = set()
    for tok in toks:
        if tok.lower_ == "season" and tok.i not in seen:
            # "19 goals last season" / "11 goals in his first season": a season of its own
            which = next((c.lower_ for c in tok.children if c.lower_ in _SEASON_WORDS), "")
            if which:
                return f"p:{which} season"
        if tok.ent_type_ != "DATE" or tok.i in seen:
            continue
        ent = _ent_span(tok)
        seen.update(range(ent.start, ent.end))
        words = ent.text.lower().split()
        if "season" in words:
            which = next((w for w in words if w in _SEASON_WORDS), "")
            if which:
                return f"p:{which} season"
        interval = nz.resolve_date(ent.text, state.published, "past")
        if interval is None or interval.granularity not in ("year", "month", "season"):
            continue
        year = interval.start.year
        if state.published is None or year != state.published.year:
            return f"y:{year}"
    return ""


_SEASON_WORDS = frozenset({"last", "previous", "first", "next", "debut", "second", "third"})


def _pruned_subtree(tok: Token, pruned: tuple[str, ...] = ("relcl", "acl")) -> list[Token]:
    """``tok``'s subtree without the clauses inside it whose relation is in ``pruned`` (by
    default relative and participle clauses)."""
    out: list[Token] = []
    stack = [tok]
    while stack:
        cur = stack.pop()
        out.append(cur)
        stack.extend(c for c in cur.children if c.dep_ not in pruned)
    return out


def _noun_phrase(noun: Token) -> str:
    """The counted noun with its adjectival modifiers ("foreign leaders")."""
    mods = [
        c
        for c in noun.lefts
        if c.dep_ in ("amod", "compound") and c.ent_type_ not in ("CARDINAL", "QUANTITY")
    ]
    return " ".join([*(m.text for m in mods), noun.text])


def _owner(noun: Token, state: ArticleState) -> _Ref:
    """Whose visit/trip: possessor ("Ruiz's", "his"), else the clause subject."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None and poss.lower_ in ("his", "her"):
        # "Korvel beat Stravos, claiming her second title": her is the clause's subject
        # when that is a person, not the last person named
        verb = _governor(noun)
        subj = _subject_token(verb) if verb is not None else None
        if subj is not None and subj.pos_ == "PROPN" and subj.ent_type_ in ("PERSON", "ORG"):
            return _ref(subj, state)
    if poss is not None:
        return _ref(poss, state)
    return _Ref.empty()


def _inside_consumed(span: Span, state: ArticleState) -> bool:
    return any(s <= span.start and span.end <= e for s, e in state.consumed)


def _passive(verb: Token | None) -> bool:
    return verb is not None and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _the(text: str) -> str:
    if not text:
        return "it"
    if text[:1].isupper() or text.lower().startswith(("the ", "a ", "an ")):
        return text
    return f"the {text}"


def _instance_scope(tok: Token | None) -> str:
    return "other" if _other_instance(tok) else ""
