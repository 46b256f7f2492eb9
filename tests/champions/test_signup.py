"""The public sign-up at /champions/join/."""

import re
import time
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core import mail
from wagtail.models import Site

from champions.links import LINK_MAX_AGE
from champions.models import Champion, Skill, StatusChange
from champions.views import LINKS_PER_DAY, SIGN_UPS_PER_HOUR
from website.models import BrandSettings

JOIN = "/champions/join/"


@contextmanager
def freeze_seconds(later):
    """Signed links read the clock through time.time."""
    now = time.time() + later
    with mock.patch("django.core.signing.time.time", return_value=now):
        yield


def answers(**changes):
    data = {
        "name": "Priya Shah",
        "email": "Priya.Shah@example.org",
        "phone": "01632 960 123",
        "postcode": "pr71dp",
        "available_days": ["mon", "sat"],
        "available_times": ["evening"],
        "skills": [Skill.objects.get(slug="video-calls").pk],
        "experience": "I help my grandparents with their tablet.",
        "heard_about": "friend",
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.django_db
def test_sign_up_creates_the_record_and_sends_the_emails(client, cast):
    response = client.post(JOIN, answers(preferred_host=cast.host_a.pk))
    assert response.status_code == 302
    assert response["Location"] == "/champions/join/done/"
    champion = Champion.objects.get(email="priya.shah@example.org")
    assert champion.postcode == "PR7 1DP"
    assert champion.status == "applied"
    assert champion.consent_text.startswith("I agree")
    assert champion.consented_at is not None
    assert list(champion.skills.values_list("slug", flat=True)) == ["video-calls"]
    change = champion.status_changes.get()
    assert (change.from_status, change.to_status, change.source) == ("", "applied", "sign_up")

    confirmation, coordinators, host = mail.outbox
    assert confirmation.to == ["priya.shah@example.org"]
    assert "Thank you" in confirmation.subject
    # "Reply to delete your details" reaches someone: the partnership's
    # contact address (brand settings), not the no-reply sender.
    assert "reply to this email and we will delete your details" in confirmation.body
    assert confirmation.from_email == "no-reply@example.org"
    assert confirmation.reply_to == ["hello@example.org"]
    assert coordinators.to == ["coordinator@example.org"]
    assert f"/admin/champions/champion/inspect/{champion.pk}/" in coordinators.body
    assert host.to == ["staff_a@example.org"]
    for staff_email in (coordinators, host):
        # No personal data in staff emails: only a link to the admin.
        for detail in ("Priya", "Shah", "PR7", "01632", "grandparents"):
            assert detail not in staff_email.body + staff_email.subject

    page = client.get(response["Location"]).content.decode()
    assert "You have signed up" in page


@pytest.mark.django_db
def test_without_a_contact_address_replies_go_to_the_coordinators(client, cast):
    brand = BrandSettings.for_site(Site.objects.get(is_default_site=True))
    brand.contact_email = ""
    brand.save()
    client.post(JOIN, answers())
    confirmation = mail.outbox[0]
    assert confirmation.reply_to == ["coordinator@example.org"]


def update_link(email):
    return re.search(r"http://testserver(/champions/join/update/\S+/)", email.body).group(1)


@pytest.mark.django_db
def test_signing_up_again_changes_nothing_and_looks_the_same(client, cast):
    """Someone typing a registered address changes nothing: the page is the
    one a new volunteer sees, and the volunteer is emailed a link instead."""
    client.post(JOIN, answers())
    first_page = client.get("/champions/join/done/").content.decode()
    mail.outbox.clear()
    response = client.post(
        JOIN, answers(email="PRIYA.SHAH@example.org ", name="Mallory", phone="07700 900982")
    )
    champion = Champion.objects.get(email__startswith="priya")
    assert (champion.name, champion.phone) == ("Priya Shah", "01632 960 123")
    assert champion.status_changes.count() == 1
    assert client.get(response["Location"]).content.decode() == first_page
    (email,) = mail.outbox
    assert email.to == ["priya.shah@example.org"]
    assert "already registered" in email.subject and "Hello Priya Shah" in email.body
    assert "Mallory" not in email.body


@pytest.mark.django_db
def test_the_emailed_link_lets_the_volunteer_change_their_details(client, cast):
    client.post(JOIN, answers())
    mail.outbox.clear()
    client.post(JOIN, answers())
    link = update_link(mail.outbox[0])
    form_page = client.get(link).content.decode()
    assert 'value="Priya Shah"' in form_page and "priya.shah@example.org" in form_page
    mail.outbox.clear()
    response = client.post(
        link, answers(name="Priya S", phone="07700 900982", email="someone@else.example")
    )
    assert response.status_code == 302
    champion = Champion.objects.get(email__startswith="priya")
    assert (champion.name, champion.phone) == ("Priya S", "07700 900982")
    assert champion.email == "priya.shah@example.org"  # the address is not changed here
    assert "Your details have been updated" in client.get(response["Location"]).content.decode()
    (coordinators,) = mail.outbox
    assert "updated their details" in coordinators.subject and "Priya" not in coordinators.body


@pytest.mark.django_db
def test_a_changed_or_old_link_changes_nothing(client, cast, settings):
    client.post(JOIN, answers())
    client.post(JOIN, answers())
    link = update_link(mail.outbox[-1])
    tampered = link[:-3] + "xx/"
    assert client.post(tampered, answers(name="Mallory")).status_code == 404
    with freeze_seconds(LINK_MAX_AGE.total_seconds() + 60):
        response = client.post(link, answers(name="Mallory"))
    assert response.status_code == 410 and "This link has expired" in response.content.decode()
    assert Champion.objects.get(email__startswith="priya").name == "Priya Shah"


@pytest.mark.django_db
def test_a_few_links_a_day_however_often_someone_signs_up_with_the_address(client, cast):
    client.post(JOIN, answers())
    mail.outbox.clear()
    for _ in range(6):
        client.post(JOIN, answers())
    assert len(mail.outbox) == LINKS_PER_DAY


@pytest.mark.django_db
def test_someone_who_left_is_an_applicant_again_once_they_update_their_details(client, cast):
    client.post(JOIN, answers())
    Champion.objects.filter(email__startswith="priya").update(status="left")
    client.post(JOIN, answers())
    assert Champion.objects.get(email__startswith="priya").status == "left"
    client.post(update_link(mail.outbox[-1]), answers())
    champion = Champion.objects.get(email__startswith="priya")
    assert champion.status == "applied"
    assert champion.status_changes.last().from_status == "left"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "not-an-email", "Enter an email address in the correct format"),
        ("postcode", "ZZ99 ZZZ", "Enter a real postcode"),
        ("postcode", "", "Enter your postcode."),
        ("phone", "12345", "Enter a phone number"),
        ("available_days", None, "Select the days you could help."),
        ("skills", None, "Select at least one thing you could help with."),
        ("consent", None, "Tick the box"),
    ],
)
def test_invalid_answers_are_explained_and_nothing_is_saved(client, cast, field, value, message):
    response = client.post(JOIN, answers(**{field: value}))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "There is a problem" in html
    assert html.count(message) == 2  # in the summary and by the field
    assert not Champion.objects.filter(email__startswith="priya").exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_a_valid_postcode_we_cannot_place_is_accepted_without_an_area(client, cast):
    client.post(JOIN, answers(postcode="BT1 1AA"))
    champion = Champion.objects.get(email__startswith="priya")
    assert champion.postcode == "BT1 1AA" and champion.area is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "limit", "what"),
    [
        ("name", 100, "Name"),
        ("email", 254, "Email address"),
        ("phone", 30, "Phone number"),
        ("postcode", 10, "Postcode"),
        ("availability_notes", 500, "Notes on when you could help"),
        ("experience", 2000, "Experience"),
    ],
)
def test_ten_thousand_characters_get_a_clear_limit(client, cast, field, limit, what):
    long_text = "a" * 10_000
    response = client.post(JOIN, answers(**{field: long_text}))
    html = response.content.decode()
    assert f"{what} must be {limit:,} characters or fewer." in html
    assert long_text in html  # what was typed is still there
    assert not Champion.objects.filter(name__startswith="Priya").exists()


