"""The demo's past: sessions each demo course ran over the last fifteen
months, with their registers filled in (who booked, who attended, who
completed), so that the providers' registers and the impact dashboard
have a history to show. Used by demo.py; its own random sequence, so the
rest of the demo comes out as it did before there was a past."""

import datetime
import random

from django.utils import timezone

from training.models import Booking, Session

SEED = 7
MONTHS_BACK = 15
STARTS = [datetime.time(10, 0), datetime.time(13, 30), datetime.time(18, 0)]
ATTENDED_SHARE = 0.8
COMPLETED_SHARE = 0.75  # of those who came to a run's last session


def past_rng():
    return random.Random(SEED)  # noqa: S311 (demo data, not security)


def past_sessions(rng, today, venues):
    """One to three past runs of one to four weekly sessions, each run
    starting between fifteen months and two weeks ago."""
    result = []
    for _run in range(rng.randint(1, 3)):
        weeks = rng.randint(1, 4)
        first = today - datetime.timedelta(days=rng.randint(7 * weeks + 14, 30 * MONTHS_BACK))
        start_time = rng.choice(STARTS)
        venue = rng.choice(venues) if venues else None
        capacity = rng.choice([6, 8, 10, 12])
        for week in range(weeks):
            start = timezone.make_aware(
                datetime.datetime.combine(first + datetime.timedelta(weeks=week), start_time)
            )
            result.append(
                Session(
                    start=start,
                    end=start + datetime.timedelta(hours=2),
                    venue=venue,
                    capacity=capacity,
                )
            )
    return result


def last_of_runs(sessions):
    """The sessions that end a run: no session of the same course follows
    within eight days (a run's sessions are a week apart)."""
    last = set()
    by_course = {}
    for session in sessions:
        by_course.setdefault(session.page_id, []).append(session)
    for course_sessions in by_course.values():
        for session, following in zip(course_sessions, [*course_sessions[1:], None], strict=True):
            if following is None or following.start - session.start > datetime.timedelta(days=8):
                last.add(session.pk)
    return last


def fill_registers(rng):
    """Bookings on every past session, ticked as the provider would: most
    came, and most who came to a run's last session completed it. Returns
    how many bookings were added."""
    from tests.factories.training import BookingFactory

    count = 0
    past = list(Session.objects.filter(start__lt=timezone.now()).order_by("start", "pk"))
    last = last_of_runs(past)
    for session in past:
        for _place in range(rng.randint(session.capacity // 2, session.capacity)):
            attended = rng.random() < ATTENDED_SHARE
            BookingFactory(
                session=session,
                status=Booking.Status.CONFIRMED,
                attended=attended,
                completed=session.pk in last and attended and rng.random() < COMPLETED_SHARE,
                created_at=session.start - datetime.timedelta(days=rng.randint(2, 20)),
            )
            count += 1
    return count
