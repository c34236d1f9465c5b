# ruff: noqa: RUF001  (typographic dashes/quotes are intentional: news text uses them)
"""Where things happened: place names and place claims.

* :func:`mark_place_names` — a spaCy component (added after the entity recogniser by
  :func:`claims.nlp.pipeline.add_place_names`) that fixes the labels of place names the
  small model gets wrong: an unfamiliar town after "at"/"near"/"outside" or after a verb
  of motion's "to"/"into"/"through" is a place, not a person ("near the town of Sarrow
  Point"); so is a name the model calls an organisation or a product where the grammar
  places it ("the village of X", "the court in Y", "on the descent of Z"); a building
  tagged as an organisation after "at" is a site; a name ends before a
  verb the model swallowed ("Sallo told Orvane" tagged as one title).
* :func:`build_place` — the PLACE claims (called by :mod:`claims.nlp.extract`): where something
  happened, keyed ``place|<what happened>|<of what>|<role>``. The place may hang off the
  verb, off a happening noun ("the handover at X"), off the verb's subject ("the
  embankment at X gave way"), off a noun it passes through ("into the coast near X", "at a
  military airbase outside Y": a site near Y; "on the slopes of Z") or off a passive's
  agent ("set by A in B"); a time of day between them is skipped ("took place earlier in
  the day at X").
  What the place is asked of is the thing acted on when there is one ("opened a shelter
  at X" / "a shelter was set up at Y"), else the subject; a happening that names an act
  asks what its verb asks ("the breach occurred at X" = where it gave way). Home cities
  ("Leeds-based X", "headquartered in X", "where X has been based") are exclusive place
  claims about the company, claims of their own.

Whether two places can both be true is decided in :mod:`claims.nlp.align`
(``_places_compatible``): two towns, two sites or two countries clash; an area (country,
world region, province, coast) or a site inside a town does not.

This module uses the shared clause helpers of :mod:`claims.nlp.grammar` (imported as a
module, ``gr``); :mod:`claims.nlp.extract` calls :func:`build_place` for place values.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from claims.nlp import grammar as gr
from claims.nlp import lexicon as lx
from claims.nlp.types import ClaimData, ClaimKind

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

__all__ = ["build_place", "mark_place_names"]

# --------------------------------------------------------------------------- place names

# A name right after these prepositions is a place, whatever the model called it
_PLACE_SIGNAL_PREPS = frozenset({"at", "near", "outside"})
_MOTION_PREPS = frozenset({"to", "into", "through", "via", "from"})


# Entities that are never a plural common noun misread as a name ("1.52am" is tagged NNS)
_NOT_COMMON_NOUN_LABELS = frozenset(
    {"PERSON", "NORP", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}
)


def mark_place_names(doc: Doc) -> Doc:
    """spaCy component: relabel or add place entities (see :func:`add_place_names`), end a
    name before a verb the model swallowed into it, and drop a plural common noun tagged as
    a name."""
    from spacy.tokens import Span as _Span

    changed = False
    ents = list(doc.ents)
    plural = [
        e
        for e in ents
        if len(e) == 1 and e.root.tag_ == "NNS" and e.label_ not in _NOT_COMMON_NOUN_LABELS
    ]
    if plural:
        # "Kidnappers holding six aid workers…": a plural common noun that only looks like a
        # name because it opens the sentence
        ents = [e for e in ents if e not in plural]
        changed = True
    for n, ent in enumerate(ents):
        end = ent.end
        while end - 1 > ent.start and (doc[end - 1].like_num or doc[end - 1].text in "-–"):
            end -= 1  # "beating Emilia Stravos 6-4": the score is not part of her name
        if end < ent.end and ent.label_ in ("PERSON", "ORG"):
            ents[n] = ent = _Span(doc, ent.start, end, label=ent.label_)
            changed = True
        verb = next((t.i for t in ent if t.pos_ == "VERB"), None)
        if verb is not None and verb > ent.start:
            # "Sallo told Orvane" tagged as one title: a name ends before its verb
            label = ent.label_
            if label == "WORK_OF_ART" and doc[verb - 1].dep_ == "nsubj":
                label = "PERSON"
            ents[n] = ent = _Span(doc, ent.start, verb, label=label)
            changed = True
        site_end = _site_after(ent)
        if site_end and not any(e.start < site_end and ent.end < e.end for e in ents):
            # "the Kellan substation", "the Korrig hairpin": the name with its site noun
            ents[n] = ent = _Span(doc, ent.start, site_end, label="FAC")
            changed = True
            continue
        facility_org = ent.label_ == "ORG" and _place_label(ent.root) == "FAC"
        if facility_org and ent.root.dep_ == "pobj" and _place_signal(ent.root.head):
            # "at the Orrin Street Church", "at Linmoor General Hospital": a building
            ents[n] = _Span(doc, ent.start, ent.end, label="FAC")
            changed = True
        elif ((ent.label_ == "ORG" and len(ent) == 1) or ent.label_ == "PERSON") and _based_in(
            ent.root
        ):
            # "which is headquartered in Stenmoor": a name a company is based in
            ents[n] = _Span(doc, ent.start, ent.end, label="GPE")
            changed = True
        elif (ent.label_ == "PERSON" and _names_a_place(ent.root)) or (
            ent.label_ in _MISREAD_PLACE_LABELS
            and (_settlement_of(ent.root) or _in_site(ent.root) or _of_a_path(ent.root))
        ):
            # "near the town of Sarrow Point" (a person to the model), "the fishing village
            # of Saltvik" (an organisation), "the district court in Hemsby" (a product), "on
            # the descent of the Col de Varre"
            ents[n] = _Span(doc, ent.start, ent.end, label=_place_label(ent.root))
            changed = True
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    from spacy.attrs import DEP, ORTH, POS, SENT_START

    # one C call for the columns the loops below filter on: most tokens are neither a
    # proper-noun object nor a sentence-opening name
    arr = doc.to_array([DEP, POS, SENT_START, ORTH])
    strings = doc.vocab.strings
    pobjs = ((arr[:, 0] == strings["pobj"]) & (arr[:, 1] == strings["PROPN"])).nonzero()[0]
    for i in pobjs.tolist():
        tok = doc[i]
        if tok.i not in taken and tok.text[:1].isupper() and _names_a_place(tok):
            start = tok.i
            while (
                start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN"
            ):
                start -= 1
            if any(i in taken for i in range(start, tok.i)):
                continue
            ents.append(_Span(doc, start, tok.i + 1, label=_place_label(tok)))
            taken.update(range(start, tok.i + 1))
            changed = True
    recovered = _recovered_names(doc, ents, taken, arr)
    if recovered:
        ents.extend(recovered)
        changed = True
    if changed:
        doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


def _recovered_names(doc: Doc, ents: list[Span], taken: set[int], arr: Any) -> list[Span]:
    """Names opening a sentence that the model parsed as another word ("Tolliver was
    convicted on 21 May", tagged as an adverb): a capitalised first word that the article
    elsewhere writes as a name (a person's surname, a one-word name) and never in lower
    case."""
    from spacy.tokens import Span as _Span

    names = {e[-1].text: "PERSON" for e in ents if e.label_ == "PERSON" and len(e) > 1}
    names.update({e.text: e.label_ for e in ents if len(e) == 1 and e.label_ in _NAME_LABELS})
    if not names:
        return []
    import numpy as np

    hashes = [doc.vocab.strings[name] for name in names]
    starts = ((arr[:, 2] == 1) & np.isin(arr[:, 3], hashes)).nonzero()[0]
    lower: set[str] | None = None
    out = []
    for i in starts.tolist():
        tok = doc[i]
        if tok.i in taken:
            continue
        if tok.pos_ in ("PRON", "DET", "AUX", "CCONJ", "ADP") or not tok.is_title:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue  # the start of a longer name
        if lower is None:
            lower = {t.text for t in doc if t.is_lower}
        if tok.lower_ in lower:
            continue  # "Police have not named him": a common word the article also writes
        out.append(_Span(doc, tok.i, tok.i + 1, label=names[tok.text]))
    return out


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE"})


# Verbs whose "in" names a town: "born in X", "raised in X", "lives in X"
_HOME_VERBS = frozenset({"bear", "raise", "grow", "live", "reside"})


def _based_in(root: Token) -> bool:
    """ "headquartered in X", "born in X", "who lives in X": X is a town, not a company."""
    head = root.head
    if root.dep_ != "pobj" or head.lower_ != "in":
        return False
    verb = head.head.lemma_.lower()
    return lx.PREDICATE_CLASSES.get(verb) == "headquarter" or verb in _HOME_VERBS


def _site_after(ent: Span) -> int:
    """The end of the site noun a name modifies ("Kellan" in "the Kellan substation"), or 0.

    Only for names of places or misread as people or organisations, whose last word is a
    compound of the very next words, all nouns, the last a site noun."""
    if ent.label_ not in ("GPE", "LOC", "PERSON", "ORG") or ent.root.dep_ != "compound":
        return 0
    head = ent.root.head
    doc = ent.doc
    if head.i < ent.end or head.i > ent.end + 2 or head.lemma_.lower() not in lx.SITE_NOUNS:
        return 0
    if any(
        doc[i].pos_ not in ("NOUN", "PROPN") or doc[i].ent_type_ for i in range(ent.end, head.i + 1)
    ):
        return 0
    return head.i + 1


def _names_a_place(root: Token) -> bool:
    head = root.head
    if root.lemma_.lower() in lx.SITE_NOUNS:
        return True  # "Pellam Airport" is no one's name
    if root.dep_ == "pobj" and _place_signal(head):
        return True
    if _settlement_of(root):
        return True
    if _in_site(root):
        return True
    if _of_a_path(root):
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in lx.SETTLEMENT_NOUNS for c in root.children)


def _noun_before(root: Token, prep: str, nouns: frozenset[str]) -> Token | None:
    """The noun of ``nouns`` that ``root`` hangs off through ``prep`` ("the town of X" →
    "town"), or None."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == prep and head.head.lemma_.lower() in nouns:
        return head.head
    return None


def _of_a_path(root: Token) -> bool:
    """ "on the descent of the Col de X", "near the shore of Y": X names a place."""
    path = _noun_before(root, "of", lx.PLACE_PATH_NOUNS)
    return (
        path is not None and path.dep_ == "pobj" and (_place_signal(path.head) or _on_a_path(path))
    )


def _on_a_path(noun: Token) -> bool:
    """ "on the descent", "on the slopes", "on the shore": "on" a path noun is a place
    (not "on Monday" or "on the deal")."""
    return noun.head.lower_ == "on" and noun.lemma_.lower() in lx.PLACE_PATH_NOUNS


def _in_site(root: Token) -> bool:
    """ "at his home in Valdrenne", "the hospital in Tassio": X names the site's town."""
    site = _noun_before(root, "in", _SITE_OR_DWELLING)
    return site is not None and site.pos_ == "NOUN"


def _settlement_of(root: Token) -> bool:
    """ "the town of X", "the fishing village of X": X names a place."""
    town = _noun_before(root, "of", lx.SETTLEMENT_NOUNS)
    return town is not None and any(c.dep_ == "det" for c in town.children)


_DWELLING_NOUNS = frozenset({"home", "house", "flat", "apartment", "farm", "office", "offices"})
_SITE_OR_DWELLING = lx.SITE_NOUNS | _DWELLING_NOUNS
# Labels the model gives unfamiliar town names that are no kind of place
_MISREAD_PLACE_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "NORP"})


