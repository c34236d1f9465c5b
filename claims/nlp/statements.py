# ruff: noqa: RUF001  (typographic dashes/quotes are intentional: news text uses them)
"""Statements without a value: whether something happened, and who said a quotation.

Two claim kinds come from here (the numbers, dates and places come from
:mod:`claims.nlp.extract` and its claim-kind modules; the clause helpers this module reuses
are in :mod:`claims.nlp.grammar`):

* ``negation`` — *did it happen, was it confirmed?* One claim per clause whose verb is a
  stance verb ("confirmed", "has not confirmed", "denied", "declined to confirm") or a verb
  whose happening news reports and disputes ("met", "did not sign", "no ransom was paid";
  the list is :data:`claims.nlp.lexicon.POLARITY_VERBS`, general English, no story's words).
  The value is the polarity: ``yes`` / ``no`` (stance verbs: ``confirmed`` /
  ``not confirmed`` / ``denied``). The key is ``negation|<verb class>|<thing>|<subject>``,
  where the thing is the object (or the passive subject): "confirmed the payment" and
  "confirmed that the payment was made" share ``confirm|payment``.
  Left out on purpose: plans, forecasts and hypotheses ("will sign", "expected to meet",
  "could pay"), questions and conditions ("whether", "if"), and a denial that is about a
  detail ("did not meet on Monday", "did not sign until Friday": that is a date, which
  :mod:`claims.nlp.dates` handles).
* ``attribution`` — *who said these words?* One claim per quotation of at least
  :data:`MIN_QUOTE_WORDS` words whose speaker the sentence names ("…," the mayor said;
  said Ana Ruiz; X told reporters: "…"; according to X). Quotations that run over several
  sentences of a paragraph are read whole and the speaker is looked for around both ends.
  The value is the speaker: a name (``@``-field, canonicalised per event like other
  entities), or a description ("the regional governor"). A description is resolved to a
  person when the article has tied that role to exactly one person ("Mayor Ana Ruiz",
  "Ana Ruiz, the mayor", "the mayor, Ana Ruiz"); the role is kept in the normalised value
  so the event can tell that "the governor" is not the person it knows as the mayor.
  The key is ``attribution|<the quotation's words>``; :mod:`claims.nlp.align` matches
  quotations that share a run of :data:`SHINGLE` words, so outlets quoting more or less
  of the same words meet.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from claims.nlp import grammar as gr
from claims.nlp import lexicon as lx
from claims.nlp.types import ROLE_LABEL, ClaimData, ClaimKind, MentionData

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from claims.nlp.grammar import ArticleState

__all__ = [
    "MIN_QUOTE_WORDS",
    "SHINGLE",
    "description_mentions",
    "quote_words",
    "statement_claims",
]

MIN_QUOTE_WORDS = 4
# First words of the stance and polarity verbs: a cheap test before reading a verb's clause
_POLARITY_LEMMAS = frozenset(
    w.split()[0] for w in (*lx.STANCE_VERBS, *lx.POLARITY_VERBS, *lx.HAVING_VERBS)
)
SHINGLE = 4
_QUOTE_SPAN = re.compile(r"“([^“”\n]{3,800})”|\"([^\"\n]{3,800})\"")
_WORD = re.compile(r"[\w’']+")


def statement_claims(sent: Span, state: ArticleState) -> list[ClaimData]:
    """The negation and attribution claims of one sentence (offsets within its Doc)."""
    verbs, people = _token_index(sent.doc)
    _learn_roles(sent, state, _within(people, sent))
    doc = sent.doc
    out = [c for i in _within(verbs, sent) if (c := _polarity_claim(doc[i], state))]
    out.extend(_attribution_claims(sent, state))
    return out


def _token_index(doc: Doc) -> tuple[list[int], list[int]]:
    """Positions of the tokens statements start from, found once per Doc with one C call:
    verbs whose lemma can make a polarity claim, and the first tokens of PERSON names."""
    cached = doc.user_data.get("newsdesk_statement_tokens")
    if cached is None:
        import numpy as np
        from spacy.attrs import ENT_IOB, ENT_TYPE, LEMMA

        arr = doc.to_array([LEMMA, ENT_IOB, ENT_TYPE])
        strings = doc.vocab.strings
        lemmas = [strings[w] for w in _POLARITY_LEMMAS]
        verbs = np.isin(arr[:, 0], lemmas).nonzero()[0].tolist()
        begins = (arr[:, 1] == 3) & (arr[:, 2] == strings["PERSON"])  # IOB 3 = "B"
        cached = doc.user_data["newsdesk_statement_tokens"] = (verbs, begins.nonzero()[0].tolist())
    return cached


def _within(positions: list[int], sent: Span) -> list[int]:
    return positions[bisect_left(positions, sent.start) : bisect_left(positions, sent.end)]


# --------------------------------------------------------------------------- roles


def _role_of(noun: Token) -> str:
    """The role a description names, as a normalised head noun ("spokeswoman" →
    "spokesperson"); empty when the noun is not a role (a "resident" is a role, a "city"
    is not: roles are person nouns, told by the lexicon or by their ending)."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return ""
    lemma = noun.lemma_.lower()
    lemma = lx.ROLE_SYNONYMS.get(lemma, lemma)
    if lemma in lx.TITLES or lemma in lx.ROLE_NOUNS or lemma.endswith(lx.ROLE_SUFFIXES):
        mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "advmod")}
        if mods & lx.FORMER_WORDS:
            return ""  # "the former deputy leader": not who holds the role now
        # "the deputy leader" is not "the leader"
        return " ".join([*sorted(mods & lx.SECOND_RANK_WORDS), lemma])
    return ""


