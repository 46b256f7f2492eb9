"""The referral's next steps by text, for a resident who chose it: through
the real Notify client to a fake Notify API (tests/fake_notify.py), with a
link to the printable sheet that opens without signing in."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from referrals import sheet_links, text_messages
from referrals.data_protection import erase_personal_data, personal_data
from referrals.models import Referral
from tests.factories.referrals import ReferralFactory
from tests.referrals.test_flow import DETAILS, begin
from website import texts
from website.data_subject import Person
from website.models import OutgoingText
from website.sms_fragments import fragments, is_gsm

pytest_plugins = ["tests.fake_notify"]  # the fake_notify fixture
MOBILE = "+447700900982"
WITH_TEXTS = {
    **DETAILS,
    "resident_email": "alex@example.org",
    "resident_phone": "07700 900 982",
    "wants_texts": "on",
}
TUESDAY = datetime.datetime(2026, 12, 8, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def sent(fake_notify):
    """The bodies of the texts sent to a number. A test's transaction never
    commits, so the texts stored are sent here, as send_queued_texts would."""

    def bodies(number=MOBILE):
        texts.send_due()
        return [
            text["personalisation"]["body"]
            for text in fake_notify.texts
            if text["phone_number"] == number
        ]

    return bodies


def refer(client, details=WITH_TEXTS, mode="referrer"):
    begin(client, mode)
    response = client.post("/refer/details/", details)
    assert response.status_code == 302, response.content.decode()
    return client.post("/refer/check/")


def test_the_resident_is_texted_their_next_steps(referrer_ready, lender, sent):
    refer(referrer_ready)
    referral = Referral.objects.get()
    assert (referral.texts_to, referral.texts_consent_text) == (
        MOBILE,
        "Text them their next steps",
    )
    assert referral.texts_consented_at is not None
    (body,) = sent()
    assert body.startswith(f"Get Online Chorley and South Ribble: referral {referral.reference}.")
    assert "Go to Chorley Device Library. Tel 01632 960 001." in body
    assert "1 Market Street, Chorley, PR7 1DP." in body
    assert ("Open today 10am to 1pm." in body) == (timezone.localdate().weekday() in (1, 3))
    assert body.endswith("Reply STOP to stop texts.")
    assert is_gsm(body) and fragments(body) <= 2
    # The link opens the sheet in a browser that never saw the referral.
    assert "Next steps: http://testserver/refer/sheet/" in body
    link = body.split("Next steps: http://testserver")[1].split()[0]
    sheet = Client().get(link)
    assert sheet.status_code == 200
    assert referral.reference in sheet.content.decode()
    assert "1 Market Street" in sheet.content.decode()
    assert "private" in sheet["Cache-Control"] or "no-cache" in sheet["Cache-Control"]


def test_today_s_hours_and_what_is_left_out_first(referrer_ready, lender):
    referral = ReferralFactory(
        texts_to=MOBILE,
        matches=[
            {
                "kind": "place",
                "id": lender.pk,
                "title": lender.title,
                "phone": "01632 960 001",
                "address": ["1 Market Street", "Chorley", "PR7 1DP"],
            }
        ],
        organisation=lender.get_parent().specific,
    )
    body = text_messages.next_steps_text(referral, TUESDAY)
    assert "Open today 10am to 1pm." in body and "/refer/sheet/" in body
    assert "Closed today." in text_messages.next_steps_text(referral, TUESDAY.replace(day=9))
    # A long address and a long partner name: the least important parts go.
    referral.matches[0]["address"] = ["The Old Co-operative Buildings, 123 Long Lane"] * 2
    body = text_messages.next_steps_text(referral, TUESDAY)
    assert "will contact you" not in body
    assert referral.reference in body and "Tel 01632 960 001." in body
    assert fragments(body) <= 2


def test_a_place_with_a_name_outside_the_gsm_alphabet_still_fits(referrer_ready, lender):
    lender.title = "Centrum Polskie Łódź"
    lender.save_revision().publish()
    referral = ReferralFactory(
        texts_to=MOBILE,
        matches=[
            {
                "kind": "place",
                "id": lender.pk,
                "title": lender.title,
                "phone": "01632 960 001",
                "address": ["1 Market Street", "Chorley", "PR7 1DP"],
            }
        ],
    )
    body = text_messages.next_steps_text(referral, TUESDAY)
    assert not is_gsm(body) and fragments(body) <= 2
    assert body.startswith("Get Online Chorley and South Ribble: referral")
    # 134 characters in UCS-2: the phone stays, the address and link go.
    assert "Go to Centrum Polskie Łódź. Tel 01632 960 001." in body
    assert "Market Street" not in body and "/refer/sheet/" not in body
    assert body.endswith("Reply STOP to stop texts.")


def test_a_self_referral_asks_text_me(referrer_ready, sent):
    begin(referrer_ready, "self")
    form = referrer_ready.get("/refer/details/").content.decode()
    assert "Text me my next steps" in form
    details = {k: v for k, v in WITH_TEXTS.items() if not k.startswith("referrer_")}
    response = referrer_ready.post("/refer/details/", details)
    assert response.status_code == 302
    referrer_ready.post("/refer/check/")
    assert Referral.objects.get().texts_consent_text == "Text me my next steps"
    assert len(sent()) == 1


def test_no_text_without_the_box_ticked(referrer_ready, sent):
    refer(referrer_ready, {**WITH_TEXTS, "wants_texts": ""})
    assert Referral.objects.get().texts_to == ""
    assert sent() == [] and not OutgoingText.objects.exists()


def test_a_landline_is_refused_with_the_error_in_the_summary(referrer_ready):
    begin(referrer_ready)
    typed = {**WITH_TEXTS, "resident_phone": "01632 960 555"}
    response = referrer_ready.post("/refer/details/", typed)
    assert response.status_code == 200
    page = response.content.decode()
    start = page.index("govuk-error-summary__list")
    summary = page[start : page.index("</ul>", start)]
    assert "This is not a mobile number, so it cannot get texts." in summary
    assert 'href="#id_resident_phone"' in summary
    assert 'value="01632 960 555"' in page and 'value="Alex Resident"' in page
    assert re.search(r'<input[^>]*name="wants_texts"[^>]*checked', page)
    assert referrer_ready.get("/refer/check/").status_code == 302
    assert not Referral.objects.exists()


def test_the_sheet_link_refuses_changed_old_and_erased_links(referrer_ready):
    referral = ReferralFactory()
    now = timezone.now()
    token = sheet_links.sheet_token(referral, now)
    assert referrer_ready.get(f"/refer/sheet/{token}/").status_code == 200
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    other = ReferralFactory()
    guessed = other.reference.removeprefix("REF-") + token[token.index("-") :]
    for bad in (tampered, guessed, "nonsense", "ABC-!!-x"):
        assert referrer_ready.get(f"/refer/sheet/{bad}/").status_code == 404
    old = sheet_links.sheet_token(
        referral, now - sheet_links.LINK_MAX_AGE - datetime.timedelta(days=1)
    )
    assert referrer_ready.get(f"/refer/sheet/{old}/").status_code == 404
    erase_personal_data(Person.typed(referral.referrer_email))  # the referrer only: still there
    assert referrer_ready.get(f"/refer/sheet/{token}/").status_code == 200
    referral.resident_email = "alex@example.org"
    referral.save()
    erase_personal_data(Person.typed("alex@example.org"))
    assert referrer_ready.get(f"/refer/sheet/{token}/").status_code == 404


def test_the_number_wording_and_texts_are_exported_then_erased(referrer_ready, sent):
    refer(referrer_ready)
    sent()
    (record,) = personal_data(Person.typed("alex@example.org"))
    assert record["texts to"] == MOBILE
    assert record["texts consent wording"] == "Text them their next steps"
    assert record["texts consented at"] is not None
    assert "referral REF-" in record["texts sent"]

    assert erase_personal_data(Person.typed("alex@example.org")) == 1
    referral = Referral.objects.get()
    assert (referral.texts_to, referral.texts_consent_text, referral.texts_consented_at) == (
        "",
        "",
        None,
    )
    assert not OutgoingText.objects.filter(to=MOBILE).exists()