def _place_signal(prep: Token) -> bool:
    """Does this preposition take a place? "at"/"near"/"outside" do, unless the verb aims at
    someone ("lashed out at X"); "to"/"into"/"through"/"via"/"from" do after a verb of
    motion ("diverted to X", "crossed into Y through Z")."""
    word, verb = prep.lower_, prep.head.lemma_.lower()
    if word in _PLACE_SIGNAL_PREPS:
        return verb not in lx.AT_PERSON_HEADS
    if word in _MOTION_PREPS and prep.head.pos_ == "VERB":
        return lx.PREDICATE_CLASSES.get(verb, verb) in lx.MOTION_CLASSES or (
            verb in lx.PLACE_PREDICATE_CLASSES
        )
    return False


def _place_label(root: Token) -> str:
    lemma = root.lemma_.lower()
    return "FAC" if lemma in lx.SITE_NOUNS else "GPE"


# --------------------------------------------------------------------------- place claims


def build_place(
    sent: Span, value: gr._Value, state: gr.ArticleState
) -> ClaimData | list[ClaimData | None] | None:
    doc = sent.doc
    span = doc[value.start : value.end]
    root = span.root
    based = _based_claim(sent, value, state)
    if based is not None:
        return based
    # "headquartered in X, where Y has been based since…": the relative clause is a claim
    # of its own about Y.
    where = _where_based_claims(sent, value, state)
    main = _plain_place(sent, value, state, span, root)
    return [main, *where] if where else main


