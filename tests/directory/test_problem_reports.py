"""Anyone can report a problem with a listing; it reaches the right people
and carries no personal data in the email."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache

from directory.models import ProblemReport


def user_in(group, email):
    user = get_user_model().objects.create_user(email, email, "pw")
    user.groups.add(group)
    return user


@pytest.fixture(autouse=True)
def _fresh_flood_counters():
    cache.clear()


@pytest.fixture
def place(make_place):
    return make_place("Chorley Hub")


@pytest.mark.django_db
def test_report_reaches_editors_and_coordinators_without_personal_data(client, place, organisation):
    organisation.refresh_from_db()
    user_in(organisation.editors_group, "editor@partner.example.org")
    user_in(Group.objects.get_or_create(name="Coordinators")[0], "coord@example.org")
    response = client.post(
        place.report_problem_url,
        {"kind": "out_of_date", "details": "Now closed on Mondays.", "reply_email": "me@x.org"},
    )
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    report = ProblemReport.objects.get()
    assert report.listing_id == place.pk and report.reply_email == "me@x.org"
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert set(email.to) == {"editor@partner.example.org", "coord@example.org"}
    assert "Chorley Hub" in email.subject
    assert "me@x.org" not in email.body
    assert "Now closed on Mondays" not in email.body


@pytest.mark.django_db
def test_missing_answers_are_explained_and_what_was_typed_is_kept(client, place):
    response = client.post(place.report_problem_url, {"details": "", "reply_email": "nope"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Select what the problem is." in html
    assert "Tell us what is wrong." in html
    assert "Enter an email address like name@example.org." in html
    assert 'value="nope"' in html
    assert not ProblemReport.objects.exists()


@pytest.mark.django_db
def test_honeypot_stops_bots(client, place):
    response = client.post(
        place.report_problem_url,
        {"kind": "other", "details": "Buy now", "website_url": "http://spam.example"},
    )
    assert response.status_code == 200
    assert not ProblemReport.objects.exists()


@pytest.mark.django_db
def test_flood_from_one_address_is_refused(client, place):
    for _ in range(10):
        client.post(place.report_problem_url, {"kind": "other", "details": "x"})
    response = client.post(place.report_problem_url, {"kind": "other", "details": "eleventh"})
    assert "try again in an hour" in response.content.decode()
    assert ProblemReport.objects.count() == 10


@pytest.mark.django_db
def test_resolving_a_report_deletes_the_reply_address(place):
    report = ProblemReport.objects.create(
        listing=place, kind="other", details="x", reply_email="me@x.org"
    )
    report.status = ProblemReport.Status.RESOLVED
    report.save()
    report.refresh_from_db()
    assert report.reply_email == "" and report.resolved_at is not None
