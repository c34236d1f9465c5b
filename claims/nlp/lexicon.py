"""Small, general English lexicons used by extraction and alignment.

Nothing here names a particular person, place, organisation or event: only function words,
titles, reporting verbs, hedges and a small predicate synonym table. Extend freely.
"""

from __future__ import annotations

# Predicate classes: lemma → class. Lemmas not listed are their own class.
PREDICATE_CLASSES: dict[str, str] = {
    # "pocketed / raked in £400,000": received it
    "pocket": "receive",
    "rake": "receive",
    "plummet": "fall",
    # endings
    "end": "end",
    "finish": "end",
    "conclude": "end",
    # crossing a border / entering
    "cross": "cross",
    "enter": "cross",
    # departures
    "leave": "leave",
    "depart": "leave",
    "set off": "leave",
    "exit": "leave",
    # arrivals
    "arrive": "arrive",
    "reach": "arrive",
    "pull into": "arrive",
    "land": "arrive",
    "touch down": "arrive",
    "get to": "arrive",
    # taking money that is not one's own
    "steal": "steal",
    "embezzle": "steal",
    "siphon": "steal",
    "siphon off": "steal",
    "plunder": "steal",
    "misappropriate": "steal",
    "loot": "steal",
    "pilfer": "steal",
    # structures failing
    "collapse": "collapse",
    "give way": "collapse",
    "burst": "collapse",
    "breach": "collapse",
    "cave in": "collapse",
    "buckle": "collapse",
    "topple": "collapse",
    "crumple": "collapse",
    # deaths
    "die": "die",
    "kill": "die",
    "dead": "die",
    "death": "die",
    "toll": "die",
    "fatality": "die",
    "perish": "die",
    "lose life": "die",
    # natural events happening ("the quake struck/hit")
    "strike": "strike",
    "hit": "strike",
    "jolt": "strike",
    "rock": "strike",
    "happen": "strike",
    "occur": "strike",
    "explode": "strike",
    "tear": "strike",
    "rip": "strike",
    "hospitalise": "hospitalise",
    "hospitalize": "hospitalise",
    "admit": "hospitalise",
    # votes
    "vote": "vote",
    "approve": "vote",
    "back": "vote",
    "endorse": "vote",
    # based / headquartered
    "headquarter": "headquarter",
    "base": "headquarter",
    # injuries
    "injure": "injure",
    "wound": "injure",
    "hurt": "injure",
    # attendance
    "attend": "attend",
    "join": "attend",
    "take part": "attend",
    "participate": "attend",
    "observe": "attend",
    "watch": "attend",
    "witness": "attend",
    "march": "attend",
    "feature": "attend",
    "appear": "attend",
    "compete": "attend",
    "vie": "attend",
    # hosting/scheduling an event
    "hold": "hold",
    "stage": "hold",
    "take place": "hold",
    "schedule": "hold",
    "set": "hold",
    # opening a facility ("set up a rest centre", "opened a shelter")
    "open": "open",
    "set up": "open",
    "establish": "open",
    "host": "hold",
    "plan": "hold",
    # sending people
    "send": "send",
    "dispatch": "send",
    "deploy": "send",
    "ship": "send",
    # finding out that something happened ("detected the attack", "first noticed it")
    "detect": "detect",
    "notice": "detect",
    "spot": "detect",
    "discover": "detect",
    # visits
    "visit": "visit",
    "tour": "visit",
    "inspect": "visit",
    # travel
    "travel": "travel",
    "head": "travel",
    "go": "travel",
    "journey": "travel",
    # meetings
    "meet": "meet",
    "talk": "meet",
    "hold talks": "meet",
    # things starting ("the fire broke out", "the blaze began", "the strike erupted")
    "start": "start",
    "begin": "start",
    "break out": "start",
    "erupt": "start",
    "ignite": "start",
    "spark": "start",
    "commence": "start",
    "kick off": "start",
    # products taken off sale ("recalled 14 batches", "pulled 17 batches")
    "recall": "recall",
    "pull": "recall",
    "withdraw": "recall",
    # bodies or rules ended ("the chamber will be abolished / scrapped / dissolved")
    "abolish": "abolish",
    "scrap": "abolish",
    "dissolve": "abolish",
    "disband": "abolish",
    "axe": "abolish",
    # rules starting to apply ("will take effect on 1 January" / "will apply from 1 July")
    "take effect": "take effect",
    "apply": "take effect",
    "kick in": "take effect",
    # leaving office ("resigned", "stepped down", "quit", "threw in the towel")
    "resign": "resign",
    "step down": "resign",
    "quit": "resign",
    # people taken captive ("abducted", "kidnapped", "seized", "taken hostage")
    "abduct": "abduct",
    "kidnap": "abduct",
    "snatch": "abduct",
    "seize": "abduct",
    "take hostage": "abduct",
    "take captive": "abduct",
    # people set free ("released" alone is also "released a statement": see extract)
    "free": "free",
    "walk free": "free",
    "hand over": "free",
    # figures going up or down
    "rise": "rise",
    "jump": "rise",
    "climb": "rise",
    "soar": "rise",
    "surge": "rise",
    "gain": "rise",
    "increase": "rise",
    "grow": "rise",
    "fall": "fall",
    "drop": "fall",
    "slide": "fall",
    "tumble": "fall",
    "plunge": "fall",
    "sink": "fall",
    "capsize": "fall",
    "decline": "fall",
    "slump": "fall",
    "decrease": "fall",
    # carrying people or cargo
    "carry": "carry",
    "transport": "carry",
    "ferry": "carry",
    "have on board": "carry",
    # fleeing or being moved out
    "flee": "evacuate",
    "relocate": "evacuate",
    # duration verbs
    "last": "last",
    "run": "last",
    "span": "last",
    # reporting
    "say": "say",
    "tell": "say",
    "report": "say",
    "announce": "say",
    "confirm": "say",
    "state": "say",
    "add": "say",
    "note": "say",
    "claim": "say",
    "write": "say",
    "publish": "say",
    "release": "say",
    "accord": "say",
    "disclose": "say",
    "reveal": "say",
    "declare": "say",
    "post": "say",
    "update": "say",
    "tweet": "say",
    "brief": "say",
    "quote": "say",
    "describe": "say",
    "insist": "say",
    "suggest": "say",
    "hint": "say",
    "repeat": "say",
    "reiterate": "say",
    "stress": "say",
    "emphasise": "say",
    "emphasize": "say",
}

# Reporting verbs that are also acts when their object is a thing: "declared an outbreak",
# "issued a warning", "published the report" happen on a date of their own.
DECLARING_VERBS = frozenset({"declare", "issue", "publish", "release", "announce", "post"})

# Lemmas of reporting verbs whose subject is an attribution source.
REPORTING_VERBS = frozenset(
    lemma for lemma, cls in PREDICATE_CLASSES.items() if cls == "say" and " " not in lemma
) | {"estimate", "assess", "expect", "believe", "warn", "allege", "deny", "list"}

# Verbs that only carry tense/modality: the claim's predicate is their xcomp.
CONTROL_VERBS = frozenset(
    {
        "plan",
        "expect",
        "set",
        "hope",
        "want",
        "intend",
        "aim",
        "seem",
        "appear",
        "continue",
        "begin",
        "start",
        "try",
        "schedule",
        "due",
        "likely",
        "go",
        "prepare",
        "seek",
        "agree",
        "decide",
        "need",
        "promise",
        "pledge",
        "vow",
        "threaten",
        "refuse",
        # directives: "11,000 people were told to stay indoors" is about staying indoors
        "tell",
        "ask",
        "order",
        "instruct",
        "advise",
        "urge",
        "direct",
    }
)