def _plain_place(
    sent: Span, value: gr._Value, state: gr.ArticleState, span: Span, root: Token
) -> ClaimData | None:
    """Where something happened: "made landfall near the fishing town of X", "the handover
    took place at Y", "the embankment at Z gave way", "the record set by A in B in 2019".

    The key is ``place|<predicate class>|<subject>|<role>``; the role only tells a way
    through ("via") and a starting point ("from") from the place where the act happened or
    ended ("at", "in", "into", "to", "near"), so "diverted to X" and "landed at Y" meet."""
    host = _place_host(_place_anchor(root))
    if host is None:
        return None
    role, verb, noun, site = host
    if (
        verb is not None
        and verb.dep_ in ("oprd", "xcomp", "ccomp", "advcl")
        and verb.head.lemma_.lower() == "find"
    ):
        verb = verb.head  # "the car was found burned out in X": where it was found
    pred = gr._predicate(verb) if noun is None else ""
    subj = gr._subject_token(verb) if verb is not None else None
    obj = _acted_on(verb, root) if noun is None else None
    if obj is not None:
        # "the council opened a rest centre at X" asks what "a rest centre was set up at
        # Y" asks: where the thing acted on is; "passed a medical at X": where the medical was
        subj = obj
    if subj is not None and subj.dep_ == "pobj" and subj.head.lower_ == "of":
        owner = subj.head.head  # "an exchange of 240 detainees that took place at X",
        if _happening(owner) or subj.like_num or subj.ent_type_ in gr.COUNT_LABELS | gr.DATE_LABELS:
            subj = owner  # "the mark of 1:53.12 set in Y": the exchange, the mark
    if noun is None and (pred in lx.HAPPEN_PREDICATES or obj is not None) and _happening(subj):
        noun = subj  # "the breach occurred at X" asks where the breach was
    if noun is not None:
        # "the handover at X", "the breach occurred at Y": the happening is the noun; one
        # that names an act ("breach" → collapse) asks what its verb asks
        lemma = noun.lemma_.lower()
        pred = lemma
        pclass = lx.PREDICATE_CLASSES.get(lemma, "")
        subject = gr._Ref(noun.text, "" if pclass else gr._field(lx.NOUN_CLASSES.get(lemma, lemma)))
        pclass = pclass or "hold"
    else:
        subject = gr._ref(subj, state)
        pclass = lx.PLACE_PREDICATE_CLASSES.get(pred, gr._pred_class(pred))
        if pclass in ("say", "be", "have") or not pclass or not subject.key:
            return None
        if role == "at" and verb is not None and verb.lemma_.lower() in lx.AT_PERSON_HEADS:
            return None  # "lashed out at X": aimed at someone, not somewhere
    text = gr._strip_possessive(span.text)
    claim = gr._base_claim(sent, value, ClaimKind.PLACE)
    claim.normalized.update(
        {"place": text, "label": value.label, "role": role, "within": _within(root)}
    )
    if site:
        claim.normalized["site"] = True  # "at a military airbase outside X": a site near X
    if pclass == "headquarter":
        claim.normalized["exclusive"] = True
    claim.display = text
    claim.subject = subject.display
    claim.predicate = pred
    if noun is not None:
        claim.about = f"where the {noun.text} took place"
    else:
        passive = gr._passive(verb) or (
            verb is not None and verb.dep_ == "acl" and verb.tag_ == "VBN"
        )
        verb_text = ("was " + gr._participle(pred)) if passive else gr._past(pred)
        role_word = "" if role in ("obj", "in", "at", "near") or verb_text.endswith(role) else role
        claim.about = f"where {gr._the(subject.display)} {verb_text} {role_word}".strip()
    role_key = "in" if pclass == "headquarter" else _PLACE_ROLES.get(role, "at")  # as _hq_claim
    claim.key = gr._key(ClaimKind.PLACE, pclass, subject.key, role_key)
    scope = gr._instance_scope(noun if noun is not None else subj) or _past_year(verb, state)
    if scope:
        claim.key += "|" + scope  # "the last cyclone to strike X", "set in Y in 2019"
    claim.negated = gr._negated(verb)
    return claim