def _person_name(ent: Span) -> str:
    words = gr._strip_possessive(ent.text).split()
    while len(words) > 1 and words[0].lower().rstrip(".") in lx.TITLES:
        words = words[1:]
    return " ".join(words)


def _learn_roles(sent: Span, state: ArticleState, starts: list[int]) -> None:
    """Remember which person holds which role, from "Mayor Ana Ruiz" (a title before the
    name), "Ana Ruiz, the city's mayor" and "the mayor, Ana Ruiz" (appositions). ``starts``
    are the sentence's first tokens of PERSON names (``Span.ents`` rescans the whole Doc)."""
    doc = sent.doc
    for start in starts:
        tok = doc[start]
        end = tok.i + 1
        while end < sent.end and doc[end].ent_iob_ == "I":
            end += 1
        ent = doc[tok.i : end]
        name = _person_name(ent)
        roles: list[str] = []
        i = ent.start
        while i < ent.end - 1 and doc[i].lower_.rstrip(".") in lx.TITLES:
            i += 1  # titles spaCy put inside the name
        if i > ent.start:
            roles.append(_role_of(doc[i - 1]) or doc[i - 1].lower_)
        j = ent.start - 1
        if j >= sent.start and doc[j].dep_ == "compound" and ent.start <= doc[j].head.i < ent.end:
            roles.append(_role_of(doc[j]))
        root = ent.root
        roles += [_role_of(c) for c in root.children if c.dep_ == "appos" and not c.ent_type_]
        if root.dep_ == "appos" and not root.head.ent_type_:
            roles.append(_role_of(root.head))
        for role in filter(None, roles):
            state.roles.setdefault(role, set()).add(name)


def description_mentions(doc: Doc, state: ArticleState, offset: int = 0) -> list[MentionData]:
    """Descriptions of a person by role: "the regional governor", "the company's chief
    executive". When the article tied the role to exactly one person, a PERSON mention that
    ``refers_to`` her name; otherwise, for a title or office (not "the resident"), a ROLE
    mention the event may still link, when another article ties that role to one person.
    Only definite descriptions ("the …", "its …"); titles inside a name ("Governor Ana
    Ruiz") and appositions beside one are the name's own mention."""
    out: list[MentionData] = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ or tok.dep_ in ("compound", "appos"):
            continue
        if tok.head.ent_type_ == "PERSON" or tok.tag_ in ("NNS", "NNPS"):
            continue  # "the two leaders" are not one person
        role = _role_of(tok)
        if not role or not any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in tok.children):
            continue
        person = _resolve_role(role, state)
        if not person and role not in lx.TITLES and role not in lx.ROLE_NOUNS:
            continue
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and not c.ent_type_]
        start = min((c.i for c in mods), default=tok.i)
        if any(doc[i].ent_type_ for i in range(start, tok.i)):
            start = tok.i  # "the Ruritanian leader": the entity inside keeps its own mark
        span = doc[start : tok.i + 1]
        out.append(
            MentionData(
                start=span.start_char + offset,
                end=span.end_char + offset,
                text=span.text,
                label="PERSON" if person else ROLE_LABEL,
                refers_to=person,
            )
        )
    return out


