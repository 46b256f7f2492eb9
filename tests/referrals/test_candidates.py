"""Loading routing's inputs from the database: the rules (coordinators'
or the defaults), and places in a fixed number of queries."""

from directory.models import RoutingRule, ServiceType
from directory.referrals import candidates, routing
from directory.referrals.rules import DEFAULT_RULES, install_default_rules
from tests.referrals.conftest import CHORLEY, LEYLAND, add_place

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