# Prepositions of a place that is not where the act happened or ended.
_PLACE_ROLES = {"from": "from", "through": "via", "via": "via", "across": "via"}


def _acted_on(verb: Token | None, place: Token) -> Token | None:
    """The verb's object when it is a thing acted on, not the place itself, a part of the
    predicate ("made landfall") or an amount."""
    if verb is None:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if (
        obj is None
        or obj.pos_ != "NOUN"
        or obj.i == place.i
        or gr.part_of_predicate(verb, obj)
        or (verb.lemma_.lower(), obj.lemma_.lower()) in lx.PARTICLE_PREDICATES
        or gr._is_amount(obj)
        or obj.lemma_.lower() in lx.PLACE_PATH_NOUNS
    ):
        return None
    return obj


def _past_year(verb: Token | None, state: gr.ArticleState) -> str:
    """ "y:2019" when the verb is dated to a year before the story's ("set in 2019")."""
    if verb is None or state.published is None:
        return ""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during"):
            for year in prep.children:
                if (
                    year.dep_ == "pobj"
                    and re.fullmatch(r"(?:1[89]|20)\d\d", year.text)
                    and int(year.text) < state.published.year
                ):
                    return f"y:{year.text}"
    return ""


def _scoping_noun(noun: Token) -> bool:
    """ "a quake near X", "the deadliest quake in Y", "this was the worst fire in Z": a noun
    that is indefinite, ranked or a copula's predicate does not locate the story's act."""
    if noun.dep_ == "attr":
        return True
    for c in noun.children:
        if c.dep_ == "det" and c.lower_ in ("a", "an", "another"):
            return True
        if c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in lx.RANK_WORDS):
            return True
    return False


