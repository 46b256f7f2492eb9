"""Moving champions along the pipeline, by hand and by completing champion
training."""

import datetime

import pytest
from django.utils import timezone

from champions.models import StatusChange
from champions.pipeline import change_status
from tests.factories import ChampionFactory
from tests.factories.training import CoursePageFactory, SessionFactory
from training.models import Booking
from training.signals import course_completed


@pytest.mark.django_db
def test_each_change_is_recorded_with_who_and_when(cast):
    champion = ChampionFactory()
    when = timezone.now() - datetime.timedelta(days=2)
    change = change_status(champion, "contacted", by=cast.coordinator, when=when)
    assert (change.from_status, change.to_status, change.changed_by) == (
        "applied",
        "contacted",
        cast.coordinator,
    )
    assert change.changed_at == when and champion.status_changed_at == when
    assert change.who == "coordinator"
    assert change_status(champion, "contacted", by=cast.coordinator) is None
    change_status(champion, "trained")
    champion.refresh_from_db()
    assert champion.trained_on == timezone.localdate()
    assert [c.to_status for c in champion.status_changes.all()] == ["contacted", "trained"]


@pytest.fixture
def champion_course(cast):
    course = CoursePageFactory(parent=cast.host_a, title="Digital champion training")
    course.is_champion_training = True
    course.save_revision().publish()
    start = timezone.now() - datetime.timedelta(days=3)
    return SessionFactory(page=course, start=start, end=start + datetime.timedelta(hours=3))


def complete(session, email):
    booking = Booking.objects.create(
        session=session,
        name="Someone",
        email=email,
        contact_key=email.lower(),
        consent_text="I agree.",
        status=Booking.Status.CONFIRMED,
        attended=True,
        completed=True,
    )
    course_completed.send(sender=Booking, booking=booking)


@pytest.mark.django_db
def test_completing_champion_training_moves_the_champion_to_trained(cast, champion_course):
    champion = ChampionFactory(email="trainee@example.org", status="training_booked")
    complete(champion_course, "Trainee@Example.org")
    champion.refresh_from_db()
    assert champion.status == "trained"
    assert champion.trained_on == timezone.localdate(champion_course.start)
    change = champion.status_changes.get()
    assert change.source == StatusChange.Source.COURSE and change.changed_by is None
    assert change.who == "the system"


@pytest.mark.django_db
def test_an_active_champion_keeps_their_status_and_gains_the_date(cast, champion_course):
    champion = ChampionFactory(email="veteran@example.org", status="active")
    complete(champion_course, "veteran@example.org")
    champion.refresh_from_db()
    assert champion.status == "active" and champion.trained_on is not None
    assert not champion.status_changes.exists()


@pytest.mark.django_db
def test_other_courses_and_strangers_change_nothing(cast, champion_course):
    champion = ChampionFactory(email="learner@example.org", status="contacted")
    other = CoursePageFactory(parent=cast.host_a, title="Email for beginners")
    complete(SessionFactory(page=other), "learner@example.org")
    complete(champion_course, "nobody@example.org")
    champion.refresh_from_db()
    assert champion.status == "contacted" and champion.trained_on is None
    assert not StatusChange.objects.exists()


@pytest.mark.django_db
def test_provider_ticking_completed_in_the_register_trains_the_champion(
    client, cast, champion_course
):
    """The whole way: the host's staff tick "completed" in the course
    session's register, and the champion with that email becomes trained."""
    from tests.factories.training import BookingFactory

    champion = ChampionFactory(email="trainee@example.org", status="training_booked")
    booking = BookingFactory(session=champion_course, email="trainee@example.org")
    client.force_login(cast.staff_a)
    client.post(
        f"/admin/training/sessions/{champion_course.pk}/register/",
        {f"attended-{booking.pk}": "on", f"completed-{booking.pk}": "on"},
    )
    champion.refresh_from_db()
    assert champion.status == "trained"
    change = champion.status_changes.get()
    assert (change.source, change.changed_by) == (StatusChange.Source.COURSE, cast.staff_a)