# Light verbs: "take part", "hold talks", "pull into" → multiword predicate.
PARTICLE_PREDICATES = {
    ("come", "down"): "fall",  # "the cabin came down", "prices came down"
    ("take", "part"): "take part",
    ("take", "place"): "take place",
    ("hold", "talk"): "hold talks",
    ("set", "off"): "set off",
    ("pull", "into"): "pull into",
    ("get", "to"): "get to",
    ("break", "out"): "break out",
    ("kick", "off"): "kick off",
    ("put", "at"): "put at",
    ("fall", "ill"): "fall ill",
    ("make", "landfall"): "strike",
    ("make", "landing"): "land",
    ("come", "ashore"): "strike",
    ("blow", "up"): "strike",
    ("leave", "rail"): "derail",
    ("leave", "track"): "derail",
    ("jump", "track"): "derail",
    ("jump", "rail"): "derail",
    ("carry", "out"): "take place",
    ("touch", "down"): "touch down",
    ("give", "way"): "give way",
    ("walk", "free"): "walk free",
    ("take", "hostage"): "take hostage",
    ("lead", "out"): "evacuate",
    ("throw", "towel"): "resign",
    ("pour", "in"): "score",
    ("rack", "up"): "score",
    ("rule", "out"): "rule out",
    ("take", "effect"): "take effect",
    ("kick", "in"): "take effect",
    ("take", "captive"): "take captive",
    # "made off with eight pieces": stole
    ("make", "off"): "steal",
    # "put her name to six agreements": signed
    ("put", "name"): "sign",
    # "handed her resignation to the president", "tendered his resignation": resigned
    ("hand", "resignation"): "resign",
    ("tender", "resignation"): "resign",
    ("submit", "resignation"): "resign",
    ("offer", "resignation"): "resign",
    ("go", "down"): "sink",
    ("go", "under"): "sink",
    ("hand", "over"): "hand over",
    ("set", "up"): "set up",
    ("concede", "defeat"): "concede",
    ("admit", "defeat"): "concede",
    ("cave", "in"): "cave in",
    ("walk", "out"): "walk out",
    ("down", "tool"): "walk out",
    ("go", "strike"): "walk out",
}


def noun_class(lemma: str) -> str:
    """A noun's class (NOUN_CLASSES), with compounds of a worker named by their head
    ("dockworker", "steelworker" → worker)."""
    cls = NOUN_CLASSES.get(lemma)
    if cls is not None:
        return cls
    if lemma.endswith("worker") and lemma != "worker":
        return "worker"
    return lemma


# Counted-noun synonyms (lemma → class).
NOUN_CLASSES: dict[str, str] = {
    "soldier": "troop",
    "troop": "troop",
    "personnel": "troop",
    "fatality": "death",
    "death": "death",
    "dead": "death",
    "casualty": "death",
    "victim": "death",
    "visit": "trip",
    "trip": "trip",
    "journey": "trip",
    "travel": "trip",
    "tour": "trip",
    "voyage": "trip",
    "plane": "aircraft",
    "aircraft": "aircraft",
    "jet": "aircraft",
    "people": "person",
    "quake": "earthquake",
    "earthquake": "earthquake",
    "temblor": "earthquake",
    "tremor": "earthquake",
    "agreement": "agreement",
    "accord": "agreement",
    "pact": "agreement",
    "memorandum": "agreement",
    "deal": "agreement",
    "treaty": "agreement",
    "declaration": "agreement",
    "communique": "agreement",
    "document": "agreement",
    "contract": "agreement",
    "strike": "strike",
    "walkout": "strike",
    "stoppage": "strike",
    "climb": "climb",
    "ascent": "climb",
    "debt": "debt",
    "liability": "debt",
    "theft": "theft",
    "heist": "theft",
    "robbery": "theft",
    "burglary": "theft",
    "bend": "bend",
    "rule": "rule",
    "reign": "rule",
    "hairpin": "bend",
    "truce": "ceasefire",
    "ceasefire": "ceasefire",
    "armistice": "ceasefire",
    "negotiation": "talks",
    "talk": "talks",
    "talks": "talks",
    "datum": "data",
    "data": "data",
    "detail": "data",
    "information": "data",
    "record": "data",
    "blackout": "outage",
    "outage": "outage",
    "customer": "customer",
    "household": "customer",
    "home": "customer",
    "property": "customer",
    "premises": "customer",
    "shopper": "customer",
    "client": "customer",
    "consumer": "customer",
    "account": "customer",
    "user": "customer",
    "prisoner": "prisoner",
    "detainee": "prisoner",
    "captive": "prisoner",
    "hostage": "prisoner",
    "person": "person",
    "individual": "person",
    "resident": "person",
    "vessel": "ship",
    "ship": "ship",
    "boat": "ship",
    "carriage": "carriage",
    "title": "title",
    "crown": "title",
    "championship": "title",
    "victory": "title",
    "win": "title",
    "attempt": "bid",
    "approach": "bid",
    "bid": "bid",
    "offer": "bid",
    "embankment": "embankment",
    "levee": "embankment",
    "dyke": "embankment",
    "dike": "embankment",
    "floodbank": "embankment",
    "handover": "exchange",
    "swap": "exchange",
    "exchange": "exchange",
    "docker": "dockworker",
    "dockworker": "dockworker",
    "longshoreman": "dockworker",
    "stevedore": "dockworker",
    "car": "carriage",
    "coach": "carriage",
    "wagon": "carriage",
    # units written out or abbreviated
    "km": "kilometre",
    "kilometer": "kilometre",
    "kilometre": "kilometre",
    "mi": "mile",
    "ha": "hectare",
    "hectare": "hectare",
    "acre": "acre",
    "kg": "kilogram",
    "kilo": "kilogram",
    "kilogram": "kilogram",
    "tonne": "tonne",
    "ton": "tonne",
    # happenings that outlets name with different words
    "fire": "fire",
    "blaze": "fire",
    "wildfire": "fire",
    "bushfire": "fire",
    "inferno": "fire",
    "flame": "fire",
    "blast": "explosion",
    "explosion": "explosion",
    "storm": "storm",
    "hurricane": "storm",
    "typhoon": "storm",
    "cyclone": "storm",
    "launch": "launch",
    "liftoff": "launch",
    "lift-off": "launch",
    "blastoff": "launch",
    "ruling": "ruling",
    "judgment": "ruling",
    "judgement": "ruling",
    "verdict": "ruling",
    "term": "sentence",
    "sentence": "sentence",
    "delay": "delay",
    "postponement": "delay",
    "slip": "delay",
    "crash": "crash",
    "collision": "crash",
    "staff": "worker",
    "staffer": "worker",
    "employee": "worker",
    "public": "person",
    "cut": "cut",
    "reduction": "cut",
    "hike": "increase",
    "increase": "increase",
    "rise": "increase",
    "meeting": "talks",
    "escape": "escape",
    "breakout": "escape",
    "jailbreak": "escape",
    "kidnapping": "kidnapping",
    "kidnap": "kidnapping",
    "abduction": "kidnapping",
}
# "leaders from 26 countries": the number counts countries but stands for the head noun.
PER_COUNTRY_NOUNS = frozenset({"country", "nation", "state", "government"})

# Ordinal scope words: modifiers that change what is being counted.
FOREIGN_WORDS = frozenset({"foreign", "overseas", "abroad", "international", "external"})
DOMESTIC_WORDS = frozenset({"domestic", "internal", "local", "home"})
# Modifiers that do not change the scope of an ordinal or count.
NEUTRAL_MODIFIERS = frozenset(
    {
        "latest",
        "recent",
        "most",
        "previous",
        "prior",
        "overall",
        "such",
        "major",
        "big",
        "large",
        "rare",
        "new",
        "official",
        "high",
        "profile",
        "historic",
        "special",
        "long",
        "short",
        "key",
        "important",
        "planned",
        "expected",
        "highly",
        "anticipated",
        "this",
        "that",
        "the",
        "a",
        "an",
    }
)