def _resolve_role(role: str, state: ArticleState) -> str:
    people = state.roles.get(role, set())
    return next(iter(people)) if len(people) == 1 else ""


# --------------------------------------------------------------------------- negation


def _polarity_pred(verb: Token) -> str:
    """The verb's class in :data:`lexicon.STANCE_VERBS` / :data:`lexicon.POLARITY_VERBS`
    with particles and light objects folded in ("stepped down", "held talks"), or ""."""
    lemma = verb.lemma_.lower()
    extra = [
        f"{lemma} {c.lemma_.lower()}"
        for c in verb.children
        if c.dep_ in ("prt", "dobj", "prep", "nsubjpass")  # "no arrests were made"
    ]
    if lemma == "claim" and _claimed_act(verb) is not None:
        return "claim responsibility"  # "has not claimed the attack"
    if (held := _held_act(verb)) is not None:
        return held[0]  # "had been backed by a guarantee": guaranteed
    thing = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if _issued(verb, thing):
        return "make"  # "no demand has been received" / "they made a demand"
    for cand in (*extra, gr._predicate(verb), lemma):
        if cand in lx.STANCE_VERBS:
            return lx.STANCE_VERBS[cand]
        if cand in lx.POLARITY_VERBS:
            pred = lx.POLARITY_VERBS[cand]
            return "make" if _issued(verb, thing, pred) else pred
    return ""


_TAKING = frozenset({"take", "grab", "exfiltrate", "copy", "download", "extract"})
_TAKEN_THINGS = frozenset({"data", "information", "detail", "file"})


def _issued(verb: Token, thing: Token | None, pred: str = "") -> bool:
    """A demand, offer or warning made, sent or received: one question, whether it exists
    ("had not received any ransom demand" / "the kidnappers made a ransom demand").
    ``pred`` is the verb's class when a particle made it ("handed in" = submit)."""
    return (
        thing is not None
        and (pred or verb.lemma_.lower()) in lx.ISSUING_VERBS
        and thing.lemma_.lower() in lx.ISSUED_NOUNS
    )


def _claimed_act(verb: Token) -> Token | None:
    """What a group claims: "claimed the attack", "claimed responsibility for the attack"."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        return None
    if obj.lemma_.lower() in ("responsibility", "credit"):
        prep = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        prep = prep or next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), None
        )
        act = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        return act if act is not None else obj
    return obj if obj.lemma_.lower() in lx.CLAIMED_ACTS else None


def _among(verb: Token) -> tuple[Token, Token] | None:
    """ "X was (not) among the documents signed" → (X, the copula)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return None
    group = verb.head
    prep = group.head
    if group.dep_ != "pobj" or prep.lower_ != "among" or prep.head.lemma_ != "be":
        return None
    copula = prep.head
    thing = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    return (thing, copula) if thing is not None and thing.pos_ in ("NOUN", "PROPN") else None


def _held_act(verb: Token) -> tuple[str, Token, bool] | None:
    """ "the painting carried no guarantee", "was backed by a guarantee", "won approval",
    "lacked approval": an act named by a noun its subject has or lacks → (the act's class,
    the noun, whether the verb itself says it is missing)."""
    lemma = verb.lemma_.lower()
    if lemma not in lx.HAVING_VERBS:
        return None
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    nouns += [o for c in verb.children if c.dep_ == "agent" for o in c.children]
    nouns += [
        o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children
    ]
    noun = next((n for n in nouns if n.lemma_.lower() in lx.ACT_NOUNS), None)
    if noun is None:
        return None
    return lx.ACT_NOUNS[noun.lemma_.lower()], noun, lemma == "lack"


def _held_act_claim(verb: Token, state: ArticleState) -> ClaimData | None:
    held = _held_act(verb)
    if held is None or not _realis(verb, False, False):
        return None
    pred, noun, lacking = held
    holder = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    negated = lacking != (any(c.dep_ == "neg" for c in verb.children) or _has_no(noun))
    value = "no" if negated else "yes"
    display = gr._past(pred) if value == "yes" else f"did not {pred}"
    return _claim(verb, state, pred, holder, None, value, display, stance=False)


