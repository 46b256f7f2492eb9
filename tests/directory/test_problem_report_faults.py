"""A problem report while the mail server refuses is saved, and the email
to the listing's editors waits in the outbox."""

import pytest
from django.contrib.auth import get_user_model

from directory.models import ProblemReport
from website.models import OutgoingEmail


@pytest.mark.django_db
def test_a_problem_report_while_the_mail_server_refuses_is_saved(
    client, make_place, organisation, smtp_refusing
):
    place = make_place("Chorley Hub")
    organisation.refresh_from_db()
    editor = get_user_model().objects.create_user("ed", "ed@partner.example.org", "pw")
    editor.groups.add(organisation.editors_group)

    response = client.post(place.report_problem_url, {"kind": "out_of_date", "details": "Shut."})

    assert response.status_code == 302
    assert ProblemReport.objects.get().listing_id == place.pk
    (waiting,) = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED)
    assert waiting.to == ["ed@partner.example.org"]
