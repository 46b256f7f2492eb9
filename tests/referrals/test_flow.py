"""The public referral flow at /refer/, as a referrer and a resident use it."""

import pytest
from django.core import mail

from referrals import views
from referrals.models import Referral, ReferralEvent

DETAILS = {
    "referrer_name": "Sam Adviser",
    "referrer_organisation": "Chorley Jobcentre",
    "referrer_role": "Work coach",
    "referrer_email": "sam@example.org",
    "resident_name": "Alex Resident",
    "contact_method": "phone",
    "resident_phone": "01632 960 555",
    "postcode": "pr71dp",
    "age_band": "18_to_64",
    "barriers": ["no_device", "low_skills"],
    "goals": ["benefits"],
    "available_days": ["1", "3"],
    "accessibility_needs": ["step-free"],
}


def begin(client, mode="referrer", to=""):
    client.get(f"/refer/?to={to}" if to else "/refer/")
    return client.post("/refer/", {"mode": mode, "consent": "yes"})


def test_without_consent_the_form_stops_and_explains_other_ways(client, directory):
    response = client.post("/refer/", {"mode": "referrer", "consent": "no"}, follow=True)

    assert response.redirect_chain[-1][0] == "/refer/no-consent/"
    assert b"You need their agreement" in response.content
    assert b"/find-help/" in response.content
    assert client.get("/refer/details/")["Location"] == "/refer/"


def test_start_page_asks_for_consent_and_shows_errors(client, directory):
    response = client.post("/refer/", {})

    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert b"Select whether the person agrees to be referred." in response.content


def test_a_referrer_sends_a_referral_and_sees_matches_with_reasons(referrer_ready, lender):
    client = referrer_ready
    assert begin(client)["Location"] == "/refer/details/"

    response = client.post("/refer/details/", DETAILS)
    assert response["Location"] == "/refer/check/"
    check = client.get("/refer/check/")
    assert b"Alex Resident" in check.content
    assert b"No device (phone, tablet or computer)" in check.content
    assert b"Tuesday, Thursday" in check.content

    done = client.post("/refer/check/", follow=True)

    referral = Referral.objects.get()
    assert referral.reference.startswith("REF-")
    assert referral.postcode == "PR7 1DP"
    assert referral.organisation == lender.get_parent().specific
    assert referral.consent_text
    assert referral.accessibility_needs.get().slug == "step-free"
    assert referral.events.get().kind == ReferralEvent.Kind.CREATED
    page = done.content.decode()
    assert referral.reference in page
    assert "Chorley Device Library" in page
    assert "Lends devices (3 ready now)" in page
    assert "0.0 miles" in page
    assert "step-free access" in page
    sheet = client.get("/refer/next-steps/").content.decode()
    assert referral.reference in sheet
    assert "1 Market Street" in sheet
    assert "01632 960 001" in sheet


def test_the_referrer_is_emailed_the_reference_and_the_partner_only_a_link(referrer_ready):
    client = referrer_ready
    begin(client)
    client.post("/refer/details/", DETAILS)
    client.post("/refer/check/")

    referral = Referral.objects.get()
    to_referrer = next(m for m in mail.outbox if m.to == ["sam@example.org"])
    to_partner = next(m for m in mail.outbox if m.to == ["staff-a@example.org"])
    assert referral.reference in to_referrer.body
    assert "Chorley Device Library" in to_referrer.body
    assert referral.reference in to_partner.subject
    assert "/admin/" in to_partner.body
    for personal in ("Alex", "Resident", "01632 960 555", "PR7", "no_device"):
        assert personal not in to_partner.body
        assert personal not in to_partner.subject


