"""The email outbox: every email is stored first, sent after, retried with
a growing wait until it goes; old sent ones are deleted; only coordinators
see it."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.faults import closed_port
from website import outbox, personal_data
from website.data_subject import Person
from website.models import OutgoingEmail

pytestmark = pytest.mark.django_db


def send_one(to="ann@example.org", subject="You are booked"):
    message = mail.EmailMultiAlternatives(
        subject, "Hello Ann", None, [to], reply_to=["course@example.org"]
    )
    message.attach_alternative("<p>Hello Ann</p>", "text/html")
    message.attach("list.csv", "a,b\n1,2\n", "text/csv")
    return message.send()


def run_command():
    out = StringIO()
    call_command("send_queued_email", stdout=out)
    return out.getvalue()


def time_passes(**delta):
    """Move every waiting email's next try into the past by `delta`."""
    for email in OutgoingEmail.objects.exclude(next_attempt_at=None):
        email.next_attempt_at -= datetime.timedelta(**delta)
        email.save(update_fields=["next_attempt_at"])


def test_an_email_is_stored_then_sent_exactly_as_written(email_outbox):
    assert send_one() == 1

    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.sent_at is not None and email.attempts == 1
    (delivered,) = mail.outbox
    assert delivered.to == ["ann@example.org"]
    assert delivered.reply_to == ["course@example.org"]
    assert delivered.body == "Hello Ann"
    assert delivered.alternatives[0][0] == "<p>Hello Ann</p>"
    assert delivered.attachments[0][0] == "list.csv"
    assert delivered.extra_headers["Message-ID"] == email.headers["Message-ID"]


def test_a_real_mail_server_refusing_connections_loses_nothing(email_outbox):
    email_outbox.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    email_outbox.EMAIL_HOST, email_outbox.EMAIL_PORT = "127.0.0.1", closed_port()
    email_outbox.EMAIL_USE_TLS, email_outbox.EMAIL_TIMEOUT = False, 2

    assert send_one() == 1  # accepted: it will be sent

    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.last_error == "ConnectionRefusedError"
    assert "ann@example.org" not in email.last_error

    email_outbox.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert "Sent 0, not sent 0" in run_command()  # not due yet
    time_passes(minutes=5)
    assert "Sent 1, not sent 0" in run_command()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert [m.to for m in mail.outbox] == [["ann@example.org"]]


def test_retries_wait_longer_each_time_then_give_up(smtp_refusing):
    smtp_refusing.OUTBOX_MAX_ATTEMPTS = 4
    send_one()
    email = OutgoingEmail.objects.get()
    waits = []
    for _ in range(3):
        waits.append(round((email.next_attempt_at - timezone.now()).total_seconds() / 60))
        time_passes(hours=7)
        run_command()
        email.refresh_from_db()

    assert waits == [5, 10, 20]
    assert email.status == OutgoingEmail.Status.GAVE_UP
    assert email.attempts == 4
    assert email.last_error == "SMTPDataError 451"
    assert email.next_attempt_at is None
    assert "Sent 0, not sent 0" in run_command()  # no more tries


def test_a_new_email_is_left_to_the_request_that_stored_it(email_outbox):
    """The command never sends an email that its request may be sending at
    that moment."""
    outbox.store(mail.EmailMessage("Hi", "Body", None, ["bo@example.org"]))
    assert "Sent 0" in run_command()
    time_passes(minutes=2)
    assert "Sent 1" in run_command()


def test_sent_emails_are_deleted_after_a_week_and_undeliverable_after_a_month(email_outbox):
    now = timezone.now()
    old_sent, new_sent, old_gave_up, old_failed = (
        outbox.store(mail.EmailMessage(s, "Body", None, ["x@example.org"]))
        for s in ("old sent", "new sent", "old gave up", "old failed")
    )
    OutgoingEmail.objects.filter(pk=old_sent.pk).update(
        status="sent", sent_at=now - datetime.timedelta(days=8)
    )
    OutgoingEmail.objects.filter(pk=new_sent.pk).update(
        status="sent", sent_at=now - datetime.timedelta(days=6)
    )
    OutgoingEmail.objects.filter(pk__in=[old_gave_up.pk, old_failed.pk]).update(
        created_at=now - datetime.timedelta(days=31), next_attempt_at=now + datetime.timedelta(1)
    )
    OutgoingEmail.objects.filter(pk=old_gave_up.pk).update(status="gave_up")

    assert "deleted 2 old" in run_command()
    assert set(OutgoingEmail.objects.values_list("subject", flat=True)) == {
        "new sent",
        "old failed",
    }


def test_one_persons_emails_are_found_and_erased(email_outbox):
    send_one(to="Ann@Example.org")
    send_one(to="bob@example.org")

    found = personal_data.find(Person.typed("ann@example.org"))["Partnership website"]
    assert [record["subject"] for record in found] == ["You are booked"]
    personal_data.erase(Person.typed("ann@example.org"))
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == [["bob@example.org"]]


def staff(username, *permissions):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    group = Group.objects.create(name=f"{username} group")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=permissions),
    )
    user.groups.add(group)
    return user


def test_only_coordinators_see_the_outbox(client, email_outbox):
    from directory.permissions import coordinators_group

    send_one()
    coordinator = get_user_model().objects.create_user("co", "co@example.org", "pw")
    coordinator.groups.add(coordinators_group())
    index = "/admin/website/outgoingemail/"

    assert client.get(index).status_code == 302  # to the login page
    client.force_login(staff("editor", "view_problemreport"))
    assert client.get(index).status_code == 302  # to the dashboard, refused
    email = OutgoingEmail.objects.get()
    assert client.get(f"{index}inspect/{email.pk}/").status_code == 302

    client.force_login(coordinator)
    client.get(index)
    with CaptureQueriesContext(connection) as one_email:
        client.get(index)
    for n in range(10):
        send_one(to=f"p{n}@example.org")
    with CaptureQueriesContext(connection) as eleven_emails:
        page = client.get(index)
    assert len(eleven_emails) == len(one_email)
    assert page.status_code == 200
    assert "You are booked" in page.content.decode()
    inspect = client.get(f"{index}inspect/{email.pk}/")
    assert "Hello Ann" in inspect.content.decode()
    assert client.get(f"{index}edit/{email.pk}/").status_code in (302, 403)
