"""A sign-up sent while the database fails at the save is not lost: the
volunteer sees the form again with what they typed and a clear message."""

import pytest
from django.core import mail

from champions.models import Champion
from tests.champions.test_signup import JOIN, answers
from tests.faults import database_fails_at_the_save
from website.database_faults import NOT_SAVED
from website.models import OutgoingEmail


@pytest.mark.django_db
def test_a_sign_up_that_cannot_be_saved_keeps_what_was_typed(client, cast):
    before = Champion.objects.count()
    with database_fails_at_the_save():
        response = client.post(JOIN, answers())

    assert response.status_code == 503
    page = response.content.decode()
    assert NOT_SAVED in page
    assert 'value="Priya Shah"' in page
    assert 'value="01632 960 123"' in page
    assert "I help my grandparents with their tablet." in page
    assert Champion.objects.count() == before
    assert mail.outbox == []

    assert client.post(JOIN, answers()).status_code == 302
    assert Champion.objects.get(email="priya.shah@example.org").name == "Priya Shah"


@pytest.mark.django_db
def test_a_sign_up_while_the_mail_server_refuses_is_saved_and_its_emails_wait(
    client, cast, smtp_refusing
):
    response = client.post(JOIN, answers(preferred_host=cast.host_a.pk))

    assert response.status_code == 302
    assert Champion.objects.filter(email="priya.shah@example.org").exists()
    waiting = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED)
    assert sorted(email.to[0] for email in waiting) == [
        "coordinator@example.org",
        "priya.shah@example.org",
        "staff_a@example.org",
    ]
