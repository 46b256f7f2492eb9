"""Referrals found, exported and erased by a resident's or referrer's UK
mobile number, however it was typed into the phone fields, or as the
number they get texts on; other people's numbers are left alone."""

from django.apps import apps

from referrals.data_protection import referrals_of
from referrals.models import Referral
from tests.factories.referrals import ReferralFactory
from website.data_subject import Person
from website.models import OutgoingText
from website.personal_data import ERASED

WHO = Person(mobile="+447700900982")


def hooks():
    return apps.get_app_config("directory")


def make_referrals(partner):
    typed = ReferralFactory(
        organisation=partner, resident_name="Typed Phone", resident_phone="07700 900 982"
    )
    texted = ReferralFactory(
        organisation=partner,
        resident_name="Texts Only",
        resident_phone="",
        texts_to=WHO.mobile,
        texts_consent_text="Text me",
    )
    referred = ReferralFactory(
        organisation=partner, referrer_name="Sam Adviser", referrer_phone="+44 (0)7700-900982"
    )
    abroad = ReferralFactory(
        organisation=partner, resident_name="Elsewhere", resident_phone="+33 7700 900982"
    )
    OutgoingText.objects.create(purpose="referral-received", to=WHO.mobile, body="We got it.")
    return typed, texted, referred, abroad


def test_found_by_number_as_resident_or_referrer_in_two_queries(
    partner_a, django_assert_num_queries
):
    make_referrals(partner_a)
    with django_assert_num_queries(2):
        referrals_of(WHO)
    records = hooks().personal_data(WHO)
    assert sorted((record["record"], record["name"]) for record in records) == [
        ("Referral", "Texts Only"),
        ("Referral", "Typed Phone"),
        ("Referral made", "Sam Adviser"),
    ]
    texted = next(record for record in records if record["name"] == "Texts Only")
    assert texted["texts sent"].endswith("We got it.")


def test_erased_by_number_exactly_as_exported(partner_a):
    typed, texted, referred, abroad = make_referrals(partner_a)
    assert hooks().erase_personal_data(WHO) == 3
    typed, texted, referred, abroad = (
        Referral.objects.get(pk=referral.pk) for referral in (typed, texted, referred, abroad)
    )
    assert (typed.resident_name, typed.resident_phone) == (ERASED, "")
    assert (texted.resident_name, texted.texts_to) == (ERASED, "")
    assert (referred.referrer_name, referred.referrer_phone) == (ERASED, "")
    assert referred.resident_name != ERASED
    assert (abroad.resident_name, abroad.resident_phone) == ("Elsewhere", "+33 7700 900982")
    assert not OutgoingText.objects.exists()
    assert hooks().personal_data(WHO) == []
