"""Loading routing's inputs from the database: the rules (coordinators'
or the defaults), and places in a fixed number of queries."""

from directory.models import Postcode, ServiceType
from referrals import candidates, routing
from referrals.models import RoutingRule
from referrals.rules import DEFAULT_RULES, install_default_rules
from tests.referrals.conftest import CHORLEY, LEYLAND, add_place

PRESTON = ("PR1 1AA", 53.7590, -2.7000)

NEAR_CHORLEY = routing.Needs(
    goals=frozenset({"shopping"}), latitude=CHORLEY[1], longitude=CHORLEY[2]
)


def test_rules_are_the_defaults_until_coordinators_have_their_own(directory):
    assert {rule.trigger for rule in candidates.load_rules()} == set(DEFAULT_RULES)

    install_default_rules()
    rule = RoutingRule.objects.get(trigger="no_device")
    rule.services.set(ServiceType.objects.filter(slug="printing"))
    assert install_default_rules() == 0

    loaded = {rule.trigger: rule for rule in candidates.load_rules()}
    assert loaded["no_device"].services == frozenset({"printing"})


def test_places_load_in_a_fixed_number_of_queries(
    partner_a, partner_b, django_assert_max_num_queries
):
    for number in range(6):
        add_place(
            partner_a if number % 2 else partner_b,
            f"Place {number}",
            postcode=LEYLAND,
            services=["drop-in"],
            access=["step-free"],
        )

    with django_assert_max_num_queries(8):
        places = candidates.load_places(NEAR_CHORLEY)

    assert len(places) == 6
    assert {place.organisation for place in places} == {"Partner A", "Partner B"}
    assert places[0].services == {"drop-in": "Drop-in help"}
    assert places[0].accessibility == {"step-free": "Step-free access"}
    assert places[0].hours


def test_closed_and_far_away_places_are_not_candidates(partner_a):
    add_place(partner_a, "Closed", temporarily_closed=True)
    add_place(partner_a, "Far", postcode=("EH1 1AA", 55.95, -3.19))
    add_place(partner_a, "Open")

    assert [place.title for place in candidates.load_places(NEAR_CHORLEY)] == ["Open"]


def varied_places(partner_a):
    """Places that differ in every way the database narrows by."""
    import datetime

    from directory.models import Language, OpeningHours

    evening = add_place(partner_a, "Evening hub", services=["drop-in"], access=["step-free"])
    evening.opening_hours = [
        OpeningHours(weekday=5, opens=datetime.time(17), closes=datetime.time(20))
    ]
    evening.save()
    appointments = add_place(partner_a, "By appointment", services=["one-to-one"])
    appointments.opening_hours = [OpeningHours(weekday=5, by_appointment=True)]
    appointments.save()
    polish = add_place(partner_a, "Polish club", postcode=LEYLAND, services=["drop-in"])
    polish.languages.set(Language.objects.filter(slug="polish"))
    polish.save()
    add_place(partner_a, "Printing only", services=["printing"], access=["step-free"])
    add_place(partner_a, "Leyland step-free", postcode=LEYLAND, access=["step-free"])
    # Sundays: afternoons nearby, evenings only 8 miles away in Preston.
    sunday_afternoons = add_place(partner_a, "Sunday afternoons", services=["drop-in"])
    sunday_afternoons.opening_hours = [
        OpeningHours(weekday=6, opens=datetime.time(13), closes=datetime.time(16))
    ]
    sunday_afternoons.save()
    Postcode.objects.update_or_create(
        postcode=PRESTON[0],
        defaults={"district": "PR1", "latitude": PRESTON[1], "longitude": PRESTON[2]},
    )
    sunday_evenings = add_place(
        partner_a, "Preston Sunday evenings", postcode=PRESTON, services=["drop-in"]
    )
    sunday_evenings.opening_hours = [
        OpeningHours(weekday=6, opens=datetime.time(18), closes=datetime.time(20))
    ]
    sunday_evenings.save()


NEEDS_CASES = [
    routing.Needs(accessibility={"step-free": "Step-free access"}),
    routing.Needs(days=frozenset({5})),
    routing.Needs(days=frozenset({5}), times=frozenset({"evening"})),
    routing.Needs(times=frozenset({"morning"})),
    routing.Needs(times=frozenset({"afternoon"}), days=frozenset({1, 3})),
    routing.Needs(language="polish", language_name="Polish"),
    routing.Needs(language="urdu", language_name="Urdu"),
    routing.Needs(barriers=frozenset({"low_skills"})),
    routing.Needs(days=frozenset({6}), times=frozenset({"evening"})),
    routing.Needs(days=frozenset({6}), times=frozenset({"morning"})),
]


def test_the_database_narrows_places_exactly_as_routing_would(partner_a):
    """Whatever the database leaves out, routing would have turned down:
    the places routing chooses from are the same either way."""
    varied_places(partner_a)
    rules = candidates.load_rules()
    everything = candidates.load_places(routing.Needs())  # not located: not narrowed
    assert len(everything) == 7
    for case in NEEDS_CASES:
        needs = routing.Needs(**{**case.__dict__, **LOCATED})
        services, _ = routing.wanted(needs, rules)
        narrowed = candidates.load_places(needs, services=services)
        fits = [place for place in everything if routing.place_fits(place, needs, services)]
        _, expected, _ = routing.nearest_suitable(
            fits, needs, lambda p: (p.latitude, p.longitude), lambda p: p.languages
        )
        _, chosen, _ = routing.nearest_suitable(
            [place for place in narrowed if routing.place_fits(place, needs, services)],
            needs,
            lambda p: (p.latitude, p.longitude),
            lambda p: p.languages,
        )
        assert {p.title for p in chosen} == {p.title for p in expected}, case
        assert len(narrowed) <= len(everything)


LOCATED = {"latitude": CHORLEY[1], "longitude": CHORLEY[2]}


def test_matched_places_and_courses_get_their_address_and_link(lender):
    from tests.factories.training import CoursePageFactory, SessionFactory

    course = CoursePageFactory(parent=lender.get_parent(), title="First steps", level="first_steps")
    SessionFactory(page=course, venue=lender)

    result = candidates.route_needs(
        routing.Needs(barriers=frozenset({"no_device", "low_skills"}), **LOCATED)
    )

    assert result.places[0].title == "Chorley Device Library"
    assert result.places[0].url == lender.url
    assert result.places[0].address == ["1 Market Street", "Chorley", "PR7 1DP"]
    assert [match.url for match in result.courses] == [course.url]


def test_a_language_preference_keeps_the_chosen_place_and_a_lender(partner_a):
    """Places that speak the resident's language are preferred, but not at
    the cost of the place the referrer chose or of a device for someone
    without one: both are loaded and offered from anywhere within reach."""
    from directory.models import Language

    urdu_speakers = add_place(partner_a, "Urdu speakers", services=["public-computers"])
    urdu_speakers.languages.set(Language.objects.filter(slug="urdu"))
    urdu_speakers.save()
    chosen = add_place(partner_a, "Chosen", postcode=LEYLAND, services=["drop-in"])
    add_place(
        partner_a,
        "Lender",
        postcode=LEYLAND,
        services=["device-loans"],
        lends_devices=True,
        devices_in_stock=2,
    )
    needs = routing.Needs(
        barriers=frozenset({"no_device"}),
        language="urdu",
        language_name="Urdu",
        requested_place_id=chosen.pk,
        **LOCATED,
    )

    result = candidates.route_needs(needs)

    assert [place.title for place in result.places] == ["Chosen", "Lender", "Urdu speakers"]
    assert "Lender lends devices and has 2 ready now" in result.notes[0]