def _polarity_claim(verb: Token, state: ArticleState) -> ClaimData | None:
    if verb.pos_ != "VERB":
        return None
    if (held := _held_act_claim(verb, state)) is not None:
        return held
    if (among := _among(verb)) is not None:
        # "the memorandum was (not) among the documents signed": whether it was signed
        thing_tok, copula = among
        pred = _polarity_pred(verb)
        if not pred or pred in ("confirm", "deny") or not _realis(copula, False, False):
            return None
        no = any(c.dep_ == "neg" for c in copula.children) or _has_no(thing_tok)
        value = "no" if no else "yes"
        display = gr._past(pred) if value == "yes" else f"did not {pred}"
        return _claim(verb, state, pred, thing_tok, None, value, display, stance=False)
    pred = _polarity_pred(verb)
    if not pred:
        return None
    stance = pred in ("confirm", "deny")
    if verb.dep_ == "ccomp" and _polarity_pred(verb.head) in ("confirm", "deny"):
        return None  # "denied that any money was paid": the stance claim says it
    first = verb
    while first.dep_ == "conj" and first.head.pos_ == "VERB":
        first = first.head  # "declined to confirm or deny": "deny" shares the refusal
    refusal = first.dep_ == "xcomp" and first.head.lemma_.lower() in lx.REFUSAL_VERBS
    negated = any(c.dep_ == "neg" for c in verb.children) or refusal
    if not _realis(first if refusal else verb, stance and negated, refusal):
        return None
    if stance:
        return _stance_claim(verb, pred, negated, state)
    thing_tok, subject_tok = _arguments(verb)
    if pred == "claim responsibility":
        act = _claimed_act(verb)
        thing_tok = act if act is not None and act.lemma_.lower() != "responsibility" else None
    if thing_tok is None and any(c.dep_ == "xcomp" for c in verb.children):
        return None  # "agreed to set up a fund": the act is the one agreed to
    negated = negated or _has_no(thing_tok) or _has_no(subject_tok)
    act_noun = thing_tok is not None and lx.POLARITY_VERBS.get(thing_tok.lemma_.lower()) == pred
    if act_noun:
        thing_tok = None  # "no arrests were made": the noun is the act, not what it acts on
    if negated and _denies_a_detail(verb):
        return None
    value = "no" if negated else "yes"
    display = gr._past(pred) if value == "yes" else f"did not {pred}"
    return _claim(
        verb, state, pred, thing_tok, subject_tok, value, display, stance=False, bare=act_noun
    )


def _stance_claim(verb: Token, pred: str, negated: bool, state: ArticleState) -> ClaimData | None:
    """ "confirmed that the data was accessed" / "denied that any report had flagged it" /
    "could not confirm that …": a claim about the reported happening (``yes`` / ``no`` /
    ``unconfirmed``), keyed like the happening itself, so that one outlet's "no data was
    accessed" meets another's "the company confirmed that data was accessed" whoever said
    it. A stance with an object and no clause ("has not confirmed the figure") keeps the
    stance verb as predicate; a bare "police confirmed" says nothing checkable."""
    if pred == "deny" and negated:
        return None  # "did not deny": neither a confirmation nor a denial
    stance_value = "denied" if pred == "deny" else ("not confirmed" if negated else "confirmed")
    comp = _reported_clause(verb)
    if comp is not None and comp.pos_ in ("VERB", "AUX") and _reported_realis(comp):
        thing_tok, subject_tok = _arguments(comp)
        inner_negated = any(c.dep_ == "neg" for c in comp.children)
        inner_negated = inner_negated or _has_no(thing_tok) or _has_no(subject_tok)
        value = {"confirmed": "yes", "denied": "no", "not confirmed": "unconfirmed"}[stance_value]
        if inner_negated and value != "unconfirmed":
            value = "no" if value == "yes" else "yes"
        inner = _polarity_pred(comp) or gr._predicate(comp) or comp.lemma_.lower()
        if (
            inner in _TAKING
            and thing_tok is not None
            and lx.noun_class(thing_tok.lemma_.lower()) in _TAKEN_THINGS
        ):
            inner = "steal"  # "denied that any records were taken" / "data was stolen"
        shown = gr._past(inner) if not inner_negated else f"did not {inner}"
        if _will(comp):
            # "confirmed he will retire" / "denied reports he would retire": whether he
            # will, a question apart from whether he did
            shown = f"will {inner}" if not inner_negated else f"will not {inner}"
            inner = f"will {inner}"
            if subject_tok is not None and subject_tok.lower_ in lx.PRONOUNS_PERSON:
                subject_tok = _person_subject(verb) or subject_tok  # "X denied he would…"
        display = f"{stance_value}: {shown}"
        return _claim(verb, state, inner, thing_tok, subject_tok, value, display, stance=True)
    thing_tok, subject_tok = _arguments(verb)
    if thing_tok is None or thing_tok.lower_ == "it":
        return None
    if _has_no(thing_tok) and stance_value == "confirmed":
        stance_value = "not confirmed"  # "no date has been confirmed"
    return _claim(verb, state, "confirm", thing_tok, subject_tok, stance_value, stance_value, True)


