"""A volunteer who chooses texts: a mobile number checked as one, the
wording they agreed to kept, a confirmation text through Notify, and the
texts in their export and erasure."""

import pytest

from champions.data_protection import anonymise, records
from champions.models import Champion
from tests.champions.test_signup import JOIN, answers
from website.models import OutgoingText

pytest_plugins = ["tests.fake_notify"]  # the fake_notify fixture
PRIYA = "priya.shah@example.org"


@pytest.mark.django_db
def test_a_volunteer_who_chooses_texts_gets_one(
    client, cast, fake_notify, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOIN, answers(phone="07700 900 982", wants_texts="on"))
    assert response.status_code == 302
    champion = Champion.objects.get(email=PRIYA)
    assert champion.texts_to == "+447700900982"
    assert champion.texts_consent_text == "Text me about my volunteering"
    assert champion.texts_consented_at is not None
    (text,) = fake_notify.texts
    body = text["personalisation"]["body"]
    assert text["phone_number"] == "+447700900982"
    assert body.startswith("Get Online Chorley and South Ribble: thank you")
    assert "Reply STOP" in body
    assert len(body) <= 160  # one SMS fragment


@pytest.mark.django_db
def test_no_texts_unless_chosen(client, cast, fake_notify, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(JOIN, answers(phone="07700 900 982"))
    assert Champion.objects.get(email=PRIYA).texts_to == ""
    assert fake_notify.texts == []
    assert not OutgoingText.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("phone", "error"),
    [
        ("01632 960 123", "This is not a mobile number, so it cannot get texts."),
        ("0770 090 098", "Enter a mobile number with 11 digits"),
        ("", "Enter a mobile number for texts, or untick"),
    ],
)
def test_texts_to_a_landline_are_refused_and_what_was_typed_is_kept(client, cast, phone, error):
    response = client.post(JOIN, answers(phone=phone, wants_texts="on"))
    assert response.status_code == 200
    page = response.content.decode()
    start = page.index("govuk-error-summary__list")
    summary = page[start : page.index("</ul>", start)]
    assert error in summary
    assert 'href="#id_phone"' in summary
    assert f'value="{phone}"' in page  # what was typed is kept (nothing, here, too)
    assert "Priya Shah" in page
    assert not Champion.objects.filter(email=PRIYA).exists()


@pytest.mark.django_db
def test_texts_are_in_the_export_and_go_with_erasure(
    client, cast, fake_notify, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(JOIN, answers(phone="07700 900 982", wants_texts="on"))
    champion = Champion.objects.get(email=PRIYA)
    (record, *_) = records(champion)
    assert record["texts to"] == "+447700900982"
    assert record["texts consent wording"] == "Text me about my volunteering"
    assert OutgoingText.objects.filter(to="+447700900982").count() == 1
    anonymise(champion)
    champion.refresh_from_db()
    assert (champion.texts_to, champion.texts_consent_text) == ("", "")
    assert not OutgoingText.objects.exists()
