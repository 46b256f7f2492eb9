"""Each area's reach: the nearest access point from its centre (overall and
for each service type), and the referrals, bookings and champions whose
postcodes lie inside it; kept up to date when a place changes."""

from io import StringIO

import pytest
from django.core.management import call_command

from directory.models import ServiceType
from neighbourhoods import reach
from neighbourhoods.models import AreaReach
from tests.factories.champions import ChampionFactory
from tests.factories.referrals import ReferralFactory
from tests.factories.training import BookingFactory, CoursePageFactory, SessionFactory
from tests.neighbourhoods.conftest import postcode_at

pytestmark = pytest.mark.django_db


def reach_of(code):
    return AreaReach.objects.select_related("nearest_place").get(area__code=code)


def test_the_nearest_place_is_measured_from_each_area_centre(squares, places):
    library, print_shop = places
    reach.refresh()

    first, second, third = (reach_of(f"E0100000{n}") for n in (1, 2, 3))
    assert (first.nearest_place, first.nearest_metres) == (library, pytest.approx(0, abs=5))
    assert (second.nearest_place, second.nearest_metres) == (library, pytest.approx(1000, abs=5))
    assert (third.nearest_place, third.nearest_metres) == (print_shop, pytest.approx(300, abs=5))


def test_the_nearest_place_offering_each_service_is_kept_too(squares, places):
    library, print_shop = places
    reach.refresh()

    wifi = ServiceType.objects.get(slug="free-wifi").pk
    printing = ServiceType.objects.get(slug="printing").pk
    by_service = reach_of("E01000001").services_nearest()
    assert by_service[wifi] == (library.pk, pytest.approx(0, abs=5))
    assert by_service[printing] == (print_shop.pk, pytest.approx(2300, abs=5))


def test_people_are_counted_in_the_area_their_postcode_lies_in(squares, places):
    library, _ = places
    for barriers in (["no_device"], ["no_device", "low_skills"], ["no_internet"]):
        ReferralFactory(postcode="PR7 1AA", barriers=barriers)
    ReferralFactory(postcode="pr72aa", barriers=["no_device"])  # typed loosely
    ReferralFactory(postcode="PR9 9ZZ")  # not in the postcode table: not placed
    ChampionFactory(postcode="PR7 2AA")
    course = CoursePageFactory(parent=library.get_parent())
    session = SessionFactory(page=course, venue=library)
    BookingFactory(session=session)
    BookingFactory(session=session, status="cancelled")

    reach.refresh()

    first, second, third = (reach_of(f"E0100000{n}") for n in (1, 2, 3))
    assert (first.referrals, first.bookings, first.champions) == (3, 1, 0)
    assert first.barriers == {"low_skills": 1, "no_device": 2, "no_internet": 1}
    assert (second.referrals, second.bookings, second.champions) == (1, 0, 1)
    assert (third.referrals, third.bookings, third.champions) == (0, 0, 0)


def test_a_withdrawn_place_moves_the_nearest_once_the_change_is_committed(
    squares, places, django_capture_on_commit_callbacks
):
    library, print_shop = places
    reach.refresh()

    with django_capture_on_commit_callbacks(execute=True):
        print_shop.unpublish()

    third = reach_of("E01000003")
    assert (third.nearest_place, third.nearest_metres) == (library, pytest.approx(2000, abs=5))


def test_a_new_place_becomes_the_nearest_where_it_is_nearer(
    squares, places, make_place, django_capture_on_commit_callbacks
):
    reach.refresh()
    with django_capture_on_commit_callbacks(execute=True):
        centre = postcode_at("PR7 4AA", 1)
        hub = make_place("Community hub", postcode=centre)

    second = reach_of("E01000002")
    assert (second.nearest_place, second.nearest_metres) == (hub, pytest.approx(0, abs=5))
    assert reach_of("E01000001").nearest_place == places[0]


def test_a_new_place_leaves_the_counts_of_people_as_they_were(
    squares, places, make_place, django_capture_on_commit_callbacks
):
    ReferralFactory(postcode="PR7 2AA", barriers=["no_device"])
    reach.refresh()
    with django_capture_on_commit_callbacks(execute=True):
        make_place("Community hub", postcode=postcode_at("PR7 4AA", 1))

    second = reach_of("E01000002")
    assert second.nearest_place.title == "Community hub"
    assert (second.referrals, second.barriers) == (1, {"no_device": 1})


def test_many_changes_in_one_transaction_work_the_nearest_out_once(
    squares, places, django_capture_on_commit_callbacks, monkeypatch
):
    reach.refresh()
    runs = []
    monkeypatch.setattr(reach, "refresh_nearest", runs.append)
    with django_capture_on_commit_callbacks(execute=True):
        for place in places:
            place.save_revision().publish()
    assert runs == [{place.pk for place in places}]


def test_working_out_the_nearest_again_writes_only_what_changed(squares, places):
    reach.refresh()
    assert reach.refresh_nearest() == 0


def test_the_daily_command_works_out_every_area(squares, places):
    out = StringIO()
    call_command("refresh_reach", stdout=out)
    assert "Reach worked out for 3 areas" in out.getvalue()
    assert AreaReach.objects.count() == 3


def test_a_place_that_stops_offering_a_service_is_no_longer_its_nearest(
    squares, places, django_capture_on_commit_callbacks
):
    library, print_shop = places
    reach.refresh()
    printing = ServiceType.objects.get(slug="printing").pk

    with django_capture_on_commit_callbacks(execute=True):
        print_shop.services = list(ServiceType.objects.filter(slug="free-wifi"))
        print_shop.save_revision().publish()

    by_service = reach_of("E01000003").services_nearest()
    assert printing not in by_service
    wifi = ServiceType.objects.get(slug="free-wifi").pk
    assert by_service[wifi] == (print_shop.pk, pytest.approx(300, abs=5))
    # The same as working everything out again.
    before = list(AreaReach.objects.order_by("pk").values_list("nearest_by_service", flat=True))
    reach.refresh()
    after = list(AreaReach.objects.order_by("pk").values_list("nearest_by_service", flat=True))
    assert after == before