# Hedge cues (lower-case token or lemma) → label reported in ClaimData.hedges.
HEDGE_WORDS: dict[str, str] = {
    "reportedly": "reportedly",
    "allegedly": "allegedly",
    "apparently": "apparently",
    "purportedly": "purportedly",
    "possibly": "possibly",
    "possible": "possible",
    "probably": "probably",
    "likely": "likely",
    "may": "may",
    "might": "might",
    "could": "could",
    "expected": "expected",
    "believed": "believed",
    "estimated": "estimated",
    "estimate": "estimated",
    "estimates": "estimated",
    "unverified": "unverified",
    "unconfirmed": "unconfirmed",
    "rumoured": "rumoured",
    "rumored": "rumored",
    "suspected": "suspected",
    "speculation": "speculation",
    "tentatively": "tentatively",
    "assessment": "assessment",
    "assessments": "assessment",
    "assesses": "assessment",
}
HEDGE_PHRASES: dict[str, str] = {
    "under consideration": "under consideration",
    "not been independently verified": "unverified",
    "not be independently verified": "unverified",
    "cannot be independently verified": "unverified",
    "could not be verified": "unverified",
    "not independently verified": "unverified",
    "according to": "according to",
}

# Personal titles stripped from names ("President Ana Ruiz" → "Ana Ruiz").
TITLES = frozenset(
    {
        "president",
        "vice",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "sheikh",
        "sultan",
        "emir",
        "pope",
        "cardinal",
        "bishop",
        "archbishop",
        "rev",
        "reverend",
        "father",
        "sister",
        "brother",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "doctor",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "gen",
        "general",
        "lt",
        "lieutenant",
        "col",
        "colonel",
        "maj",
        "major",
        "capt",
        "captain",
        "adm",
        "admiral",
        "sgt",
        "sergeant",
        "marshal",
        "commander",
        "chief",
        "chairman",
        "chairwoman",
        "chair",
        "secretary",
        "foreign",
        "defense",
        "defence",
        "assistant",
        "deputy",
        "senator",
        "sen",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "governor",
        "gov",
        "mayor",
        "judge",
        "justice",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "leader",
        "supreme",
        "ceo",
        "coach",
        "manager",
        "former",
        "then",
        "late",
        "aide",
        "kremlin",
        "senior",
        "junta",
        "state",
        "interior",
        "finance",
        "trade",
        "mp",
        "lawmaker",
        "councillor",
        "councilor",
        "director",
        "officer",
        "agent",
        "inspector",
        "detective",
        "superintendent",
        "constable",
        "attorney",
        "solicitor",
        "striker",
        "midfielder",
        "goalkeeper",
        "defender",
        "forward",
        "st",
        "saint",
        "first",
        "crown",
        "grand",
        "duke",
        "duchess",
        "mrs.",
        "mr.",
        "dr.",
    }
)

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
# Words that make a role someone's past one ("the former mayor") or a lesser one ("the
# deputy mayor"): neither names who holds the role itself.
FORMER_WORDS = frozenset({"former", "ex", "previous", "then", "late", "erstwhile"})
SECOND_RANK_WORDS = frozenset({"deputy", "vice", "assistant", "acting", "interim"})
PRONOUNS_OTHER = frozenset(
    {"it", "its", "they", "them", "their", "this", "that", "these", "those", "we", "i", "you"}
)

# Irregular past tenses for the human wording of questions.
# Past participles that differ from the simple past ("was stolen", not "was stole").
IRREGULAR_PARTICIPLE = {
    "steal": "stolen",
    "sink": "sunk",
    "break": "broken",
    "take": "taken",
    "give": "given",
    "write": "written",
    "choose": "chosen",
    "drive": "driven",
    "rise": "risen",
    "fall": "fallen",
    "freeze": "frozen",
    "speak": "spoken",
    "swear": "sworn",
    "tear": "torn",
    "wear": "worn",
    "shake": "shaken",
    "beat": "beaten",
    "see": "seen",
    "know": "known",
    "grow": "grown",
    "throw": "thrown",
    "blow": "blown",
    "fly": "flown",
    "draw": "drawn",
    "hide": "hidden",
    "bite": "bitten",
    "forbid": "forbidden",
    "begin": "begun",
    "sing": "sung",
    "ring": "rung",
    "swim": "swum",
    "run": "run",
    "come": "come",
    "become": "become",
    "go": "gone",
    "do": "done",
    "be": "been",
}
IRREGULAR_PAST = {
    "admit": "admitted",
    "occur": "occurred",
    "submit": "submitted",
    "sink": "sank",
    "steal": "stole",
    "burst": "burst",
    "grow": "grew",
    "beat": "beat",
    "be": "was",
    "have": "had",
    "do": "did",
    "go": "went",
    "leave": "left",
    "take": "took",
    "hold": "held",
    "meet": "met",
    "make": "made",
    "send": "sent",
    "come": "came",
    "begin": "began",
    "fly": "flew",
    "give": "gave",
    "see": "saw",
    "tell": "told",
    "say": "said",
    "run": "ran",
    "set": "set",
    "lose": "lost",
    "win": "won",
    "break": "broke",
    "fall": "fell",
    "get": "got",
    "bring": "brought",
    "lead": "led",
    "put": "put",
    "rise": "rose",
    "speak": "spoke",
    "stand": "stood",
    "spend": "spent",
    "write": "wrote",
    "drive": "drove",
    "ride": "rode",
    "build": "built",
    "hit": "hit",
    "keep": "kept",
    "find": "found",
    "pay": "paid",
    "sell": "sold",
    "become": "became",
    "fight": "fought",
    "seek": "sought",
    "draw": "drew",
    "show": "showed",
    "feel": "felt",
    "shoot": "shot",
    "strike": "struck",
    "throw": "threw",
    "flee": "fled",
    "withdraw": "withdrew",
    "take part": "took part",
    "take place": "took place",
    "hold talks": "held talks",
    "set off": "set off",
    "pull into": "pulled into",
    "get to": "got to",
}