def _person_subject(verb: Token) -> Token | None:
    """ "Anholt denied that he would…": the name the pronoun stands for."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")
        ),
        None,
    )


def _reported_clause(verb: Token) -> Token | None:
    """The clause a stance verb confirms or denies: "denied that he would retire", or the
    clause of the reports it denies ("denied reports that he would retire")."""
    comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if comp is not None:
        return comp
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.lemma_.lower() in _REPORT_NOUNS:
            return next(
                (c for c in obj.children if c.dep_ in ("acl", "ccomp") and _has_that(c)), None
            )
    return None


# "denied reports that…", "confirmed claims that…"
_REPORT_NOUNS = frozenset(
    {"report", "claim", "suggestion", "allegation", "rumour", "rumor", "speculation"}
)


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _will(comp: Token) -> bool:
    """A reported intention: "that he will retire", "that he would retire"."""
    return any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in comp.children
    )


def _reported_realis(comp: Token) -> bool:
    """The clause a stance verb reports states a fact ("that data was accessed") or an
    intention ("that he would retire": a question of its own, see :func:`_will`), not a
    plan or a possibility ("that it could pay")."""
    if _will(comp):
        return not gr._planned(comp)
    if any(c.dep_ == "aux" and c.lower_ in lx.MODAL_WORDS for c in comp.children):
        return False
    return gr._tense(comp) != "future" and not gr._planned(comp)


def _claim(
    verb: Token,
    state: ArticleState,
    pred: str,
    thing_tok: Token | None,
    subject_tok: Token | None,
    value: str,
    display: str,
    stance: bool,
    bare: bool = False,
) -> ClaimData | None:
    """``bare``: the act alone is the question ("no arrests have been made")."""
    if pred == "make" and verb.lemma_.lower() in ("receive", "get"):
        subject_tok = None  # who received a demand is not who made it
    thing_tok = _antecedent(thing_tok, state)
    thing = gr._ref(thing_tok, state)
    kind = (
        next(
            (
                c.lower_
                for c in thing_tok.children
                if c.dep_ == "amod" and c.lower_ in lx.KIND_ADJECTIVES
            ),
            "",
        )
        if thing_tok is not None and thing.key and not thing.key.startswith("@")
        else ""
    )
    if kind:
        # "had not opened a criminal investigation" is not about the regulator's investigation
        thing = gr._Ref(f"{kind} {thing.display}", f"{kind} {thing.key}")
    subject = gr._ref(subject_tok, state)
    if not (thing.key or subject.key or bare):
        return None
    doc = verb.doc
    start, end = _verb_span(verb)
    return ClaimData(
        kind=ClaimKind.NEGATION,
        sentence_start=0,
        sentence_end=0,
        value_start=doc[start].idx,
        value_end=doc[end - 1].idx + len(doc[end - 1].text),
        value_text=doc[start:end].text,
        normalized={"type": ClaimKind.NEGATION, "polarity": value, "stance": stance},
        display=display,
        about=_polarity_about(pred, _who(subject_tok, subject), thing_tok),
        key=gr._key(ClaimKind.NEGATION, pred, thing.key, subject.key),
        subject=subject.display,
        predicate=pred,
        negated=value not in ("yes", "confirmed"),
    )


def _antecedent(tok: Token | None, state: ArticleState) -> Token | None:
    """What "it" stands for when it is the thing acted on: a thing named earlier in the
    sentence ("the negotiators signed the deal, but the committee has not endorsed it"),
    else, for a subject "it", the thing the sentence before was about ("The tunnel opened in
    May. It has not been certified for freight")."""
    if tok is None or tok.lower_ != "it":
        return tok
    before = [
        t
        for t in tok.sent[: tok.i - tok.sent.start]
        if t.dep_ in ("dobj", "nsubjpass", "nsubj")
        and t.pos_ in ("NOUN", "PROPN")
        and t.ent_type_ not in ("PERSON", "NORP")
        and t.head.i != tok.head.i
    ]
    if before:
        return before[-1]
    last = state.last_thing
    if tok.dep_ not in ("nsubj", "nsubjpass") or last is None or last.doc is not tok.doc:
        # an object "it" with nothing before it in the sentence ("the president has not
        # accepted it") stays open: the last sentence's subject is too weak a guess
        return tok
    return last


def _realis(verb: Token, negated_stance: bool, refusal: bool) -> bool:
    """A statement of fact: not a plan, forecast, hypothesis, condition or question.
    "could not confirm" is a fact about confirming; "agreed to release" is not a release."""
    if verb.dep_ == "xcomp" and not refusal:
        return False
    modal = any(c.dep_ == "aux" and c.lower_ in lx.MODAL_WORDS for c in verb.children)
    if modal and not negated_stance:
        return False
    # "Seoul expects talks, but no summit has been confirmed": a clause joined by "but" is
    # not governed by the first clause's "expects"
    if verb.dep_ == "conj":
        planned = gr._hypothetical(verb)
        future = any(c.lower_ in ("will", "'ll", "shall") for c in verb.children)
    else:
        planned = gr._planned(verb) or gr._aspired(verb)
        future = gr._tense(verb) == "future"
    if future or (not modal and planned):
        return False
    for tok in (verb, verb.head):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in tok.children):
            return False
    return not verb.sent.text.rstrip().rstrip("”\"'’").endswith("?")


