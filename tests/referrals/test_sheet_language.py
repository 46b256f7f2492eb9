"""The printed next-steps sheet comes in the resident's language when the
partnership has it translated, with a way back to English for the person
helping them, and says so plainly when it has not."""

import re

import pytest

from directory.models import Language
from tests.referrals.test_flow import DETAILS, begin


def send(client, language=None):
    begin(client)
    details = DETAILS | ({"language": language.slug} if language else {})
    assert client.post("/refer/details/", details)["Location"] == "/refer/check/"
    client.post("/refer/check/")


def visible_text(html):
    body = html.split("<main", 1)[1].split("</main>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def language(name, code):
    """The language, with its ISO code (the demo may hold it already)."""
    return Language.objects.update_or_create(
        slug=name.lower(), defaults={"name": name, "code": code}
    )[0]


@pytest.fixture
def urdu(db):
    return language("Urdu", "ur")


def test_a_resident_who_reads_urdu_gets_the_sheet_in_urdu_right_to_left(referrer_ready, urdu):
    client = referrer_ready
    send(client, urdu)

    sheet = client.get("/refer/next-steps/").content.decode()

    assert '<div lang="ur" dir="rtl">' in sheet
    assert "آپ کے اگلے قدم" in sheet  # "Your next steps"
    assert "آپ کا حوالہ نمبر <strong>REF-" in sheet
    assert "5 کاروباری دنوں کے اندر" in sheet  # within 5 working days
    assert "مدد مفت ہے۔" in sheet  # "Help is free."
    for english in ("Your next steps", "Your reference number", "Help is free", "could help"):
        assert english not in visible_text(sheet).replace("Show this sheet in English", "")
    # The place's name and address stay in English, marked as English.
    assert re.search(r'<h3 class="govuk-heading-m" lang="en" dir="ltr">.*Chorley Device', sheet)
    assert re.search(r'<p class="govuk-body-l" lang="en" dir="ltr">1 Market Street', sheet)


def test_the_person_helping_can_show_the_sheet_in_english_and_back(referrer_ready, urdu):
    client = referrer_ready
    send(client, urdu)
    done = client.get("/refer/done/").content.decode()
    assert "Print a next steps sheet in Urdu to give them" in done

    english = client.get("/refer/next-steps/?in=en").content.decode()

    assert '<h1 class="govuk-heading-xl">Your next steps</h1>' in english
    assert 'dir="rtl"><h1' not in english
    assert 'href="?">Show this sheet in Urdu</a>' in english
    # Only the sheet is translated: the rest of the site stays in English.
    assert "Help is free." in english
    assert "آپ کے اگلے قدم" not in english


def test_polish_plural_forms_follow_the_number_of_days(referrer_ready, db):
    polish = language("Polish", "pl")
    client = referrer_ready
    send(client, polish)

    sheet = client.get("/refer/next-steps/").content.decode()

    assert '<div lang="pl" dir="ltr">' in sheet
    assert "Twoje następne kroki" in sheet
    assert "w ciągu 5 dni roboczych" in sheet


def test_a_language_without_a_translation_gets_english_and_says_so(referrer_ready, db):
    gujarati = language("Gujarati", "gu")
    client = referrer_ready
    send(client, gujarati)

    done = client.get("/refer/done/").content.decode()
    sheet = client.get("/refer/next-steps/").content.decode()

    assert "(in English: we do not have it in Gujarati yet)" in done
    assert "We do not have this sheet in Gujarati yet." in sheet
    assert '<h1 class="govuk-heading-xl">Your next steps</h1>' in sheet
    assert 'lang="gu"' not in sheet
