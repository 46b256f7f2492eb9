"""A referral sent while the database fails at the save is not lost: the
referrer is told, and sending again from the same page sends it all."""

from django.core import mail

from referrals.models import Referral
from tests.faults import database_fails_at_the_save
from tests.referrals.test_flow import DETAILS, begin
from website.database_faults import NOT_SAVED
from website.models import OutgoingEmail


def test_a_referral_that_cannot_be_saved_says_so_and_sends_on_the_second_try(
    client, lender, staff_a, coordinator
):
    begin(client)
    client.post("/refer/details/", DETAILS)

    with database_fails_at_the_save():
        response = client.post("/refer/check/")

    assert response.status_code == 503
    page = response.content.decode()
    assert NOT_SAVED in page
    assert "Alex Resident" in page  # their answers are still on the page
    assert not Referral.objects.exists()
    assert mail.outbox == []

    done = client.post("/refer/check/", follow=True)

    referral = Referral.objects.get()
    assert referral.resident_name == "Alex Resident"
    assert referral.reference in done.content.decode()


def test_a_referral_while_the_mail_server_refuses_is_sent_and_its_emails_wait(
    client, lender, staff_a, coordinator, smtp_refusing
):
    begin(client)
    client.post("/refer/details/", DETAILS)

    done = client.post("/refer/check/", follow=True)

    referral = Referral.objects.get()
    assert referral.reference in done.content.decode()
    waiting = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED)
    assert sorted(email.to[0] for email in waiting) == ["sam@example.org", "staff-a@example.org"]