# --------------------------------------------------------------------------- measures
# Nouns whose value a figure gives ("a magnitude of 6.3", "the toll stood at 23", "turnout
# was 61%", "a crowd of 72,000") → the measure class in claim keys. Who or what reports or
# causes the figure does not change the question, so measure keys carry no subject.
MEASURE_NOUNS: dict[str, str] = {
    "magnitude": "magnitude",
    "toll": "death",
    "turnout": "turnout",
    "participation": "turnout",
    "attendance": "attendance",
    "crowd": "attendance",
    "audience": "attendance",
    "gate": "attendance",
    "spectator": "attendance",
    "fan": "attendance",
    "supporter": "attendance",
    "people": "attendance",
    "person": "attendance",
}
# Plain counted nouns that are an attendance only "in front of" them.
SPECTATOR_NOUNS = frozenset({"spectator", "fan", "supporter", "people", "person"})
# Measures of a thing that recurs in one story (a quake and its aftershocks).
OWNED_MEASURES = frozenset({"magnitude"})
MEASURE_ABOUT = {
    "magnitude": "the magnitude",
    "death": "number of people killed",
    "turnout": "the turnout",
    "attendance": "the attendance",
    "population": "the population",
    "length": "the length",
    "altitude": "the altitude",
    "depth": "the depth",
    "height": "the height",
}
# "two-thirds of voters took part": a share of the electorate that voted is the turnout.
ELECTORATE_NOUNS = frozenset({"voter", "elector", "electorate", "citizen"})
TURNOUT_CLASSES = frozenset({"attend", "vote", "cast", "turn", "turn out"})
# Predicate classes whose count does not depend on the subject (the killer, the reporter).
VICTIM_CLASSES = frozenset({"die", "injure", "evacuate", "rescue", "displace", "arrest", "free"})
# Words that make a pair of numbers a vote tally or a game score.
VOTE_WORDS = frozenset(
    {
        "vote",
        "judge",
        "justice",
        "bench",
        "panel",
        "jury",
        "juror",
        "board",
        "favour",
        "favor",
        "ballot",
        "deputy",
        "lawmaker",
        "legislator",
        "mp",
        "senator",
        "parliament",
        "assembly",
        "motion",
        "confidence",
        "bill",
        "chamber",
        "congress",
        "senate",
    }
)
SCORE_WORDS = frozenset({"win", "beat", "defeat", "lead", "draw", "match", "game", "final"})
# Football/sport: what happened in "the 87th minute".
GOAL_WORDS = frozenset(
    {
        "goal",
        "winner",
        "finish",
        "strike",
        "header",
        "equaliser",
        "equalizer",
        "opener",
        "score",
        "net",
        "volley",
    }
)
# "six minutes of added time" / "four minutes of stoppage time": one question.
TIME_PHRASES = {
    "added time": "added time",
    "stoppage time": "added time",
    "injury time": "added time",
    "extra time": "extra time",
}
# Governors that put their xcomp in the future ("expected to close on Friday").
FUTURE_GOVERNORS = frozenset(
    {"expect", "schedule", "set", "plan", "due", "intend", "aim", "hope", "prepare", "poise"}
)
# Nouns that a date modifies without being a datable happening of the story.
NOT_EVENT_NOUNS = frozenset(
    {
        "time",
        "minute",
        "hour",
        "day",
        "week",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "night",
        "edition",
        "paper",
        "issue",
        "statement",
        "report",
        "briefing",
        "comment",
        "remark",
        "interview",
        "post",
        "column",
        "story",
        "headline",
        "trading",
        "session",
    }
)
# Happenings that "on Monday" can date directly ("the vote on Thursday", "talks on Friday").
# Occasions a story may hold many of: "a meeting", "a statement" is one of them, not a
# happening all outlets date ("staff were told at a meeting on Tuesday").
REPEATED_OCCASIONS = frozenset(
    {
        "meeting",
        "statement",
        "briefing",
        "conference",
        "interview",
        "call",
        "session",
        "hearing",
        "gathering",
        "announcement",
    }
)
EVENT_NOUNS = frozenset(
    {
        "vote",
        "election",
        "referendum",
        "ballot",
        "meeting",
        "summit",
        "talk",
        "visit",
        "trip",
        "parade",
        "match",
        "final",
        "game",
        "race",
        "ceremony",
        "inauguration",
        "attack",
        "strike",
        "protest",
        "rally",
        "earthquake",
        "quake",
        "storm",
        "crash",
        "fire",
        "explosion",
        "announcement",
        "launch",
        "debate",
        "hearing",
        "trial",
        "verdict",
        "speech",
        "conference",
        "price",
        "close",
        "deadline",
        "signing",
        "funeral",
        "wedding",
        "concert",
        "festival",
    }
)
# Verbs that only frame a happening named by their object: the date is the happening's.
EVENT_LIGHT_VERBS = frozenset(
    {"win", "lose", "survive", "hold", "stage", "call", "face", "pass", "fail", "attend"}
)
# Nouns that only say "how many" of the noun after "of" ("the number of dead").
COUNT_NOUNS = frozenset({"number", "count", "total", "tally", "figure"})

# --------------------------------------------------------------------------- alignment
# Predicates that add nothing to what a figure is about: reporting and estimating verbs,
# copulas and "have"/"put"/"stand at". Two claims about the same counted thing are about the
# same question when their predicates are equal, synonyms, or one of them is neutral.
NEUTRAL_PREDICATES = frozenset(
    {
        "say",
        "put at",
        "estimate",
        "assess",
        "give",
        "stand",
        "total",
        "number",
        "show",
        "include",
        "list",
        "count",
        "record",
        "last",
        "find",
        "calculate",
        "reckon",
        "involve",  # "the crash involved 63 vehicles" / "58 vehicles were involved"
        "cover",  # "the recall covers 14 batches"
    }
)
# Counted "things" that are only units: what they measure lies in the predicate ("burned
# 4,200 hectares" / "550 kilometres above the Earth"), so the predicate must match exactly.
UNIT_THINGS = frozenset(
    {
        "money",
        "percent",
        "kilometre",
        "mile",
        "metre",
        "meter",
        "foot",
        "hectare",
        "acre",
        "kilogram",
        "tonne",
        "pound",
        "litre",
        "barrel",
        "degree",
        "point",
    }
)
# Of these, the predicates whose subject is the source of a figure ("officials put the toll
# at 23", "analysis showed 5,800 hectares"), not what it is about.
SOURCE_PREDICATES = frozenset(
    {"say", "put at", "estimate", "assess", "show", "list", "count", "record", "find", "calculate"}
)
# Duration claims: the verb names what lasted ("the countdown slipped by 40 minutes").
DURATION_VERB_THINGS = {
    "slip": "delay",
    "delay": "delay",
    "postpone": "delay",
    "sentence": "sentence",
    "meet": "talks",  # "met for three hours" / "a 90-minute meeting"
    "talk": "talks",
    "negotiate": "talks",
    "govern": "rule",  # "governed for 18 years" / "16 years of rule"
    "rule": "rule",
    "reign": "rule",
    "deliberate": "deliberation",  # "the jury deliberated for two days" / "deliberations"
    "debate": "debate",
    "climb": "climb",
    "search": "search",
    "fly": "flight",
}
# A length or figure someone asked for, not the one decided ("prosecutors sought 12 years").
DEMAND_VERBS = frozenset(
    {"seek", "ask", "request", "demand", "propose", "recommend", "want", "urge", "push"}
)
# A length so far, not the whole ("has served 18 months of the sentence").
SO_FAR_VERBS = frozenset({"serve", "spend", "complete"})
# Verbs of getting something counted ("polled / took / picked up 10,412 votes": won them).
GETTING_VERBS = frozenset(
    {
        "win",
        "poll",
        "take",
        "pick",
        "pick up",
        "get",
        "receive",
        "secure",
        "garner",
        "collect",
        "obtain",
        "attract",
        "land",
    }
)
# Subjects that only count what follows "of" ("the number of ships has risen to 22").
COUNTING_SUBJECTS = COUNT_NOUNS | {"queue", "line", "list", "backlog"}
# Verbs that make their complement an aim rather than a schedule ("hopes to fly by 2028").
ASPIRATION_VERBS = frozenset({"hope", "aim", "want", "wish", "intend", "seek", "dream", "try"})

# --- statements without a value (claims.nlp.statements) -------------------------------------