def test_nothing_typed_is_lost_on_an_error(referrer_ready):
    client = referrer_ready
    begin(client)

    response = client.post("/refer/details/", {**DETAILS, "resident_name": "", "postcode": "X"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter their full name." in page
    assert "Enter a real postcode" in page
    assert 'value="Sam Adviser"' in page
    assert 'value="no_device" checked' in page or "checked" in page
    assert not Referral.objects.exists()


def test_contact_details_must_match_how_to_contact(referrer_ready):
    client = referrer_ready
    begin(client)

    response = client.post(
        "/refer/details/", {**DETAILS, "contact_method": "email", "resident_phone": ""}
    )

    assert "Enter their email address." in response.content.decode()


def test_changing_an_answer_keeps_the_others(referrer_ready):
    client = referrer_ready
    begin(client)
    client.post("/refer/details/", DETAILS)

    again = client.get("/refer/details/").content.decode()

    assert 'value="Alex Resident"' in again
    assert 'value="01632 960 555"' in again


def test_a_resident_refers_themselves_without_referrer_questions(referrer_ready):
    client = referrer_ready
    begin(client, mode="self")
    form = client.get("/refer/details/").content.decode()
    assert "Your full name" in form
    assert "referrer_name" not in form

    details = {k: v for k, v in DETAILS.items() if not k.startswith("referrer_")}
    client.post(
        "/refer/details/",
        {**details, "contact_method": "email", "resident_email": "alex@example.org"},
    )
    client.post("/refer/check/")

    referral = Referral.objects.get()
    assert referral.mode == Referral.Mode.SELF
    assert any(m.to == ["alex@example.org"] for m in mail.outbox)


def test_starting_from_an_access_point_sends_it_to_that_partner(referrer_ready, leyland_drop_in):
    client = referrer_ready
    start = client.get(f"/refer/?to={leyland_drop_in.pk}")
    assert b"Leyland Drop-in" in start.content
    client.post("/refer/", {"mode": "referrer", "consent": "yes"})
    client.post("/refer/details/", {**DETAILS, "accessibility_needs": [], "goals": ["family"]})
    client.post("/refer/check/")

    referral = Referral.objects.get()
    assert referral.organisation == leyland_drop_in.get_parent().specific
    assert referral.requested_listing_id == leyland_drop_in.pk
    assert referral.matches[0]["id"] == leyland_drop_in.pk


def test_a_filled_honeypot_saves_nothing(referrer_ready):
    client = referrer_ready
    begin(client)

    response = client.post("/refer/details/", {**DETAILS, "website_url": "http://spam"})

    assert response.status_code == 200
    assert "could not be sent" in response.content.decode()
    assert not Referral.objects.exists()


def test_a_flood_gets_a_polite_message_and_keeps_what_was_typed(referrer_ready, monkeypatch):
    monkeypatch.setattr(views, "REFERRALS_PER_HOUR", 1)
    client = referrer_ready
    for _ in range(2):
        begin(client)
        client.post("/refer/details/", DETAILS)
        response = client.post("/refer/check/")

    assert response.status_code == 200
    assert "Nothing you typed has been lost" in response.content.decode()
    assert "Alex Resident" in response.content.decode()
    assert Referral.objects.count() == 1


def test_the_confirmation_is_only_for_the_browser_that_sent_it(referrer_ready, client_factory):
    client = referrer_ready
    begin(client)
    client.post("/refer/details/", DETAILS)
    client.post("/refer/check/")

    stranger = client_factory()

    assert stranger.get("/refer/done/")["Location"] == "/refer/"
    assert stranger.get("/refer/next-steps/")["Location"] == "/refer/"


@pytest.fixture
def client_factory():
    from django.test import Client

    return Client


def test_every_error_links_to_a_field_on_the_page(referrer_ready):
    import re

    client = referrer_ready
    begin(client)

    page = client.post(
        "/refer/details/", {"contact_method": "post", "referrer_email": "x"}
    ).content.decode()

    summary = page.split('class="govuk-error-summary"')[1].split("</ul>")[0]
    anchors = re.findall(r'href="#([^"]+)"', summary)
    assert len(anchors) >= 6
    for anchor in anchors:
        assert f'id="{anchor}"' in page, anchor


def test_a_self_referral_speaks_to_the_resident(referrer_ready):
    client = referrer_ready
    begin(client, mode="self")

    page = client.post("/refer/details/", {"contact_method": "phone"}).content.decode()

    assert "Enter your full name." in page
    assert "Enter your phone number." in page
    assert "Select what stops you getting online, or what you want to do online." in page


def test_with_no_staff_or_coordinators_the_superuser_hears_of_a_new_referral(demo_site):
    from django.contrib.auth import get_user_model

    from referrals import notifications
    from tests.factories.referrals import ReferralFactory

    get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    referral = ReferralFactory(organisation=None)
    assert notifications.tell_receiver(referral) == 1
    (email,) = mail.outbox
    assert email.to == ["admin@example.org"]
    assert email.subject == f"New referral {referral.reference}"
