# ruff: noqa: RUF001, RUF002  (typographic dashes/quotes are intentional: news text uses them)
"""Canonicalise entity mentions across all articles of one event (ENGINE.md step 3).

Rules, applied in order, each over *groups* of mentions that share a normalised name:

1. Normalise: NFC, case-fold, possessive "'s"/"’s" stripped, hyphens/dashes as spaces, dots
   dropped ("U.S." → "us"), a leading "the" dropped, personal titles stripped from PERSON
   names ("President Ana Ruiz" → "ana ruiz"; list in :mod:`claims.nlp.lexicon`).
   Mentions with the same normalised name form one group whatever spaCy's label.
2. Short forms: a name whose tokens are a contiguous part of exactly ONE longer PERSON name
   joins it ("Ruiz" → "Ana Maria Ruiz"). When two or more longer names contain it
   ("Lee" with "Lee A B" and "Lee C D") the short form's mentions stay unlinked (None):
   a wrong link is worse than none.
3. Acronyms: an all-caps single token ("NWA", "U.N.") joins the unique group whose
   initials spell it (with or without function words).
4. Demonyms: a NORP group joins the unique GPE/LOC group produced by general suffix rules on
   its last word ("South African" → "south africa", "Norwegian" → "norway",
   "Pakistani" → "pakistan", "Russian" → "russia"); the cluster takes the place's label and name.

Value-like labels (DATE, TIME, CARDINAL, ORDINAL, QUANTITY, MONEY, PERCENT) are left
unlinked (None): they are claims, not entities, and storing them as entities would only
clutter the event's entity list.

Cluster keys are ``"<label class>:<normalised canonical name>"`` (e.g.
``"person:ana maria ruiz"``): stable across re-runs as long as the event's longest name form is.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

from claims.nlp.lexicon import TITLES
from claims.nlp.types import ROLE_LABEL, EntityCluster, MentionData

__all__ = ["LINKABLE_LABELS", "canonicalize_entities", "demonym_candidates", "normalise_name"]

LINKABLE_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
LABEL_CLASS = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "facility",
    "NORP": "group",
    "EVENT": "event",
    "PRODUCT": "product",
    "WORK_OF_ART": "work",
    "LAW": "law",
}
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "la", "&"})
_DASHES = re.compile(r"[-‐‑‒–—―]")
_POSSESSIVE = re.compile(r"['’]s?$")


@lru_cache(maxsize=65536)
def normalise_name(text: str, label: str = "") -> str:
    """Normalised form used to group mentions (see module docstring, rule 1)."""
    t = unicodedata.normalize("NFC", text).strip()
    t = _POSSESSIVE.sub("", t)
    t = _DASHES.sub(" ", t).replace(".", "")
    t = re.sub(r"[\"“”()\[\],]", " ", t).casefold()
    words = t.split()
    if words and words[0] == "the":
        words = words[1:]
    if label == "PERSON":
        while len(words) > 1 and words[0] in TITLES:
            words = words[1:]
    return " ".join(words)


def _display_form(text: str, label: str) -> str:
    """Surface form with possessive and (for people) titles removed, original casing kept."""
    t = _POSSESSIVE.sub("", text.strip())
    words = t.split()
    if words and words[0].lower() == "the" and label != "WORK_OF_ART":
        words = words[1:]
    if label == "PERSON":
        while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
            words = words[1:]
    return " ".join(words)


# Demonyms that no suffix rule reaches (a general lexicon of English, not of any story).
IRREGULAR_DEMONYMS: dict[str, tuple[str, ...]] = {
    "french": ("france",),
    "dutch": ("netherlands", "the netherlands", "holland"),
    "swiss": ("switzerland",),
    "british": ("britain", "united kingdom", "uk"),
    "english": ("england",),
    "welsh": ("wales",),
    "scottish": ("scotland",),
    "scots": ("scotland",),
    "irish": ("ireland",),
    "danish": ("denmark",),
    "swedish": ("sweden",),
    "finnish": ("finland",),
    "polish": ("poland",),
    "spanish": ("spain",),
    "portuguese": ("portugal",),
    "greek": ("greece",),
    "turkish": ("turkey", "türkiye"),
    "icelandic": ("iceland",),
    "thai": ("thailand",),
    "filipino": ("philippines", "the philippines"),
    "philippine": ("philippines", "the philippines"),
    "malagasy": ("madagascar",),
    "peruvian": ("peru",),
    "argentine": ("argentina",),
    "argentinian": ("argentina",),
    "american": ("united states", "us", "usa", "america"),
    "emirati": ("united arab emirates", "uae"),
    "saudi": ("saudi arabia",),
    "kiwi": ("new zealand",),
    "czech": ("czech republic", "czechia"),
    "slovak": ("slovakia",),
    "cypriot": ("cyprus",),
    "maltese": ("malta",),
    "monegasque": ("monaco",),
    "lao": ("laos",),
    "burmese": ("myanmar", "burma"),
    "congolese": ("congo",),
}


def demonym_candidates(word: str) -> set[str]:
    """Place names a demonym could come from (general English suffix rules, overgenerating).

    Only names that also occur in the event are ever used, so extra candidates are harmless.
    """
    w = word.casefold()
    out: set[str] = set(IRREGULAR_DEMONYMS.get(w, ()))
    rules = (
        ("egian", ("ay",)),
        ("ian", ("ia", "", "a", "y", "ium")),
        ("ean", ("e", "ea", "")),
        ("an", ("a", "", "e", "o")),
        ("ese", ("a", "", "e", "o")),
        ("i", ("", "ia")),
        ("ish", ("", "land", "ey", "and", "ain")),
        ("ic", ("", "ia", "y")),
        ("n", ("",)),
        ("", ("ia", "a", "land")),
    )
    for suffix, endings in rules:
        if suffix and not w.endswith(suffix):
            continue
        base = w[: len(w) - len(suffix)] if suffix else w
        if len(base) < 3:
            continue
        for ending in endings:
            out.add(base + ending)
    out.discard(w)
    return out


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Keep the smaller root so results do not depend on call order.
            self.parent[max(ra, rb)] = min(ra, rb)


def _group_label(labels: Counter[str]) -> str:
    """Majority label; ties broken by a fixed preference order (deterministic)."""
    order = ["PERSON", "GPE", "ORG", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"]
    return max(labels, key=lambda lab: (labels[lab], -order.index(lab)))


def _contains(long: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _initials(words: list[str], *, skip_function: bool) -> str:
    return "".join(w[0] for w in words if w and not (skip_function and w in _FUNCTION_WORDS))


def canonicalize_entities(
    mentions: Sequence[MentionData],
) -> tuple[list[EntityCluster], list[int | None]]:
    """Cluster an event's mentions; return clusters and each mention's cluster index (or None).

    Deterministic: the same mentions in the same order give the same clusters, keys and
    indices. Clusters are ordered by their first mention.
    """
    names: list[str] = []  # group index → normalised name
    group_of: dict[str, int] = {}
    mention_group: list[int | None] = []
    labels: list[Counter[str]] = []
    surfaces: list[list[str]] = []
    holders = _role_holders(mentions)
    for m in mentions:
        refers_to, label = m.refers_to, m.label
        if label == ROLE_LABEL:
            # "the Ruritanian leader" in an article that never named him: the event's one
            # person another article called its leader, if there is exactly one
            people = holders.get(_role_word(m.text), set())
            refers_to, label = (next(iter(people)), "PERSON") if len(people) == 1 else ("", "")
        if label not in LINKABLE_LABELS:
            mention_group.append(None)
            continue
        # "the regional governor" whose article named her: grouped under her name
        norm = normalise_name(refers_to or m.text, label)
        if not norm:
            mention_group.append(None)
            continue
        g = group_of.get(norm)
        if g is None:
            g = group_of[norm] = len(names)
            names.append(norm)
            labels.append(Counter())
            surfaces.append([])
        labels[g][label] += 1
        if m.text not in surfaces[g]:
            surfaces[g].append(m.text)
        mention_group.append(g)

    n = len(names)
    group_label = [_group_label(labels[g]) for g in range(n)]
    tokens = [name.split() for name in names]
    _relabel_named_people(tokens, group_label)
    uf = _UnionFind(n)
    dropped: set[int] = set()

    _link_short_forms(tokens, group_label, labels, uf, dropped, surfaces)
    _link_org_prefixes(tokens, group_label, uf, dropped)
    _link_org_descriptors(tokens, group_label, uf)
    _link_acronyms(surfaces, tokens, group_label, uf)
    _link_demonyms(tokens, group_label, uf)

    return _build_clusters(
        names, tokens, group_label, labels, surfaces, mention_group, uf, dropped, mentions
    )


def _role_word(text: str) -> str:
    """The role a description names: its last word ("the regional governor" → governor)."""
    words = normalise_name(text).split()
    return words[-1] if words else ""


def _role_holders(mentions: Sequence[MentionData]) -> dict[str, set[str]]:
    """Role word → the people descriptions with that role were tied to, event-wide."""
    holders: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.refers_to:
            holders[_role_word(m.text)].add(m.refers_to)
    return holders


def _link_short_forms(
    tokens: list[list[str]],
    group_label: list[str],
    labels: list[Counter[str]],
    uf: _UnionFind,
    dropped: set[int],
    surfaces: list[list[str]],
) -> None:
    """Rule 2: join a short name to the unique longer PERSON name containing it.

    Two refinements over ENGINE.md, both general:

    * pair names — a hyphenated "X-Y" whose parts are both names mentioned on their own
      ("a Ruiz-Berg meeting") — are not rivals: they name a pairing, not a person;
    * a dominant referent wins: when one candidate has at least three times the mentions of
      all other candidates together (and ≥ 3 mentions), the short form joins it. Coverage of an
      event calls its protagonist by surname; a relative named once does not make that
      ambiguous.
    """
    names = {" ".join(t) for t in tokens}
    people = [
        g
        for g in range(len(tokens))
        if group_label[g] == "PERSON" and not _is_pair_name(surfaces[g], names)
    ]
    for g, toks in enumerate(tokens):
        if not _may_be_short_form(g, toks, group_label, labels, surfaces):
            continue
        longer = [p for p in people if len(tokens[p]) > len(toks) and _contains(tokens[p], toks)]
        # Only maximal names count: "Ana Maria" inside "Ana Maria Ruiz" is not a rival.
        maximal = [
            p
            for p in longer
            if not any(
                q != p and len(tokens[q]) > len(tokens[p]) and _contains(tokens[q], tokens[p])
                for q in longer
            )
        ]
        if len(maximal) > 1:
            weight = {p: sum(labels[p].values()) for p in maximal}
            top = max(maximal, key=lambda p: (weight[p], -p))
            rest = sum(weight.values()) - weight[top]
            if weight[top] >= 3 and weight[top] >= 3 * rest:
                maximal = [top]
        if len(maximal) == 1:
            uf.union(maximal[0], g)
        elif len(maximal) > 1:
            dropped.add(g)


def _relabel_named_people(tokens: list[list[str]], group_label: list[str]) -> None:
    """Rule 2a: "Chief executive Renata Vollmer" tagged ORG is a person when the event
    names "Vollmer" as a person: a two-word ORG name ending with a one-word PERSON name is
    relabelled, so rule 2 joins the surname to it."""
    surnames = {
        toks[0] for g, toks in enumerate(tokens) if group_label[g] == "PERSON" and len(toks) == 1
    }
    for g, toks in enumerate(tokens):
        if group_label[g] == "ORG" and len(toks) == 2 and toks[1] in surnames:
            group_label[g] = "PERSON"


def _link_org_prefixes(
    tokens: list[list[str]], group_label: list[str], uf: _UnionFind, dropped: set[int]
) -> None:
    """Rule 2b: a company's short name is the start of its full name ("Acme" → "Acme
    Holdings Ltd", "Borra" → "Borra Metals"). A one-word ORG joins the unique longer ORG
    name that begins with it; with two or more candidates it stays as it is."""
    orgs: dict[str, list[int]] = defaultdict(list)
    for g, toks in enumerate(tokens):
        if group_label[g] == "ORG" and len(toks) > 1:
            orgs[toks[0]].append(g)
    linked = Counter(uf.find(g) for g in range(len(tokens)))
    for g, toks in enumerate(tokens):
        if len(toks) != 1 or group_label[g] != "ORG" or g in dropped:
            continue
        longer = orgs.get(toks[0], [])
        if len(longer) == 1 and linked[uf.find(g)] == 1:  # not already a person's short form
            uf.union(longer[0], g)


def _link_org_descriptors(tokens: list[list[str]], group_label: list[str], uf: _UnionFind) -> None:
    """Rule 2c: a sentence-initial descriptor swallowed into a name ("Drugmaker Merrith
    Laboratories", "Carmaker Vell Motors"): a name of two or more words joins the unique
    longer ORG name that ends with it."""
    orgs = [g for g, toks in enumerate(tokens) if group_label[g] == "ORG" and len(toks) > 1]
    for g in orgs:
        toks = tokens[g]
        longer = [h for h in orgs if len(tokens[h]) > len(toks) and tokens[h][-len(toks) :] == toks]
        if len(longer) == 1:
            uf.union(longer[0], g)


def _is_pair_name(forms: list[str], names: set[str]) -> bool:
    for form in forms:
        parts = [normalise_name(p) for p in _DASHES.split(form) if p.strip()]
        if len(parts) == 2 and all(p in names for p in parts):
            return True
    return False


def _may_be_short_form(
    g: int,
    toks: list[str],
    group_label: list[str],
    labels: list[Counter[str]],
    surfaces: list[list[str]],
) -> bool:
    """People's short forms are PERSON mentions, or ORG/other mislabels that are not acronyms."""
    if labels[g]["PERSON"]:
        return True
    if len(toks) > 1 or group_label[g] in ("GPE", "LOC", "NORP", "FAC"):
        return False
    return not any(s.isupper() or "." in s for s in surfaces[g])


def _link_acronyms(
    surfaces: list[list[str]], tokens: list[list[str]], group_label: list[str], uf: _UnionFind
) -> None:
    """Rule 3: "NWA" ↔ "National Weather Agency" when the initials match uniquely."""
    for g, forms in enumerate(surfaces):
        acronym = next(
            (
                f.replace(".", "").strip()
                for f in forms
                if re.fullmatch(r"(?:[A-Z]\.?){2,7}s?", f.replace(" ", ""))
            ),
            None,
        )
        if acronym is None or len(tokens[g]) != 1:
            continue
        letters = acronym.rstrip("s").lower() if len(acronym) > 2 else acronym.lower()
        matches = [
            h
            for h in range(len(tokens))
            if h != g
            and len(tokens[h]) >= 2
            and letters
            in (
                _initials(tokens[h], skip_function=True),
                _initials(tokens[h], skip_function=False),
            )
        ]
        if len({uf.find(h) for h in matches}) == 1:
            uf.union(matches[0], g)


def _link_demonyms(tokens: list[list[str]], group_label: list[str], uf: _UnionFind) -> None:
    """Rule 4: NORP "south african" ↔ GPE "south africa" via suffix rules on the last word."""
    places: dict[str, int] = {}
    for g, toks in enumerate(tokens):
        if group_label[g] in ("GPE", "LOC"):
            places.setdefault(" ".join(toks), g)
    for g, toks in enumerate(tokens):
        if group_label[g] != "NORP" or not toks:
            continue
        head = toks[:-1]
        found = {
            places[name]
            for cand in demonym_candidates(toks[-1])
            if (name := " ".join([*head, cand])) in places
        }
        if len(found) == 1:
            uf.union(found.pop(), g)


def _build_clusters(
    names: list[str],
    tokens: list[list[str]],
    group_label: list[str],
    labels: list[Counter[str]],
    surfaces: list[list[str]],
    mention_group: list[int | None],
    uf: _UnionFind,
    dropped: set[int],
    mentions: Sequence[MentionData],
) -> tuple[list[EntityCluster], list[int | None]]:
    members: dict[int, list[int]] = defaultdict(list)
    for g in range(len(names)):
        if g not in dropped or uf.find(g) != g:
            members[uf.find(g)].append(g)
    # A dropped group that nothing joined stays unlinked.
    for g in dropped:
        root = uf.find(g)
        if root == g and members.get(root) == [g]:
            members.pop(root)

    clusters: list[EntityCluster] = []
    cluster_of_root: dict[int, int] = {}
    used_keys: set[str] = set()
    for root in sorted(members, key=lambda r: min(members[r])):
        groups = members[root]
        total: Counter[str] = Counter()
        for g in groups:
            total.update(labels[g])
        label = _cluster_label(total)
        # Canonical name: the most complete form (most tokens, then longest, then earliest).
        best = max(
            (g for g in groups if group_label[g] == label or len(groups) == 1),
            key=lambda g: (len(tokens[g]), len(names[g]), -g),
            default=groups[0],
        )
        display = _display_form(surfaces[best][0], label)
        key = f"{LABEL_CLASS.get(label, label.lower())}:{names[best]}"
        if key in used_keys:
            key = f"{key}#{len(clusters)}"
        used_keys.add(key)
        aliases: list[str] = []
        for g in sorted(groups):
            for s in surfaces[g]:
                if s not in aliases:
                    aliases.append(s)
        cluster_of_root[root] = len(clusters)
        clusters.append(EntityCluster(key=key, name=display, label=label, aliases=aliases))

    assignment: list[int | None] = []
    for g in mention_group:
        if g is None or (g in dropped and uf.find(g) == g and g not in members):
            assignment.append(None)
        else:
            assignment.append(cluster_of_root.get(uf.find(g)))
    return clusters, assignment


def _cluster_label(total: Counter[str]) -> str:
    """Places win over their demonyms; otherwise the majority label."""
    if total.get("NORP") and (total.get("GPE") or total.get("LOC")):
        return "GPE" if total.get("GPE", 0) >= total.get("LOC", 0) else "LOC"
    return _group_label(total)
