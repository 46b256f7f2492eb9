"""A small partnership whose figures for 2025 have been counted by hand:
each record's comment says whether it counts, and why. The expected
figures are in EXPECTED; tests compare the computed report with them."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from champions.models import Status, StatusChange
from directory.models import AccessPointPage, Area, ServiceType
from impact import periods
from tests.factories.champions import ActivityFactory, ChampionFactory
from tests.factories.directory import (
    AccessPointPageFactory,
    DirectoryIndexPageFactory,
    OrganisationPageFactory,
)
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.impact import ImpactPageFactory
from tests.factories.referrals import ReferralFactory
from tests.factories.training import BookingFactory, CoursePageFactory, SessionFactory
from website.models import HomePage

YEAR_2025 = periods.between(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))


def moment(year, month, day, hour=10, minute=0):
    """A local (Europe/London) moment."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


@pytest.fixture
def impact_page(demo_site):
    return ImpactPageFactory(parent=HomePage.objects.get())


@pytest.fixture
def organisation(demo_site):
    index = DirectoryIndexPageFactory(parent=HomePage.objects.get())
    return OrganisationPageFactory(parent=index, title="Chorley Digital")


@pytest.fixture
def counted_places(organisation):
    borough = Area.objects.create(name="Borough", slug="borough")
    ward = Area.objects.create(name="Ward", slug="ward", kind="ward", parent=borough)
    wifi = ServiceType.objects.create(name="Wifi", slug="wifi")
    devices = ServiceType.objects.create(name="Devices", slug="devices")

    def place(title, area=None, services=(), published=None, **fields):
        page = AccessPointPageFactory(parent=organisation, title=title, area=area, **fields)
        page.services.set(services)
        page.save()  # modelcluster keeps many-to-many values until the page is saved
        AccessPointPage.objects.filter(pk=page.pk).update(
            first_published_at=published or moment(2024, 6, 1)
        )
        return page

    places = {
        "one": place("One", ward, [wifi, devices]),  # counts: Ward, Borough; wifi, devices
        "two": place("Two", ward, [wifi]),  # counts: Ward, Borough; wifi
        "three": place("Three", None, [devices]),  # counts: no area; devices
        # Not counted: stopped showing before 2025.
        "gone": place("Gone", ward, [wifi], show_until=datetime.date(2024, 6, 30)),
        # Not counted: first published after 2025.
        "later": place("Later", ward, [wifi], published=moment(2026, 2, 1)),
    }
    draft = place("Draft", ward, [wifi])  # Not counted: not live.
    draft.unpublish()
    return places


@pytest.fixture
def counted_learning(organisation):
    one = CoursePageFactory(parent=organisation, title="Course one")
    two = CoursePageFactory(parent=organisation, title="Course two")
    draft = CoursePageFactory(parent=organisation, title="Draft course")
    draft.unpublish()
    first = SessionFactory(page=one, start=moment(2025, 3, 1), capacity=10)  # counts
    second = SessionFactory(page=one, start=moment(2025, 3, 8), capacity=10)  # counts
    outside = SessionFactory(page=one, start=moment(2026, 1, 5), capacity=8)  # after
    last_night = SessionFactory(page=two, start=moment(2025, 12, 31, 23, 30), capacity=6)
    SessionFactory(page=two, start=moment(2024, 12, 31, 23, 30), capacity=6)  # before
    SessionFactory(page=draft, start=moment(2025, 5, 1), capacity=12)  # draft course
    for _ in range(3):
        BookingFactory(session=first, attended=True)  # booked, attended
    BookingFactory(session=first)  # booked, did not come
    BookingFactory(session=first, status="waiting")  # not booked
    BookingFactory(session=first, status="cancelled")  # not booked
    for _ in range(2):
        BookingFactory(session=second, attended=True, completed=True)
    BookingFactory(session=last_night)  # booked
    for _ in range(2):
        BookingFactory(session=outside, attended=True, completed=True)  # after 2025