def _happening(tok: Token | None) -> bool:
    """A noun that names something that happens ("the handover", "the breach")."""
    if tok is None or tok.ent_type_ or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = tok.lemma_.lower()
    return lemma in lx.EVENT_NOUNS or lemma in lx.PLACE_EVENT_NOUNS


def _place_anchor(root: Token) -> Token:
    """The token that stands for a place name in its clause: "the fishing town of X" and
    "the capital, X" hang off their settlement noun."""
    cur = root
    if (
        cur.dep_ == "appos"
        and cur.head.lemma_.lower() in lx.SETTLEMENT_NOUNS
        and not cur.head.ent_type_  # "Marisca province, Perrin": not the province's name
    ):
        cur = cur.head
    if (
        cur.dep_ == "pobj"
        and cur.head.lower_ == "of"
        and cur.head.head.lemma_.lower() in lx.SETTLEMENT_NOUNS | lx.PLACE_PATH_NOUNS
    ):
        cur = cur.head.head  # "the town of X", "on the descent of X", "the shore of Y"
    return cur


def _place_host(anchor: Token) -> tuple[str, Token | None, Token | None, bool] | None:
    """(role, verb, happening noun, through a site) of the act a place phrase locates.

    The phrase may hang off the verb, off a noun the place passes through ("into the coast
    near X", "at a military airbase outside Y": then the place is a site near Y), off the
    agent of a passive ("set by A in B"), off the verb's subject ("the embankment at X gave
    way") or off a happening noun ("the handover at X")."""
    if anchor.dep_ == "pobj" and (anchor.head.lower_ in gr.PLACE_PREPS or _on_a_path(anchor)):
        role, cur = anchor.head.lower_, anchor.head.head
    elif anchor.dep_ == "dobj":
        role, cur = "obj", anchor.head
    else:
        return None
    site = False
    for _ in range(3):
        if cur.pos_ == "VERB":
            return role, cur, None, site
        if cur.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma, head = cur.lemma_.lower(), cur.head
        if lemma in lx.TIME_OF_DAY_NOUNS and cur.dep_ == "pobj":
            cur = head.head  # "earlier in the day at X": where the day's act was
            while cur.pos_ == "ADV" and cur.head.i != cur.i:
                cur = cur.head
            continue
        facility = (lemma in lx.FACILITY_NOUNS or lemma in _DWELLING_NOUNS) and not cur.ent_type_
        if (lemma in lx.PLACE_PATH_NOUNS or facility) and cur.dep_ in ("pobj", "dobj"):
            site = site or facility
            if cur.dep_ == "pobj":
                role, cur = head.lower_, head.head
            else:
                cur = head
            continue
        if cur.dep_ == "pobj" and head.dep_ == "agent":
            cur = head.head  # "set by Dagny Holmqvist in Lindaven"
            continue
        if cur.dep_ == "dobj" and (head.lemma_.lower(), lemma) in lx.PARTICLE_PREDICATES:
            return role, head, None, site  # "made an emergency landing at X"
        if _happening(cur):
            # "a quake near X killed 41 in 2009", "the deadliest quake in Y": another
            # happening, or a ranking's scope, not where the story's happening was
            if _scoping_noun(cur):
                return None
            return role, None, cur, site
        if (
            cur.dep_ in ("nsubj", "nsubjpass")
            and head.pos_ == "VERB"
            and not cur.ent_type_
            and lemma not in lx.PERSON_NOUNS
            and lemma not in lx.ROLE_NOUNS
        ):
            return role, head, None, site  # "the embankment at X gave way"
        return None
    return None