# Stance verbs: a claim that something is (not) confirmed. "deny" makes a denial.
STANCE_VERBS = {
    "confirm": "confirm",
    "verify": "confirm",
    "acknowledge": "confirm",
    "corroborate": "confirm",
    "deny": "deny",
    "refute": "deny",
}
# Verbs whose happening news reports and disputes ("met", "did not sign", "no ransom was
# paid"), with their synonyms' class. General English; nothing about one story.
# Adjectives that name a kind of a thing acted on, not a degree ("a criminal investigation"
# is not the regulator's; "a formal investigation" may be)
KIND_ADJECTIVES = frozenset(
    {"criminal", "civil", "internal", "independent", "parliamentary", "judicial", "military"}
)
POLARITY_VERBS = {
    # acts news commonly asserts or denies, whatever the event
    "admit": "admit",
    "request": "request",
    "ask for": "request",
    "testify": "testify",
    "give evidence": "testify",
    "order": "order",
    "impose": "impose",
    "lift": "lift",
    "launch": "open",
    "open investigation": "open",
    "open inquiry": "open",
    "open probe": "open",
    "upsize": "enlarge",
    "enlarge": "enlarge",
    "concede": "concede",
    "recommend": "recommend",
    "meet": "meet",
    "hold talks": "meet",
    "talk": "meet",
    "sign": "sign",
    "ink": "sign",
    "agree": "agree",
    "pay": "pay",
    "attend": "attend",
    "take part": "attend",
    "participate": "attend",
    "approve": "approve",
    "ratify": "approve",
    "endorse": "approve",
    "accept": "accept",
    "reject": "reject",
    "receive": "receive",
    "release": "release",
    "free": "release",
    "arrest": "arrest",
    "detain": "arrest",
    "charge": "charge",
    "convict": "convict",
    "resign": "resign",
    "step down": "resign",
    "tender resignation": "resign",
    "hand resignation": "resign",
    "submit resignation": "resign",
    "offer resignation": "resign",
    "apologise": "apologise",
    "apologize": "apologise",
    "inspect": "inspect",
    "notify": "notify",
    "inform": "notify",
    "warn": "warn",
    "access": "access",
    "steal": "steal",
    "encrypt": "encrypt",
    "leak": "leak",
    "breach": "breach",
    "exchange": "exchange",
    "hand over": "hand over",
    "return": "return",
    "extradite": "extradite",
    "cancel": "cancel",
    "postpone": "postpone",
    "suspend": "suspend",
    "close": "close",
    "reopen": "reopen",
    "ban": "ban",
    "vote": "vote",
    "veto": "veto",
    "mediate": "mediate",
    "broker": "mediate",
    "claim responsibility": "claim responsibility",
    "hand in": "submit",
    "submit": "submit",
    "lodge": "submit",
    "file": "submit",
    "trigger": "sound",
    "sound": "sound",
    "go off": "sound",
    "activate": "sound",
    "break": "break",
    "fracture": "break",
    "make arrest": "arrest",
    "overload": "overload",
    "evacuate": "evacuate",
    "capsize": "capsize",
    "sink": "sink",
    "guarantee": "guarantee",
    "underwrite": "guarantee",
    "pass": "pass",
    "rule out": "rule out",
    "exclude": "rule out",
    "retire": "retire",
    "certify": "certify",
    "recall": "recall",
    "fire shot": "fire",  # "no shots were fired" / "a shot had been fired"
    "fire round": "fire",
    "fire bullet": "fire",
}
# Verbs by which a thing has (or lacks) an act named by a noun: "carried no guarantee",
# "was backed by a guarantee", "won approval", "lacked approval".
HAVING_VERBS = frozenset(
    {"have", "carry", "receive", "get", "win", "secure", "obtain", "back", "come", "lack"}
)
# Nouns naming an act of POLARITY_VERBS, for HAVING_VERBS.
ACT_NOUNS = {
    "guarantee": "guarantee",
    "approval": "approve",
    "endorsement": "approve",
    "ratification": "approve",
}
# Making, sending or receiving a demand, offer or warning says the same thing: it exists.
ISSUING_VERBS = frozenset(
    {"make", "issue", "send", "receive", "get", "submit", "deliver", "present", "table", "lodge"}
)
ISSUED_NOUNS = frozenset(
    {
        "demand",
        "request",
        "ultimatum",
        "offer",
        "complaint",
        "warning",
        "threat",
        "proposal",
        "counteroffer",
        "appeal",
    }
)
# Nouns for gatherings: "at the G20 summit" names an event, not a site
GATHERING_NOUNS = frozenset(
    {
        "summit",
        "meeting",
        "conference",
        "final",
        "match",
        "game",
        "race",
        "talks",
        "ceremony",
        "parade",
        "rally",
        "festival",
        "session",
        "hearing",
        "trial",
        "congress",
        "convention",
        "forum",
        "event",
        "launch",
        "briefing",
    }
)
# Things issued that news says "came" or "went out" ("the evacuation order came at six")
ANNOUNCED_NOUNS = ISSUED_NOUNS | {"order", "alert", "notice", "instruction", "advisory"}
# "declined to confirm", "refused to sign", "failed to pay": the complement did not happen.
REFUSAL_VERBS = frozenset({"decline", "refuse", "fail"})
# Modal auxiliaries: a clause with one states a possibility or duty, not a fact.
MODAL_WORDS = frozenset({"could", "might", "may", "would", "should", "must", "can", "ca"})
# Reporting verbs that introduce a quotation's speaker.
QUOTE_VERBS = REPORTING_VERBS | {
    "add",
    "tell",
    "write",
    "insist",
    "explain",
    "say",
    "ask",
    "roar",
    "shout",
    "cry",
    "yell",
    "exclaim",
    "reply",
    "remark",
    "quip",
    "joke",
    "beam",
    "smile",
    "grin",
    "laugh",
    "sigh",
}
# Nouns for a person acted on ("the captain was arrested", "the suspect was released").
ACTED_ON_PEOPLE = frozenset(
    {
        "captain",
        "skipper",
        "driver",
        "pilot",
        "suspect",
        "gunman",
        "attacker",
        "defendant",
        "accused",
        "hostage",
        "victim",
        "coach",
        "manager",
        "minister",
        "mayor",
        "governor",
        "president",
        "chairman",
        "chair",
        "director",
        "officer",
        "spokesperson",
    }
)
# Role nouns that neither the title list nor a suffix catches, and gendered forms of one role.
ROLE_NOUNS = frozenset(
    {"official", "spokesperson", "aide", "analyst", "witness", "resident", "source", "expert"}
)
ROLE_SUFFIXES = ("man", "woman", "person", "er", "or", "ist", "ian", "ant", "ent")
ROLE_SYNONYMS = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "congressman": "representative",
    "congresswoman": "representative",
}
# Words too common in quotations to make two of them the same quotation.
QUOTE_STOPWORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "to",
        "of",
        "and",
        "or",
        "but",
        "we",
        "i",
        "it",
        "it's",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "in",
        "on",
        "at",
        "for",
        "with",
        "as",
        "by",
        "that",
        "this",
        "these",
        "those",
        "will",
        "would",
        "can",
        "could",
        "have",
        "has",
        "had",
        "not",
        "no",
        "our",
        "my",
        "you",
        "your",
        "they",
        "their",
        "he",
        "she",
        "his",
        "her",
        "there",
        "what",
        "which",
        "who",
        "do",
        "did",
        "so",
        "just",
        "very",
        "all",
    }
)

# Parts of a match or contest named by number ("the third set", "the second half"): an
# ordinal on them says which part, not how many times something happened.
SEGMENT_NOUNS = frozenset(
    {
        "set",
        "half",
        "quarter",
        "period",
        "inning",
        "innings",
        "leg",
        "lap",
        "frame",
        "game",
        "serve",
        "overtime",
        "tiebreak",
        "tie-break",
        "heat",
        "session",
        "day",
        "hole",
    }
)

# "a city of 310,000 people": the count is of residents.
RESIDENT_NOUNS = frozenset({"people", "person", "resident", "inhabitant", "soul", "citizen"})
SETTLEMENT_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "country",
        "nation",
        "island",
        "region",
        "state",
        "province",
        "community",
        "municipality",
        "district",
        "county",
        "capital",
        "port",
        "metropolis",
        "suburb",
        "borough",
        "territory",
    }
)