def _arguments(verb: Token) -> tuple[Token | None, Token | None]:
    """(what the verb acts on, who acts): "no ransom was paid by the firm" → (ransom, firm)."""
    passive = gr._passive(verb)
    return _thing(verb, passive), _agent(verb) if passive else gr._subject_token(verb)


def _thing(verb: Token, passive: bool) -> Token | None:
    """What the verb acts on: its object, or its subject when passive ("no ransom was
    paid"); for particle verbs the object of the particle's preposition ("took part in")."""
    deps = ("nsubjpass",) if passive else ("dobj",)
    tok = next((c for c in verb.children if c.dep_ in deps), None)
    if tok is None and not passive:  # "confirm or deny the reports": the object is shared
        tok = next(
            (o for c in verb.children if c.dep_ == "conj" for o in c.children if o.dep_ in deps),
            None,
        )
    if tok is None and not passive:
        prep = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "to")), None
        )
        if prep is not None and gr._predicate(verb) != verb.lemma_.lower():
            tok = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if tok is None and not passive:
        # "failed to agree on a migration pact", "voted on the bill": what it was about
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if pobj is not None and pobj.pos_ == "NOUN" and not pobj.ent_type_:
            tok = pobj
    if tok is not None and tok.lower_ == "it":
        return tok  # :func:`_antecedent` reads what it stands for
    if tok is None or tok.pos_ == "PRON" or tok.lower_ in lx.PRONOUNS_OTHER:
        return None
    if gr.part_of_predicate(verb, tok):
        return None  # "conceded defeat" is "conceded"
    return tok


def _agent(verb: Token) -> Token | None:
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _has_no(tok: Token | None) -> bool:
    """ "No ransom was paid", "no official attended", "nobody signed"."""
    if tok is None:
        return False
    if tok.lower_ in ("nobody", "none", "nothing", "neither"):
        return True
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in tok.children)


_DETAIL_WORDS = frozenset({"until", "till", "before", "again", "only"})
# "did not vote as one", "did not sign at the ceremony", "did not meet during the summit"
_DETAIL_PREPS = frozenset({"as", "at", "during", "within", "after", "via", "through"})
_MANNER_WORDS = frozenset({"together", "jointly", "unanimously", "fully", "personally", "directly"})


def _denies_a_detail(verb: Token) -> bool:
    """ "did not meet on Monday", "not until Friday", "did not sign in Paris", "did not vote
    as one": the denial is about when, where or how (a date or place claim, a manner), not
    about whether it happened. "Did not sound at any point on Tuesday" denies it all."""
    if any(c.dep_ == "prep" and _emphasis(c) for c in verb.children):
        return False
    for tok in verb.children:
        if tok.lower_ in _MANNER_WORDS:
            return True
        as_of = tok.lower_ == "as" and any(c.lower_ == "of" for c in tok.children)
        if tok.dep_ == "prep" and tok.lower_ in _DETAIL_PREPS and not (_emphasis(tok) or as_of):
            return True
    for tok in _own_clause(verb):
        if tok.lower_ in _DETAIL_WORDS:
            return True
        if tok.ent_type_ in ("DATE", "TIME") and not (_as_of(tok, verb) or _attribute(tok)):
            return True
        if tok.ent_type_ in gr.PLACE_LABELS and tok.dep_ == "pobj" and tok.head.head.i == verb.i:
            return True
    return False