@pytest.fixture
def counted_events(demo_site):
    index = EventIndexPageFactory(parent=HomePage.objects.get())
    held = EventPageFactory(parent=index, start=moment(2025, 4, 1), capacity=20)  # counts
    EventPageFactory(parent=index, start=moment(2025, 6, 1), capacity=None)  # counts, no booking
    EventPageFactory(parent=index, start=moment(2025, 7, 1), capacity=5, cancelled=True)
    after = EventPageFactory(parent=index, start=moment(2026, 2, 1), capacity=10)
    for _ in range(3):
        BookingFactory(session=held.booking_session, attended=True)  # booked, came
    BookingFactory(session=held.booking_session)  # booked, did not come
    BookingFactory(session=held.booking_session, status="waiting")  # not booked
    BookingFactory(session=after.booking_session, attended=True)  # after 2025


@pytest.fixture
def counted_champions(demo_site):
    first = ChampionFactory(created_at=moment(2025, 2, 1))  # signed up in 2025
    second = ChampionFactory(created_at=moment(2025, 6, 1))  # signed up in 2025
    third = ChampionFactory(created_at=moment(2024, 11, 1))  # signed up before
    trained = Status.TRAINED
    for champion, when in (
        (first, moment(2025, 4, 1)),  # trained in 2025
        (first, moment(2025, 5, 1)),  # again: still one champion
        (third, moment(2025, 3, 1)),  # trained in 2025
        (second, moment(2026, 1, 10)),  # trained after
    ):
        StatusChange.objects.create(champion=champion, to_status=trained, changed_at=when)
    ActivityFactory(champion=first, date=datetime.date(2025, 5, 1), hours=2, people_helped=3)
    ActivityFactory(
        champion=first, date=datetime.date(2025, 6, 1), hours=Decimal("1.5"), people_helped=2
    )
    ActivityFactory(champion=third, date=datetime.date(2025, 12, 31), hours=1, people_helped=1)
    ActivityFactory(champion=second, date=datetime.date(2026, 1, 1), hours=5, people_helped=9)


@pytest.fixture
def counted_referrals(demo_site):
    ReferralFactory(  # received, contacted after 2 days, closed: got online
        created_at=moment(2025, 1, 10),
        referrer_kind="jobcentre",
        barriers=["no_device", "low_skills"],
        contacted_at=moment(2025, 1, 12),
        closed_at=moment(2025, 2, 1),
        outcome="got_online",
    )
    ReferralFactory(  # received, contacted after 5 days, closed: got online
        created_at=moment(2025, 2, 10),
        referrer_kind="council",
        barriers=["no_device"],
        contacted_at=moment(2025, 2, 15),
        closed_at=moment(2025, 3, 1),
        outcome="got_online",
    )
    ReferralFactory(  # received, self-referral, not contacted yet
        created_at=moment(2025, 7, 1), mode="self", barriers=["no_internet"]
    )
    ReferralFactory(  # received, kind not given, contacted after a day, closed in 2026
        created_at=moment(2025, 11, 1),
        referrer_kind="",
        barriers=["no_device", "no_device"],
        contacted_at=moment(2025, 11, 2),
        closed_at=moment(2026, 1, 2),
        outcome="declined",
    )
    ReferralFactory(  # received before 2025, closed in it: device provided
        created_at=moment(2024, 12, 31, 23, 0),
        barriers=["no_device"],
        closed_at=moment(2025, 1, 15),
        outcome="device_provided",
    )
    ReferralFactory(  # received before 2025, closed in it with no outcome recorded
        created_at=moment(2024, 6, 1), closed_at=moment(2025, 7, 1), outcome=""
    )


@pytest.fixture
def counted(counted_places, counted_learning, counted_events, counted_champions, counted_referrals):
    return YEAR_2025


EXPECTED = {
    "access-points-by-area": [("Ward, Borough", 2), ("No area given", 1)],
    "access-points-by-service": [("Devices", 2), ("Wifi", 2)],
    "learning": [
        ("Courses running", 2),
        ("Sessions", 3),
        ("Learning opportunities (session places)", 26),
        ("Target for the period", 2000),
        ("Places booked", 7),
        ("Attendances", 5),
        ("Completions", 2),
    ],
    "events": [
        ("Events held", 2),
        ("Events taking bookings", 1),
        ("Places booked", 4),
        ("People who came", 3),
    ],
    "champions": [
        ("Signed up", 2),
        ("Trained", 2),
        ("Active (helped residents)", 2),
        ("Residents helped", 6),
        ("Hours given", Decimal("4.5")),
    ],
    "referrals": [
        ("Referrals received", 4),
        ("Contacted by a partner", 3),
        ("Median days to first contact", 2.0),
    ],
}