@pytest.mark.django_db
def test_error_summary_links_to_each_field_and_keeps_what_was_typed(client, cast):
    response = client.post(
        JOIN, answers(email="nope", available_days=None, heard_about="carrier pigeon")
    )
    html = response.content.decode()
    assert 'href="#id_email"' in html
    assert 'href="#id_available_days_1"' in html and 'id="id_available_days_1"' in html
    assert 'href="#id_heard_about_1"' in html and 'id="id_heard_about_1"' in html
    assert 'value="Priya Shah"' in html and 'value="nope"' in html
    assert "I help my grandparents" in html
    assert "<title>Error: " in html
    assert " maxlength=" not in html  # the browser must not cut what is typed


@pytest.mark.django_db
def test_a_flood_from_one_address_is_turned_away_politely(client, cast):
    for number in range(SIGN_UPS_PER_HOUR):
        response = client.post(JOIN, answers(email=f"person{number}@example.org"))
        assert response.status_code == 302
    response = client.post(JOIN, answers(email="one-too-many@example.org"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please try again in an hour" in html
    assert 'value="one-too-many@example.org"' in html
    assert Champion.objects.filter(email__startswith="person").count() == SIGN_UPS_PER_HOUR
    assert not Champion.objects.filter(email__startswith="one-too-many").exists()


@pytest.mark.django_db
def test_a_filled_honeypot_saves_nothing(client, cast):
    response = client.post(JOIN, answers(website_url="http://spam.example"))
    assert response.status_code == 200
    assert "could not be sent" in response.content.decode()
    assert not Champion.objects.filter(email__startswith="priya").exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_the_form_shows_the_lists_and_the_privacy_wording(client, cast):
    html = client.get(JOIN).content.decode()
    assert "Video calls with family and friends" in html
    assert "Host A" in html
    assert "I agree that the partnership can keep these details" in html
    assert 'autocomplete="postal-code"' in html


@pytest.mark.django_db
def test_the_area_comes_from_the_nearest_listed_place(client, cast):
    from directory.models import AccessPointPage, Area

    ward = Area.objects.create(name="Chorley East", slug="chorley-east", kind="ward")
    place = AccessPointPage(
        title="Library",
        summary="x",
        town="Chorley",
        postcode="PR7 1DP",
        latitude=53.6531,
        longitude=-2.6321,
        area=ward,
    )
    cast.host_a.add_child(instance=place)
    client.post(JOIN, answers())
    assert Champion.objects.get(email__startswith="priya").area == ward


def test_status_change_source_labels():
    assert StatusChange.Source.COURSE.label == "Course completion"
