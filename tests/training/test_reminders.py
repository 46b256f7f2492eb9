"""The day-before reminder (training/reminders.py, manage.py send_reminders)."""

import datetime
import threading
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from tests.factories.training import BookingFactory, SessionFactory, upcoming
from training.reminders import send_reminders


def reminders():
    return [email for email in mail.outbox if email.subject.startswith("Reminder:")]


@pytest.mark.django_db
def test_everyone_with_a_place_tomorrow_is_reminded_once(course):
    tomorrow = SessionFactory(page=course, start=upcoming(days=1, hour=14))
    later = SessionFactory(page=course, start=upcoming(days=3))
    ann = BookingFactory(session=tomorrow, name="Ann", email="ann@example.org")
    BookingFactory(session=tomorrow, status="waiting")
    BookingFactory(session=tomorrow, status="cancelled")
    BookingFactory(session=later)

    out = StringIO()
    call_command("send_reminders", stdout=out)
    assert "Reminded 1 people" in out.getvalue()
    (reminder,) = reminders()
    assert reminder.to == ["ann@example.org"]
    assert reminder.subject == "Reminder: Email for beginners is tomorrow"
    assert "Hello Ann" in reminder.body
    assert tomorrow.when in reminder.body
    assert "/cancel/" in reminder.body  # how to give the place up
    ann.refresh_from_db()
    assert ann.reminded_at is not None

    call_command("send_reminders", stdout=StringIO())
    assert len(reminders()) == 1


@pytest.mark.django_db
def test_a_session_already_started_gets_no_reminder(course):
    started = SessionFactory(page=course, start=timezone.now() - datetime.timedelta(minutes=5))
    BookingFactory(session=started)
    assert send_reminders() == 0
    assert reminders() == []


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_remind_each_person_once(course):
    """Two runs start at the same moment, each with its own connection (two
    servers' cron jobs): every booking is claimed by one of them."""
    session = SessionFactory(page=course, start=upcoming(days=1))
    for n in range(6):
        BookingFactory(session=session, email=f"p{n}@example.org")
    start = threading.Barrier(2)
    counts, errors = [], []

    def run():
        try:
            start.wait()
            counts.append(send_reminders())
        except Exception as error:  # reported below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(counts) == 6
    assert sorted(email.to[0] for email in reminders()) == [f"p{n}@example.org" for n in range(6)]