# "a further 3 per cent", "another 40 people", "an additional $2 million": a step on top of
# a figure given before, not the figure itself.
INCREMENT_WORDS = frozenset({"further", "another", "additional", "extra", "more"})

# "X expects Y to grow": a forecast of Y's happening, not a report of it.
FORECAST_VERBS = frozenset({"expect", "forecast", "predict", "project", "see", "anticipate"})

# Every happening the lexicon names a class for ("die", "walk out", "cross"…).
KNOWN_HAPPENINGS = (
    frozenset(PREDICATE_CLASSES.values()) | frozenset(PARTICLE_PREDICATES.values())
) - {"say"}

# Nouns that name a change, for the percentage that sizes it ("a 9% drop").
CHANGE_NOUNS = {
    **dict.fromkeys(
        ("rise", "increase", "hike", "raise", "gain", "growth", "jump", "surge", "uplift"),
        "rise",
    ),
    **dict.fromkeys(
        ("fall", "drop", "decline", "cut", "reduction", "decrease", "slump", "plunge", "dip"),
        "fall",
    ),
}

# Verbs that move a level somewhere ("cut its rate to 4.25%"): the figure after "to" is the
# new level.
LEVEL_VERBS = frozenset(
    {"cut", "lower", "reduce", "raise", "increase", "lift", "hike", "trim", "slash", "set"}
)
# Words that only say a level is the main one: "the key rate" is "the benchmark rate".
HEADLINE_MODIFIERS = frozenset(
    {"main", "key", "benchmark", "policy", "headline", "official", "base", "current", "interest"}
)

# Verbs whose subject scopes the figure: "the site employs 3,200" and "the group employs
# 15,000" are two questions, unlike "the army / the troops killed 12".
HOLDING_VERBS = frozenset({"employ", "have", "own", "operate", "house", "run", "manage", "hold"})
# "total attendance", "cumulative cases": a sum over a longer stretch than the story's day.
CUMULATIVE_WORDS = frozenset({"total", "overall", "cumulative", "aggregate", "combined"})

# What a crowd does: people who line a route or pack a stadium are spectators.
WATCHING_VERBS = frozenset({"line", "watch", "cheer", "pack", "throng", "crowd", "fill", "attend"})

# Documents that carry a demand or a figure for someone ("a note demanding $12m").
DOCUMENT_NOUNS = frozenset(
    {"note", "letter", "message", "email", "statement", "post", "filing", "notice", "memo"}
)

# Head nouns of named sites ("the Harbour View Hotel", "the Dervan crossing point").
FACILITY_NOUNS = frozenset(
    {
        "airport",
        "airfield",
        "crossing",
        "checkpoint",
        "point",
        "hotel",
        "headquarters",
        "stadium",
        "arena",
        "station",
        "terminal",
        "port",
        "harbour",
        "harbor",
        "base",
        "palace",
        "square",
        "hospital",
        "court",
        "courthouse",
        "centre",
        "center",
        "plant",
        "factory",
        "depot",
        "quay",
        "pier",
        "bridge",
        "hall",
        "building",
        "tower",
        "camp",
        "prison",
        "mine",
        "airbase",
        "church",
        "cathedral",
        "mosque",
        "temple",
        "school",
        "museum",
        "theatre",
        "theater",
        "library",
        "university",
        "college",
        "barracks",
        "embassy",
        "consulate",
        "clinic",
        "ground",
        "complex",
        "venue",
        "warehouse",
        "shelter",
        "campground",
        "campsite",
        "substation",
        # where someone is found or held
        "barn",
        "shed",
        "hut",
        "cabin",
        "cottage",
        "caravan",
        # road features a crash or a race incident happens at ("the Korrig hairpin")
        "hairpin",
        "chicane",
        "bend",
        "corner",
        "junction",
        "roundabout",
        "interchange",
    }
)

# "turnout hit 71%", "the toll reached 40": the object is the subject's value.
REACH_VERBS = frozenset({"hit", "reach", "top", "touch", "exceed", "surpass", "near"})

# Length units in metres: "the 800-foot bridge" and "the 244-metre bridge" are one length.
LENGTH_UNITS = {
    **dict.fromkeys(("m", "metre", "metres", "meter", "meters"), 1.0),
    **dict.fromkeys(("km", "kilometre", "kilometres", "kilometer", "kilometers"), 1000.0),
    **dict.fromkeys(("ft", "foot", "feet"), 0.3048),
    **dict.fromkeys(("mile", "miles"), 1609.344),
}
# Nouns a distance names a point of, not a length: "the 30-kilometre mark".
MARKER_NOUNS = frozenset({"mark", "point", "marker", "post", "stage", "line", "radius"})

# "the panel divided five to four": verbs after which "N to M" is a tally.
SPLIT_VERBS = frozenset({"divide", "split", "vote", "rule", "decide", "back", "approve"})

# Nouns for an unnamed person whose age a story gives ("an 81-year-old woman").
PERSON_NOUNS = frozenset(
    {
        "woman",
        "man",
        "boy",
        "girl",
        "child",
        "person",
        "driver",
        "passenger",
        "pedestrian",
        "victim",
        "resident",
        "worker",
        "pensioner",
        "teenager",
        "toddler",
        "baby",
        "cyclist",
    }
)

# Verbs whose ordinal adverb is a place in a contest: "finished second" (the finish, as
# "took second place"), "qualified third" / "started fifth" (the grid).
POSITION_VERBS = {
    "finish": "place",
    "come": "place",
    "end": "place",
    "place": "place",
    "start": "grid",
    "qualify": "grid",
    "line": "grid",  # "lined up third on the grid"
}
# Nouns of a finishing place in a contest ("took second place", "in third position").
FINISHING_NOUNS = frozenset({"place", "position", "spot"})
# "the normal limit", "its usual capacity": a figure for ordinary times, not the event's.
USUAL_WORDS = frozenset({"normal", "usual", "regular", "typical", "ordinary", "standard"})
# Happenings that are held, by the verb that does them: "the meeting was held / is
# scheduled for June 11" asks what "they met on June 4" asks.
HELD_EVENT_VERBS = {
    "talks": "meet",
    "vote": "vote",
    "ballot": "vote",
    "referendum": "vote",
    "election": "vote",
}
# A state a verb of reporting confirms ("confirmed dead", "feared missing", "found
# alive"): the state is the predicate, not the confirming.
STATE_PREDICATES = {"dead": "die", "missing": "missing", "injured": "injure", "alive": "survive"}
# Directions that tell two things of one kind apart ("the northbound carriageway").
DIRECTION_WORDS = frozenset(
    {
        "northbound",
        "southbound",
        "eastbound",
        "westbound",
        "inbound",
        "outbound",
        "upstream",
        "downstream",
    }
)
# Verbs that change a size: the figure after "by" is the change, not the new size.
CHANGE_VERBS = frozenset(
    {
        "enlarge",
        "expand",
        "increase",
        "raise",
        "boost",
        "extend",
        "cut",
        "reduce",
        "lower",
        "trim",
        "shrink",
        "shorten",
        "widen",
        "narrow",
    }
)
USUAL_ADVERBS = frozenset({"normally", "usually", "typically", "ordinarily", "generally"})
# Periods long enough that a count over them is a record of many events.
LONG_PERIODS = frozenset({"year", "decade", "century", "month"})
# Periods of a rate: "90,000 vehicles a day", "12 flights per hour".
RATE_PERIODS = frozenset({"day", "week", "month", "year", "hour", "minute", "night", "season"})
# Adverbs of a recurring period: "are reported annually".
PERIOD_ADVERBS = {
    "annually": "year",
    "yearly": "year",
    "monthly": "month",
    "weekly": "week",
    "daily": "day",
    "nightly": "night",
    "hourly": "hour",
}
# Parts of a country a result is broken down by ("in the capital", "in the north").
PARTS_OF_A_COUNTRY = frozenset(
    {
        "capital",
        "province",
        "county",
        "district",
        "constituency",
        "borough",
        "ward",
        "north",
        "south",
        "east",
        "west",
        "countryside",
    }
)