def _attribute(tok: Token) -> bool:
    """ "its annual inspection", "the weekly meeting": a date word describing a thing, not
    the time of the act."""
    return tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN" and tok.head.ent_type_ == ""


# "did not meet until talks resumed": a clause joined by these says when the act happened
_TIME_MARKS = frozenset({"until", "till", "before", "after", "once"})


def _own_clause(verb: Token) -> list[Token]:
    """The verb's subtree without the clauses joined to it ("has not resigned *and insists
    she will stay until the vote*": the "until" is the other clause's), nor an adverbial
    clause that is not about its time ("declined to rule out cuts *when asked whether more
    could follow before the end of the year*", "never activated, *leaving rescuers with
    only…*")."""
    out: list[Token] = []
    stack = [verb]
    while stack:
        cur = stack.pop()
        out.append(cur)
        stack.extend(
            c
            for c in cur.children
            if not (
                cur.i == verb.i
                and (
                    c.dep_ in ("conj", "cc", "ccomp", "parataxis")
                    or (c.dep_ == "advcl" and not _time_clause(c))
                )
            )
        )
    return out


def _time_clause(clause: Token) -> bool:
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS for c in clause.children)


def _as_of(tok: Token, verb: Token) -> bool:
    """ "had not suspended the permit as of Thursday": the day the denial holds on, not the
    detail denied."""
    cur = tok
    while cur.i != verb.i and cur.head.i != cur.i:
        if cur.lower_ == "as" and any(c.lower_ == "of" for c in cur.children):
            return True
        cur = cur.head
    return False


def _emphasis(prep: Token) -> bool:
    """ "did not go off at any point", "at any time", "at any stage": it never happened."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and any(c.lower_ in ("any", "all") for c in obj.children)


def _verb_span(verb: Token) -> tuple[int, int]:
    """The verb with its auxiliaries and negation ("has not confirmed")."""
    parts = [verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
    start, end = min(parts), verb.i + 1
    return start, end


def _who(tok: Token | None, ref: gr._Ref) -> str:
    """How the question names the subject: a name as written, else its noun phrase."""
    if tok is None or ref.key.startswith("@") or not ref.key:
        return ref.display
    text = gr._noun_phrase(tok)
    return text[:1].lower() + text[1:] if tok.pos_ == "NOUN" and text[:1].isupper() else text


def _phrase(noun: Token) -> str:
    """The noun with its modifiers as written, without determiners ("three-way summit")."""
    dropped = {t.i for c in noun.lefts if c.dep_ in ("det", "poss") for t in c.subtree}
    words = [t for t in noun.doc[noun.left_edge.i : noun.i + 1] if t.i not in dropped]
    return "".join(t.text_with_ws for t in words).strip() or noun.text


def _polarity_about(pred: str, subject: str, thing: Token | None) -> str:
    """ "whether the finance ministry confirmed the payment", "whether the ministers met",
    "whether the card data was accessed"."""
    what = gr._the(_phrase(thing)) if thing is not None else ""
    if thing is not None and thing.ent_type_:
        what = _phrase(thing)
    who = gr._the(subject) if subject else ""
    if pred == "claim responsibility" and what:
        what = f"for {what}"  # "claimed responsibility for the attack"
    if not who and what:
        be = "were" if thing is not None and thing.tag_ in ("NNS", "NNPS") else "was"
        return f"whether {what} {be} {gr._participle(pred)}"
    if not who:
        return f"whether anyone was {gr._participle(pred)}"  # "no arrests have been made"
    return " ".join(p for p in ("whether", who, gr._past(pred), what) if p)


# --------------------------------------------------------------------------- attribution


def quote_words(text: str) -> list[str]:
    """A quotation's words for matching: case-folded, curly apostrophes made straight."""
    return [w.replace("’", "'") for w in _WORD.findall(text.casefold())]