def _within(place: Token) -> list[str]:
    """Larger places written next to a place: "Leeds, England", "the Harbour View Hotel in
    Veldhaven", "the fishing town of X in Y province" → ["England"], ["Veldhaven"]…"""
    out: list[str] = []
    for c in place.children:
        if c.dep_ == "appos" and c.ent_type_ in gr.PLACE_LABELS:
            out.append(gr._ent_span(c).text)
        elif c.dep_ == "prep" and c.lower_ == "in":
            inner = next((g for g in c.children if g.dep_ == "pobj"), None)
            if inner is not None and inner.ent_type_ in gr.PLACE_LABELS:
                out.append(gr._strip_possessive(gr._ent_span(inner).text))
    if place.dep_ == "pobj" and place.head.lower_ == "of":
        settlement = place.head.head  # "the town of X in Y": "in Y" hangs off "town"
        if settlement.lemma_.lower() in lx.SETTLEMENT_NOUNS and settlement is not place:
            out.extend(w for w in _within(settlement) if w not in out)
    return out


def _hq_claim(
    sent: Span, value: gr._Value, company: gr._Ref, place: Span, role: str = "in"
) -> ClaimData:
    text = gr._strip_possessive(place.text)
    claim = gr._base_claim(sent, value, ClaimKind.PLACE)
    claim.normalized.update(
        {
            "place": text,
            "label": value.label,
            "role": role,
            "exclusive": True,  # a company has one home city
            "within": _within(place.root),
        }
    )
    claim.display = text
    claim.subject = company.display
    claim.predicate = "headquarter"
    claim.about = f"where {gr._the(company.display)} is based"
    claim.key = gr._key(ClaimKind.PLACE, "headquarter", company.key, role)
    return claim


def _based_claim(sent: Span, value: gr._Value, state: gr.ArticleState) -> ClaimData | None:
    """ "Oslo-based Fjordline", "a Lyon-headquartered bank": the place is the company's
    home. Works for any "<Place>-based <noun>" compound."""
    doc = sent.doc
    end = value.end
    if end + 1 >= sent.end or doc[end].text not in ("-", "‐"):
        return None
    based = doc[end + 1]
    if gr._pred_class(based.lemma_.lower()) != "headquarter" and based.lower_ not in (
        "based",
        "headquartered",
    ):
        return None
    owner = based.head if based.head.i != based.i else None
    if owner is None or owner.pos_ not in ("NOUN", "PROPN"):
        return None
    company = gr._ref(owner, state)
    if not company.key:
        return None
    return _hq_claim(sent, value, company, doc[value.start : value.end])


def _where_based_claims(sent: Span, value: gr._Value, state: gr.ArticleState) -> list[ClaimData]:
    doc = sent.doc
    place = doc[value.start : value.end]
    out: list[ClaimData] = []
    for rel in place.root.children:
        if rel.dep_ != "relcl" or gr._pred_class(rel.lemma_.lower()) != "headquarter":
            continue
        if not any(c.lower_ == "where" for c in rel.children):
            continue
        company = gr._ref(
            next((c for c in rel.children if c.dep_ in ("nsubj", "nsubjpass")), None), state
        )
        if company.key:
            out.append(_hq_claim(sent, value, company, place))
    return out
