"""Where things happened: place claims and place conflicts (no database).

Every text is invented for these tests; no place here is real, so the rules cannot lean on
what the model happens to know about a famous city.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claims.nlp.align import compatible
from claims.nlp.pipeline import get_nlp
from claims.nlp.types import ClaimKind
from tests.test_nlp_rules import claims, conflicts

FRI = dt.date(2026, 7, 10)


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def places(nlp, text: str) -> list[tuple[str, str]]:
    return [(c.display, c.key) for c in claims(nlp, text, FRI, ClaimKind.PLACE)]


@pytest.mark.parametrize(
    "text,place,key",
    [
        # an unknown name after "near"/"at" is a place even when the model calls it a person
        (
            "The storm came ashore near the farming village of Brellick Cove.",
            "Brellick Cove",
            "place|strike|storm|at",
        ),
        ("The old levee gave way at Oskerby before dawn.", "Oskerby", "place|collapse|levee|at"),
        # the place hangs off the verb's subject, or off a happening noun
        (
            "The levee at Harrowfen, south of the city, gave way overnight.",
            "Harrowfen",
            "place|collapse|levee|at",
        ),
        (
            "The swap of 80 captives took place at the Velt river crossing.",
            "Velt river crossing",
            "place|hold|exchange|at",
        ),
        # "made an emergency landing at X" and "diverted to Y" both say where it landed
        (
            "The airliner made an emergency landing at Drummond Field Airport.",
            "Drummond Field Airport",
            "place|arrive|airliner|at",
        ),
        ("The airliner diverted to Pellam Airport.", "Pellam Airport", "place|arrive|airliner|at"),
        # a way through is not where it ended
        (
            "The convoy crossed into Ostrava through Kelp Pass.",
            "Kelp Pass",
            "place|cross|convoy|via",
        ),
        # "the village of X" names a place even when the model calls X an organisation
        (
            "Floodwater had cut the valley road near the farming village of Orskeld by noon.",
            "Orskeld",
            "place|cut|@floodwater|at",
        ),
        # road features are sites; a barrier or a verge is passed on the way to the place
        (
            "The van overturned at the Pardew roundabout shortly after 8am.",
            "Pardew roundabout",
            "place|overturn|van|at",
        ),
        ("The car left the road at Harle bend.", "Harle bend", "place|leave|car|at"),
        (
            "The lorry ploughed through a crash barrier near Hennick and overturned.",
            "Hennick",
            "place|plough|lorry|via",
        ),
        # "the court in X" names X whatever label the model gave it; a time of day in
        # between does not hide the verb; "on" a slope or a descent is a place
        (
            "Vantor Mining filed at the district court in Hemsby.",
            "Hemsby",
            "place|file|@vantor mining|at",
        ),
        (
            "The handover of the prisoners took place earlier in the day at Dorrin airport.",
            "Dorrin airport",
            "place|hold|exchange|at",
        ),
        (
            "The fire began at a campground on the shore of Lake Tavey.",
            "Lake Tavey",
            "place|start|fire|at",
        ),
        ("The fire began on the slopes of Mount Arrel.", "Mount Arrel", "place|start|fire|at"),
        (
            "The rider crashed on the descent of the Col de Varre.",
            "the Col de Varre",
            "place|crash|rider|at",
        ),
        # a name and the site noun it modifies are one site; "traced to X" is where it began
        (
            "The fault began at the Dunwold substation on Tuesday.",
            "Dunwold substation",
            "place|start|fault|at",
        ),
        (
            "The outbreak was traced to a cooling tower at the Harrin depot.",
            "Harrin depot",
            "place|start|outbreak|at",
        ),
        # a barn or a caravan is a site someone is found at, near the town named
        (
            "Ivo Marr was found hiding in a barn near the village of Tolsey.",
            "Tolsey",
            "place|find|@ivo marr|at",
        ),
    ],
)
def test_where_it_happened(nlp, text, place, key):
    found = places(nlp, text)
    assert (place, key) in found, found


def test_a_happening_that_names_an_act_asks_what_the_verb_asks(nlp):
    """ "the breach occurred at X" asks where it gave way, whoever gave way."""
    assert ("Oskerby", "place|collapse||at") in places(nlp, "The breach occurred at Oskerby.")


@pytest.mark.parametrize(
    "text",
    [
        # a ranking's scope, another happening, a past year
        "It was the deadliest flood in Tarvenia for a decade.",
        "A flood near the town of Mellick killed nine people in 2011.",
        "The last cyclone to strike the Dunmere coast, Orla in 2014, cost billions.",
    ],
)
def test_scopes_and_other_happenings_are_not_this_place(nlp, text):
    keys = [key for _, key in places(nlp, text)]
    assert all(k.count("|") > 3 for k in keys), keys  # none in the story's own slot


def test_an_aim_at_a_person_does_not_make_the_person_a_place(nlp):
    assert places(nlp, "The senator lashed out at Corrin Vale on Friday.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The board voted on the merger of Tavey Group and Orrin Holdings on Monday.",
        "Analysts at Pellam Capital cut their forecast in the morning.",
    ],
)
def test_on_a_deal_or_at_a_firm_is_no_place(nlp, text):
    assert places(nlp, text) == []


def place(name: str, label: str = "GPE", within: list[str] | None = None) -> dict:
    return {"place": name, "label": label, "within": within or []}


@pytest.mark.parametrize(
    "a,b,same",
    [
        (place("Oskerby"), place("Harrowfen"), False),  # two towns
        (place("Pellam Airport", "FAC"), place("Drummond Field Airport", "FAC"), False),
        (place("Pellam Airport", "FAC"), place("Pellam"), True),  # one name holds the other
        (place("the Lantern Square", "FAC"), place("Dunmere"), True),  # a site may be in a town
        (place("the Quay Hotel", "FAC", ["Orvik"]), place("Dunmere"), False),  # in another town
        (place("the Quay Hotel", "FAC", ["Orvik"]), place("Orvik"), True),
        (place("Oskerby", within=["Harrow province"]), place("Harrow province"), True),
        (place("Oskerby"), place("Tarvenia province"), True),  # an area may hold a town
        (place("Oskerby"), place("France"), True),  # so may a country
        (place("France"), place("Spain"), False),  # two countries clash
    ],
)
def test_which_places_can_both_be_true(a, b, same):
    assert compatible(ClaimKind.PLACE, a, b) is same
    assert compatible(ClaimKind.PLACE, b, a) is same


def test_outlets_placing_one_landfall_in_two_towns_conflict(nlp):
    found = conflicts(
        nlp,
        ("Wire", FRI, "Storm Ilsa made landfall on Thursday near the village of Brellick Cove."),
        ("Daily", FRI, "The storm came ashore late on Thursday near Tolland Bay, officials said."),
    )
    places_found = [c for c in found if c.kind == ClaimKind.PLACE]
    assert len(places_found) == 1
    assert {ec.claim.display for ec in places_found[0].claims} == {"Brellick Cove", "Tolland Bay"}


def test_a_site_and_the_town_around_it_do_not_conflict(nlp):
    found = conflicts(
        nlp,
        ("Wire", FRI, "The ceremony will take place on Sunday in Lantern Square."),
        ("Daily", FRI, "The ceremony will be held on Sunday in Dunmere."),
    )
    assert [c for c in found if c.kind == ClaimKind.PLACE] == []


def test_where_a_thing_was_set_up_is_asked_of_the_thing(nlp):
    """ "the council opened a shelter at X" / "a shelter was set up at Y": the shelter."""
    found = conflicts(
        nlp,
        ("Wire", FRI, "The council opened an emergency shelter at Brennick Hall."),
        ("Daily", FRI, "An emergency shelter was set up at the Orrin Street Church on Friday."),
    )
    places_found = [c for c in found if c.kind == ClaimKind.PLACE]
    assert len(places_found) == 1


def test_two_different_centres_are_two_questions(nlp):
    """A rescue centre and a command centre: the noun's modifiers say which centre."""
    assert places(nlp, "Officials set up a joint command centre in Parvo.") == [
        ("Parvo", "place|open|command centre|at")
    ]
    assert places(nlp, "Volunteers staffed a wildlife rescue centre set up in Tolmere.") == [
        ("Tolmere", "place|open|wildlife rescue centre|at")
    ]