def _paragraph_quotes(sent: Span) -> list[tuple[int, int, str]]:
    """Quotations (char start, end, words) of the paragraph holding ``sent``, Doc offsets.
    Each paragraph is read once per Doc: the quotations are kept on the Doc, by paragraph
    start, beside its text (:func:`claims.nlp.grammar.doc_text`)."""
    text = gr.doc_text(sent.doc)
    cached: dict[int, list[tuple[int, int, str]]] = sent.doc.user_data.setdefault(
        "newsdesk_quotes", {}
    )
    start = text.rfind("\n", 0, sent.start_char) + 1
    if start not in cached:
        end = text.find("\n", sent.end_char)
        end = len(text) if end < 0 else end
        cached[start] = [
            (m.start(), m.end(), m.group(1) or m.group(2))
            for m in _QUOTE_SPAN.finditer(text, start, end)
            if len(quote_words(m.group(1) or m.group(2))) >= MIN_QUOTE_WORDS
        ]
    return cached[start]


def _attribution_claims(sent: Span, state: ArticleState) -> list[ClaimData]:
    out: list[ClaimData] = []
    doc = sent.doc
    for q_start, q_end, words in _paragraph_quotes(sent):
        ends_here = sent.start_char <= q_end - 1 < sent.end_char
        starts_here = sent.start_char <= q_start < sent.end_char
        if not (ends_here or starts_here):
            continue
        speaker = _speaker(sent, q_start, q_end, state)
        if speaker is None:
            continue
        if starts_here and not ends_here:
            # the speaker is named where the quotation closes, when it is named there
            closing = doc.char_span(q_end - 1, q_end, alignment_mode="expand")
            if closing is not None and _speaker(closing.sent, q_start, q_end, state) is not None:
                continue
        out.append(_quote_claim(speaker, words, state))
    return out


def _speaker(sent: Span, q_start: int, q_end: int, state: ArticleState) -> Token | None:
    """The subject of a reporting verb outside the quotation, or "according to X"."""
    for tok in sent:
        if q_start <= tok.idx < q_end:
            continue
        if tok.lower_ == "according" and tok.i + 1 < sent.end:
            prep = sent.doc[tok.i + 1]
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if (
            tok.dep_ == "amod"
            and tok.lemma_.lower() in lx.QUOTE_VERBS
            and 0 <= tok.idx - q_end <= 3
            and tok.head.pos_ in ("NOUN", "PROPN")
        ):
            # "…," beamed coach Tomas Vell: the verb parsed as an adjective of the speaker
            head = tok.head
            while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head
            return head
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lx.QUOTE_VERBS:
            verb = tok
            while (subj := next((c for c in verb.children if c.dep_ == "nsubj"), None)) is None:
                if verb.dep_ != "conj":
                    break
                verb = verb.head  # "X promised an inquiry and said: …"
            if subj is None or q_start <= subj.idx < q_end:
                continue
            if subj.lower_ in lx.PRONOUNS_OTHER | {"i", "we"}:
                return None
            if subj.lower_ in lx.PRONOUNS_PERSON and not state.last_person:
                return None
            return subj
    return None


def _quote_claim(speaker: Token, words: str, state: ArticleState) -> ClaimData:
    doc = speaker.doc
    ref = gr._ref(speaker, state)  # a name, "he"/"she", or "the governor, Ana Petrov" → @name
    role = "" if speaker.ent_type_ else _role_of(speaker)
    if ref.key.startswith("@"):
        key, display = ref.key, ref.display
        role = role or next((r for r, names in state.roles.items() if display in names), "")
    else:
        display = gr._span_text(speaker)  # "the regional governor"
        person = _resolve_role(role, state) if role else ""
        key = "@" + gr._field(person) if person else (role or ref.key)
        display = f"{display} ({person})" if person else display
    if speaker.ent_type_:
        span = gr._ent_span(speaker)
    else:
        mods = [c.left_edge.i for c in speaker.lefts if c.dep_ in gr._CHUNK_DEPS]
        span = doc[min([speaker.i, *mods]) : speaker.i + 1]
    clean = " ".join(words.split())
    first = " ".join(clean.split()[:8])
    return ClaimData(
        kind=ClaimKind.ATTRIBUTION,
        sentence_start=0,
        sentence_end=0,
        value_start=span.start_char,
        value_end=span.end_char,
        value_text=span.text,
        normalized={
            "type": ClaimKind.ATTRIBUTION,
            "speaker": display,
            "speaker_key": key,
            "role": role,
        },
        display=display,
        about=f"who said “{first}{'…' if len(clean.split()) > 8 else ''}”",
        key=gr._key(ClaimKind.ATTRIBUTION, " ".join(quote_words(clean))),
        subject=display,
        predicate="say",
        quote=clean,
        speaker=display,
    )