# Groups whose members are people of that group ("members of staff" are staff).
MEMBER_GROUPS = frozenset({"staff", "crew", "team", "public", "family", "workforce"})

# Adjectives that stand for a part of a group, not a thing: "the last of the men".
NOT_NOUN_ADJECTIVES = frozenset(
    {"last", "first", "rest", "latter", "former", "same", "other", "next", "previous", "most"}
)
# Heads that only name a kind of figure: their noun modifiers say whose ("health spending").
GENERIC_HEADS = frozenset(
    {
        "centre",  # a rescue centre and a command centre are two places
        "center",
        "spending",
        "budget",
        "revenue",
        "sale",
        "export",
        "import",
        "tax",
        "cost",
        "funding",
        "investment",
        "output",
        "production",
        "debt",
        "benefit",
        "allowance",
        "subsidy",
        "price",
    }
)
# "a depth of 840 metres", "a height of 30 m".
DEPTH_NOUNS = {
    "depth": "depth",
    "height": "height",
    "altitude": "altitude",
    "elevation": "altitude",
}

# "seven of the nine members backed the cut": verbs whose subjects are the ayes.
BACKING_VERBS = frozenset({"back", "support", "favour", "favor", "endorse", "approve"})

# --------------------------------------------------------------------------- places
# Countries (and the UK's nations) by their usual English names, case-folded. A place claim
# naming a country is compatible with any place inside it, which without a gazetteer we
# cannot tell; two different countries do clash.
COUNTRIES = frozenset(
    {
        "afghanistan",
        "albania",
        "algeria",
        "andorra",
        "angola",
        "antigua and barbuda",
        "argentina",
        "armenia",
        "australia",
        "austria",
        "azerbaijan",
        "bahamas",
        "bahrain",
        "bangladesh",
        "barbados",
        "belarus",
        "belgium",
        "belize",
        "benin",
        "bhutan",
        "bolivia",
        "bosnia",
        "botswana",
        "brazil",
        "britain",
        "brunei",
        "bulgaria",
        "burkina",
        "burundi",
        "cambodia",
        "cameroon",
        "canada",
        "cape verde",
        "central african republic",
        "chad",
        "chile",
        "china",
        "colombia",
        "comoros",
        "congo",
        "costa rica",
        "croatia",
        "cuba",
        "cyprus",
        "czech republic",
        "czechia",
        "denmark",
        "djibouti",
        "dominica",
        "dominican republic",
        "east timor",
        "ecuador",
        "egypt",
        "el salvador",
        "england",
        "equatorial guinea",
        "eritrea",
        "estonia",
        "eswatini",
        "ethiopia",
        "fiji",
        "finland",
        "france",
        "gabon",
        "gambia",
        "georgia",
        "germany",
        "ghana",
        "great britain",
        "greece",
        "grenada",
        "guatemala",
        "guinea",
        "guyana",
        "haiti",
        "honduras",
        "hungary",
        "iceland",
        "india",
        "indonesia",
        "iran",
        "iraq",
        "ireland",
        "israel",
        "italy",
        "ivory coast",
        "jamaica",
        "japan",
        "jordan",
        "kazakhstan",
        "kenya",
        "kiribati",
        "kosovo",
        "kuwait",
        "kyrgyzstan",
        "laos",
        "latvia",
        "lebanon",
        "lesotho",
        "liberia",
        "libya",
        "liechtenstein",
        "lithuania",
        "luxembourg",
        "madagascar",
        "malawi",
        "malaysia",
        "maldives",
        "mali",
        "malta",
        "marshall islands",
        "mauritania",
        "mauritius",
        "mexico",
        "micronesia",
        "moldova",
        "monaco",
        "mongolia",
        "montenegro",
        "morocco",
        "mozambique",
        "myanmar",
        "namibia",
        "nauru",
        "nepal",
        "netherlands",
        "new zealand",
        "nicaragua",
        "niger",
        "nigeria",
        "north korea",
        "north macedonia",
        "norway",
        "oman",
        "pakistan",
        "palau",
        "palestine",
        "panama",
        "papua new guinea",
        "paraguay",
        "peru",
        "philippines",
        "poland",
        "portugal",
        "qatar",
        "romania",
        "russia",
        "rwanda",
        "saint lucia",
        "samoa",
        "san marino",
        "saudi arabia",
        "scotland",
        "senegal",
        "serbia",
        "seychelles",
        "sierra leone",
        "singapore",
        "slovakia",
        "slovenia",
        "solomon islands",
        "somalia",
        "south africa",
        "south korea",
        "south sudan",
        "spain",
        "sri lanka",
        "sudan",
        "suriname",
        "sweden",
        "switzerland",
        "syria",
        "taiwan",
        "tajikistan",
        "tanzania",
        "thailand",
        "the uk",
        "togo",
        "tonga",
        "tunisia",
        "turkey",
        "turkiye",
        "turkmenistan",
        "tuvalu",
        "u.k.",
        "u.s.",
        "uganda",
        "uk",
        "ukraine",
        "united arab emirates",
        "united kingdom",
        "united states",
        "uruguay",
        "us",
        "usa",
        "uzbekistan",
        "vanuatu",
        "vatican city",
        "venezuela",
        "vietnam",
        "wales",
        "yemen",
        "zambia",
        "zimbabwe",
    }
)

# Continents and world regions: compatible with any place (they contain too much to clash).
WORLD_REGIONS = frozenset(
    {
        "africa",
        "antarctica",
        "asia",
        "central asia",
        "east africa",
        "east asia",
        "eastern europe",
        "europe",
        "latin america",
        "middle east",
        "north africa",
        "north america",
        "oceania",
        "scandinavia",
        "south america",
        "south asia",
        "southeast asia",
        "the arctic",
        "the atlantic",
        "the balkans",
        "the caribbean",
        "the gulf",
        "the mediterranean",
        "the middle east",
        "the pacific",
        "the sahel",
        "west africa",
        "western europe",
    }
)

