"""Email through GOV.UK Notify (website/notify_email.py), still through the
outbox: the real Notify client against a fake Notify API on loopback."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.fake_notify import EMAIL_TEMPLATE_ID
from website import notify_email, outbox
from website.models import OutgoingEmail

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.fake_notify"]  # the fake_notify and fake_notify_email fixtures
Status = OutgoingEmail.Status


def send_one(to=("ann@example.org",), **kwargs):
    return mail.EmailMessage("You are booked", "Hello Ann", None, list(to), **kwargs).send()


def later(minutes):
    return timezone.now() + datetime.timedelta(minutes=minutes)


def test_an_email_goes_through_notify_not_smtp(fake_notify_email):
    assert send_one() == 1
    (sent,) = fake_notify_email.emails
    assert sent["email_address"] == "ann@example.org"
    assert sent["template_id"] == EMAIL_TEMPLATE_ID
    assert sent["personalisation"] == {"subject": "You are booked", "body": "Hello Ann"}
    assert mail.outbox == []  # the mail server is not used
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts, email.delivery) == (Status.SENT, 1, "created")
    assert email.notify_ids == {"ann@example.org": sent["id"]}
    assert sent["reference"] == f"email-{email.pk}"


def test_smtp_is_still_used_when_notify_has_no_email_template(fake_notify, email_outbox):
    send_one()
    assert len(mail.outbox) == 1 and fake_notify.emails == []
    email = OutgoingEmail.objects.get()
    assert (email.status, email.notify_ids, email.delivery) == (Status.SENT, {}, "")


def test_a_500_is_tried_again_later_and_sent_once(fake_notify_email):
    fake_notify_email.fail_next = [500]
    send_one()
    email = OutgoingEmail.objects.get()
    assert (email.status, email.last_error) == (Status.FAILED, "HTTPError 500")
    assert outbox.send_due(now=later(1)) == (0, 0)  # not due yet
    assert outbox.send_due(now=later(6)) == (1, 0)
    assert outbox.send_due(now=later(60)) == (0, 0)
    assert len(fake_notify_email.emails) == 1
    assert OutgoingEmail.objects.get().status == Status.SENT


def test_a_timeout_is_tried_again(fake_notify_email):
    fake_notify_email.hanging = True
    send_one()
    email = OutgoingEmail.objects.get()
    # The client reports a timeout as Notify unavailable (503).
    assert (email.status, email.last_error) == (Status.FAILED, "HTTP503Error 503")
    assert fake_notify_email.emails == []
    fake_notify_email.hanging = False
    assert outbox.send_due(now=later(6)) == (1, 0)
    assert OutgoingEmail.objects.get().status == Status.SENT


def test_a_400_is_given_up_at_once(fake_notify_email):
    fake_notify_email.fail_next = [400]
    send_one()
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts, email.next_attempt_at) == (Status.GAVE_UP, 1, None)
    assert email.last_error == "HTTPError 400"
    assert outbox.send_due(now=later(60 * 24)) == (0, 0)
    assert fake_notify_email.emails == []


def test_a_retry_after_a_fault_sends_only_to_those_not_yet_sent(fake_notify_email):
    fake_notify_email.fail_next = [0, 503]
    send_one(to=["ann@example.org", "Bob <bob@example.org>"])
    assert OutgoingEmail.objects.get().status == Status.FAILED
    outbox.send_due(now=later(6))
    assert [sent["email_address"] for sent in fake_notify_email.emails] == [
        "ann@example.org",
        "bob@example.org",
    ]


def test_an_email_is_claimed_once(fake_notify_email):
    fake_notify_email.fail_next = [500]
    send_one()
    first, second = OutgoingEmail.objects.get(), OutgoingEmail.objects.get()
    now = later(6)
    assert outbox.deliver([first], now) == 1
    assert outbox.deliver([second], now) == 0  # read before the first was sent
    assert len(fake_notify_email.emails) == 1


def test_notify_s_statuses_are_recorded_by_the_command(fake_notify_email):
    send_one(to=["ann@example.org", "bob@example.org"])
    send_one(to=["nobody@example.org"])
    ann, bob, nobody = [sent["id"] for sent in fake_notify_email.emails]
    fake_notify_email.statuses.update(
        {ann: "delivered", bob: "temporary-failure", nobody: "permanent-failure"}
    )
    out = StringIO()
    call_command("send_queued_email", stdout=out)
    assert "2 deliveries recorded" in out.getvalue()
    two, one = OutgoingEmail.objects.order_by("pk")
    assert two.deliveries == {
        "ann@example.org": "delivered",
        "bob@example.org": "temporary-failure",
    }
    assert two.delivery == "temporary-failure"
    assert one.delivery == "permanent-failure"
    assert one.get_delivery_display() == "Not delivered: the address does not exist"


def test_what_notify_cannot_carry_is_said_in_the_body(fake_notify_email):
    message = mail.EmailMessage(
        "Your session", "See you there.", None, ["ann@example.org"], reply_to=["tutor@example.org"]
    )
    message.attach("session.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    message.send()
    (sent,) = fake_notify_email.emails
    assert sent["personalisation"]["body"] == (
        "See you there.\n\nTo reply, write to tutor@example.org.\n\n"
        "This email had attachments that could not be sent with it: session.ics."
    )
    assert OutgoingEmail.objects.get().status == Status.SENT


def test_coordinators_see_notify_s_status_in_the_outbox(client, fake_notify_email):
    from directory.permissions import coordinators_group

    send_one()
    (sent,) = fake_notify_email.emails
    fake_notify_email.statuses[sent["id"]] = "delivered"
    notify_email.check_deliveries()
    coordinator = get_user_model().objects.create_user("co", "co@example.org", "pw")
    coordinator.groups.add(coordinators_group())
    client.force_login(coordinator)
    index = client.get("/admin/website/outgoingemail/").content.decode()
    assert "Delivered" in index
    email = OutgoingEmail.objects.get()
    inspect = client.get(f"/admin/website/outgoingemail/inspect/{email.pk}/").content.decode()
    assert "ann@example.org" in inspect and "delivered" in inspect
