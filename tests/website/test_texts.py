"""Text messages through GOV.UK Notify (website/texts.py), with the real
Notify client talking to a fake Notify API on loopback."""

from datetime import timedelta
from io import StringIO

import pytest
from django import forms
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from website import texts
from website.mobile_numbers import clean_uk_mobile, for_people
from website.models import OutgoingText, TextOptOut

pytest_plugins = ["tests.fake_notify"]  # the fake_notify fixture
Status = OutgoingText.Status
NUMBER = "+447700900982"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("07700 900 982", "+447700900982"),
        ("+44 7700 900982", "+447700900982"),
        ("(07911) 123-456", "+447911123456"),
        ("447911123456", "+447911123456"),
    ],
)
def test_a_uk_mobile_number_is_stored_one_way_however_it_is_typed(typed, stored):
    assert clean_uk_mobile(typed) == stored
    assert for_people(stored).replace(" ", "") == "0" + stored[3:]


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("01632 960 001", "This is not a mobile number"),
        ("01257 123456", "This is not a mobile number"),
        ("0800 123 4567", "This is not a mobile number"),
        ("0791 123 456", "with 11 digits"),
        ("079 1123 45678", "with 11 digits"),
        ("+33 6 12 34 56 78", "UK mobile number"),
        ("seven seven", "Enter a mobile phone number"),
    ],
)
def test_what_cannot_get_texts_says_why(typed, says):
    with pytest.raises(forms.ValidationError) as refused:
        clean_uk_mobile(typed)
    assert says in refused.value.messages[0]


def test_nothing_typed_is_no_number():
    assert clean_uk_mobile("  ") == ""


@pytest.mark.django_db
def test_a_text_is_stored_then_sent_through_notify(fake_notify, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        text = texts.send_text(NUMBER, "Your place is booked.", "booking-confirmed")
    (sent,) = fake_notify.texts
    assert sent["phone_number"] == NUMBER
    assert sent["personalisation"] == {"body": "Your place is booked."}
    assert sent["reference"] == f"text-{text.pk}"
    text.refresh_from_db()
    assert (text.status, text.notify_id, text.attempts) == (Status.SENT, sent["id"], 1)


@pytest.mark.django_db
def test_a_rolled_back_booking_sends_no_text(fake_notify, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        texts.send_text(NUMBER, "Your place is booked.", "booking-confirmed")
        transaction.set_rollback(True)
    assert fake_notify.texts == []
    assert not OutgoingText.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("failure", ["error 500", "timeout"])
def test_a_text_notify_could_not_take_waits_and_goes_later(
    fake_notify, django_capture_on_commit_callbacks, failure
):
    if failure == "timeout":
        fake_notify.hanging = True
    else:
        fake_notify.fail_next = [500]
    with django_capture_on_commit_callbacks(execute=True):
        text = texts.send_text(NUMBER, "Your session is tomorrow.", "session-reminder")
    text.refresh_from_db()
    assert text.status == Status.FAILED
    assert text.next_attempt_at > timezone.now() + timedelta(minutes=4)
    assert fake_notify.texts == []

    fake_notify.hanging = False
    # Not before its time; then sent once.
    assert texts.send_due() == (0, 0)
    assert texts.send_due(now=timezone.now() + timedelta(minutes=6)) == (1, 0)
    assert texts.send_due(now=timezone.now() + timedelta(hours=7)) == (0, 0)
    assert len(fake_notify.texts) == 1
    text.refresh_from_db()
    assert (text.status, text.attempts) == (Status.SENT, 2)


@pytest.mark.django_db
def test_a_text_notify_refuses_is_given_up_at_once(fake_notify, django_capture_on_commit_callbacks):
    fake_notify.fail_next = [400]
    with django_capture_on_commit_callbacks(execute=True):
        text = texts.send_text(NUMBER, "Your place is booked.", "booking-confirmed")
    text.refresh_from_db()
    assert (text.status, text.last_error) == (Status.GAVE_UP, "HTTPError 400")
    assert texts.send_due(now=timezone.now() + timedelta(days=1)) == (0, 0)


@pytest.mark.django_db
def test_two_senders_at_once_send_a_text_once(fake_notify):
    text = OutgoingText.objects.create(
        purpose="booking-confirmed", to=NUMBER, body="Booked.", next_attempt_at=timezone.now()
    )
    assert texts.deliver([text.pk]) == 1
    assert texts.deliver([text.pk]) == 0
    assert len(fake_notify.texts) == 1


@pytest.mark.django_db
def test_what_became_of_each_text_is_recorded(fake_notify, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reached = texts.send_text(NUMBER, "One.", "booking-confirmed")
        lost = texts.send_text("+447911123456", "Two.", "booking-confirmed")
    reached.refresh_from_db()
    lost.refresh_from_db()
    fake_notify.statuses[reached.notify_id] = "delivered"
    fake_notify.statuses[lost.notify_id] = "permanent-failure"
    assert texts.check_deliveries() == 2
    reached.refresh_from_db()
    lost.refresh_from_db()
    assert reached.get_delivery_display() == "Delivered"
    assert lost.get_delivery_display() == "Not delivered: the number does not exist"
    # Settled ones are not asked about again.
    asked = fake_notify.requests
    assert texts.check_deliveries() == 0
    assert fake_notify.requests == asked


@pytest.mark.django_db
def test_a_number_that_replied_stop_gets_no_more_texts(
    fake_notify, django_capture_on_commit_callbacks
):
    fake_notify.replies = [
        {"id": "a1", "user_number": "447700900982", "content": "STOP", "created_at": ""},
        {
            "id": "a2",
            "user_number": "447911123456",
            "content": "Thanks, see you there",
            "created_at": "",
        },
    ]
    out = StringIO()
    call_command("send_queued_texts", stdout=out)
    assert "1 numbers opted out" in out.getvalue()
    assert list(TextOptOut.objects.values_list("number", flat=True)) == [NUMBER]
    with django_capture_on_commit_callbacks(execute=True):
        stopped = texts.send_text(NUMBER, "Your place is booked.", "booking-confirmed")
        texts.send_text("+447911123456", "Your place is booked.", "booking-confirmed")
    assert stopped.status == Status.OPTED_OUT
    assert [text["phone_number"] for text in fake_notify.texts] == ["+447911123456"]


@pytest.mark.django_db
def test_without_notify_set_up_texts_wait_and_nothing_is_lost(
    settings, django_capture_on_commit_callbacks
):
    settings.NOTIFY_API_KEY = ""
    with django_capture_on_commit_callbacks(execute=True):
        text = texts.send_text(NUMBER, "Your place is booked.", "booking-confirmed")
    text.refresh_from_db()
    assert text.status == Status.WAITING
    out = StringIO()
    call_command("send_queued_texts", stdout=out)
    assert "Texts are not sent: set NOTIFY_API_KEY" in out.getvalue()
    assert OutgoingText.objects.get().status == Status.WAITING


@pytest.mark.django_db
def test_old_texts_are_deleted_as_the_retention_setting_says(settings):
    settings.OUTBOX_KEEP_SENT_DAYS = 7
    now = timezone.now()
    OutgoingText.objects.create(
        purpose="p", to=NUMBER, body="old", status=Status.SENT, sent_at=now - timedelta(days=8)
    )
    kept = OutgoingText.objects.create(
        purpose="p", to=NUMBER, body="new", status=Status.SENT, sent_at=now - timedelta(days=2)
    )
    assert texts.purge(now) == 1
    assert list(OutgoingText.objects.all()) == [kept]