# Words in a place name that make it an area holding other places ("Marisca province", "the
# Harlan Valley"): compatible with any place, as a country is.
AREA_WORDS = frozenset(
    {
        "province",
        "region",
        "state",
        "county",
        "district",
        "territory",
        "prefecture",
        "oblast",
        "governorate",
        "department",
        "canton",
        "valley",
        "coast",
        "mountains",
        "peninsula",
        "basin",
        "delta",
        "plateau",
        "desert",
        "islands",
        "archipelago",
        "sea",
        "ocean",
        "river",
        "lake",
        "gulf",
        "strait",
        "highlands",
        "lowlands",
        "shire",
    }
)
# Nouns a place phrase passes through on its way to the verb: "smashed into the coast near
# X", "crossed the border at Y".
PLACE_PATH_NOUNS = frozenset(
    {
        "coast",
        "coastline",
        "shore",
        "border",
        "frontier",
        "outskirts",
        "edge",
        "area",
        "vicinity",
        "track",
        "road",
        "street",
        "lane",
        "field",
        "site",
        "tarmac",
        "slope",
        "descent",
        "climb",
        "side",
        # what a vehicle goes through or over on its way to a place ("smashed through a
        # barrier near X", "plunged into a ravine outside Y")
        "barrier",
        "verge",
        "ditch",
        "ravine",
        "gorge",
        "embankment",
        "runway",
    }
)
# Spans of time a place phrase may hang off in a parse ("took place earlier in the day at X").
TIME_OF_DAY_NOUNS = frozenset(
    {"day", "morning", "afternoon", "evening", "night", "week", "weekend", "hour"}
)
# Predicate classes of moving from one place to another ("crossed into X", "flew to Y").
MOTION_CLASSES = frozenset({"arrive", "cross", "leave", "travel", "visit", "send"})
# Words that aim "at" someone: "lashed out at X", "aimed at Y" ("X" is not a place).
AT_PERSON_HEADS = frozenset(
    {
        "look",
        "laugh",
        "aim",
        "point",
        "shoot",
        "lash",
        "swipe",
        "jab",
        "glance",
        "stare",
        "yell",
        "shout",
        "smile",
        "wave",
        "fire",
        "hurl",
        "throw",
        "snap",
        "rage",
        "angry",
        "furious",
        "direct",
        "out",
        "dig",
        "poke",
        "grin",
        "wink",
        "nod",
        "scream",
        "sneer",
    }
)
# Happenings that a place phrase can locate without a verb: "the handover at X", "a landing
# at Y" (besides EVENT_NOUNS).
PLACE_EVENT_NOUNS = frozenset(
    {
        "handover",
        "exchange",
        "swap",
        "landing",
        "touchdown",
        "landfall",
        "breach",
        "collapse",
        "derailment",
        "explosion",
        "blast",
        "shooting",
        "stabbing",
        "outbreak",
        "evacuation",
        "rescue",
        "transfer",
        "negotiation",
        "breakthrough",
        "medical",
        "examination",
        "interview",
        "rally",
        "unveiling",
    }
)
# Modifiers that rank a happening among others ("the first quake", "the previous record").
RANK_WORDS = frozenset({"first", "last", "previous", "earlier", "latest", "next", "prior"})
# Facility nouns that also end town names ("Sarrow Point", "Port Aldine", "Kessa Harbour").
TOWN_NAME_HEADS = frozenset(
    {"point", "port", "harbour", "harbor", "quay", "pier", "base", "bridge"}
)
# Facility nouns that name a site inside a town ("Pellam Airport", "the Quay Hotel").
SITE_NOUNS = FACILITY_NOUNS - TOWN_NAME_HEADS
# Ordinal nouns that say where in a building or a line something is ("the sixth floor").
POSITION_NOUNS = frozenset(
    {"floor", "storey", "story", "level", "deck", "row", "lane", "platform", "gate", "seat"}
)
# Sums of money by what they are (lemma → class): "a fee of €85m" and "paid €85m" ask one
# question (see PAYING_VERBS), "a ransom of $4.5m" and "a demand for $7m" another.
MONEY_NOUNS = {
    "fee": "price",
    "deal": "price",
    "acquisition": "price",
    "takeover": "price",
    "transaction": "price",
    "purchase": "price",
    "price": "price",
    "payment": "price",
    "sum": "price",
    "ransom": "demand",
    "demand": "demand",
    "bribe": "bribe",
    "kickback": "bribe",
    "fine": "fine",
    "penalty": "fine",
    "salary": "pay",
    "wage": "pay",
    "bonus": "bonus",
    "compensation": "compensation",
    "damages": "compensation",
    "budget": "budget",
    "deficit": "deficit",
    "revenue": "revenue",
    "turnover": "revenue",
    "profit": "profit",
    "loss": "loss",
    "valuation": "valuation",
    "bid": "offer",
    "offer": "offer",
    "loan": "loan",
    "debt": "debt",
    "cheque": "prize",
    "check": "prize",
    "prize": "prize",
    "purse": "prize",
}
# Verbs whose sum is a price: "paid €85m", "sold for $2bn", "bought for £40m".
PAYING_VERBS = frozenset({"pay", "buy", "sell", "spend", "acquire", "purchase", "fetch"})
# Words beside a money noun that do not change which sum it is ("the transfer fee").
NEUTRAL_MONEY_MODIFIERS = frozenset(
    {"transfer", "cash", "total", "headline", "upfront", "base", "basic", "overall", "ransom"}
)
# Currencies written as words after the figure ("85 million euros").
CURRENCY_NOUNS = frozenset(
    {
        "dollar",
        "euro",
        "pound",
        "yen",
        "yuan",
        "franc",
        "rupee",
        "peso",
        "rouble",
        "ruble",
        "crown",
        "krona",
        "kronor",
        "krone",
        "kroner",
        "mark",
        "markka",
        "thaler",
        "ducat",
        "florin",
        "guilder",
        "dinar",
        "shekel",
        "lira",
        "lire",
        "renminbi",
        "real",
        "rand",
        "won",
    }
)
# Where someone is held: "spent two years in custody" is time held.
DETENTION_NOUNS = frozenset(
    {"custody", "prison", "jail", "gaol", "detention", "captivity", "cell", "bar", "camp"}
)
# Superlatives that rank by size or cost ("the third-biggest", "the second-most expensive").
TOP_SUPERLATIVES = frozenset(
    {
        "big",
        "biggest",
        "large",
        "largest",
        "expensive",
        "costly",
        "costliest",
        "high",
        "highest",
        "great",
        "greatest",
        "valuable",
        "lucrative",
        "pricey",
        "priciest",
    }
)
# Predicate classes of a disaster happening, one question for dates ("the bridge gave way
# at 5:40" / "the disaster struck just before 7pm"; the subjects still tell two apart).
DISASTER_CLASSES = frozenset({"strike", "collapse", "derail"})
# Plant and equipment that blow up or catch fire ("the storage unit blew up"): where the
# happening was, not another happening.
EQUIPMENT_NOUNS = frozenset(
    {"unit", "tank", "reactor", "boiler", "silo", "furnace", "pipeline", "pipe", "vessel"}
)
# Units of distance read as counted nouns ("164km", "30 miles").
DISTANCE_THINGS = frozenset(
    {"km", "kilometre", "kilometer", "mile", "metre", "meter", "m", "foot", "feet", "yard"}
)
# Nouns for unnamed sources ("two people familiar with the talks", "sources close to…").
SOURCE_NOUNS = frozenset({"person", "people", "source", "official", "insider", "aide"})
# Nouns that name the story's happening without saying what it was.
# Classes of happenings that strike rather than are held ("the collision took place" is
# when the crash happened)
HAPPENING_NOUN_CLASSES = frozenset(
    {
        "crash",
        "earthquake",
        "explosion",
        "fire",
        "storm",
        "embankment",
        "escape",
        "kidnapping",
        "outage",
        "crush",
        "leak",
    }
)
GENERIC_EVENT_NOUNS = frozenset(
    {"disaster", "tragedy", "incident", "accident", "catastrophe", "emergency", "ordeal"}
)
# Acts a group claims ("claimed the attack" = "claimed responsibility for the attack").
CLAIMED_ACTS = frozenset(
    {
        "attack",
        "bombing",
        "blast",
        "explosion",
        "shooting",
        "killing",
        "kidnapping",
        "hack",
        "breach",
        "assassination",
        "raid",
        "strike",
        "abduction",
        "cyberattack",
        "ambush",
    }
)
# Verbs that only say a happening happened: "the breach occurred at X" is "the breach at X".
HAPPEN_PREDICATES = frozenset({"take place", "happen", "occur", "come", "unfold"})
# Predicates whose place is where the act ended, for place questions only: "diverted to X"
# says where the flight landed (its time is a different question, so dates keep the verb).
PLACE_PREDICATE_CLASSES = {
    "divert": "arrive",
    "reroute": "arrive",
    "redirect": "arrive",
    # "the fault was traced to X" says where it began
    "trace": "start",
}