def test_a_site_outside_a_town_clashes_with_another_site(nlp):
    found = conflicts(
        nlp,
        ("Wire", FRI, "The swap took place at a military airbase outside Dremmel."),
        ("Daily", FRI, "The swap took place at Korvath International Airport."),
    )
    assert len([c for c in found if c.kind == ClaimKind.PLACE]) == 1


def test_one_site_written_with_more_or_fewer_words_is_one_place():
    a = place("Kellerby military airfield", "GPE")
    b = place("Kellerby airfield", "GPE")
    assert compatible(ClaimKind.PLACE, a, b)
    assert compatible(ClaimKind.PLACE, place("Kellerby airfield", "GPE"), place("Dravik"))


def test_a_journey_with_several_stops_is_not_a_place_conflict(nlp):
    found = conflicts(
        nlp,
        (
            "Wire",
            FRI,
            "The envoy arrived in Dremmel on Monday. "
            "The envoy arrived in the town of Orvik on Wednesday.",
        ),
        ("Daily", FRI, "The envoy arrived in Harrowfen on Tuesday, officials said."),
    )
    assert [c for c in found if c.kind == ClaimKind.PLACE] == []


def test_a_plural_common_noun_opening_a_sentence_is_not_a_name(nlp):
    doc = nlp("Kidnappers holding six engineers have made a demand.")
    assert "Kidnappers" not in [e.text for e in doc.ents]


def test_a_name_opening_a_sentence_is_recovered_when_the_article_names_it_elsewhere(nlp):
    doc = nlp(
        "Harold Tolliver ran the fund for a decade. Tolliver was convicted on 21 May. "
        "Police have not named the juror."
    )
    names = [(e.text, e.label_) for e in doc.ents]
    assert ("Tolliver", "PERSON") in names
    assert "Police" not in [text for text, _ in names]
