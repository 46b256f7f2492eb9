"""One person's referrals (find, export, erase) and the retention schedule:
anonymising keeps what the partnership counts."""

import datetime

from django.apps import apps
from django.utils import timezone

from referrals import inbox
from referrals.models import Referral, ReferralEvent
from tests.factories.referrals import ReferralEventFactory, ReferralFactory
from website import personal_data
from website.data_subject import Person
from website.models import DataProtectionSettings


def hooks():
    return apps.get_app_config("directory")


def test_retention_defaults_to_twelve_months(db):
    assert DataProtectionSettings().referral_retention_months == 12


def test_a_resident_and_a_referrer_each_find_only_their_own_data(partner_a):
    ReferralFactory(
        organisation=partner_a,
        resident_name="Zofia Nowak",
        resident_email="Zofia@example.org",
        referrer_email="sam@example.org",
        referrer_name="Sam Adviser",
    )

    resident = personal_data.find(Person.typed("zofia@example.org"))[
        "Directory of access points and referrals"
    ]
    referrer = hooks().personal_data(Person.typed("sam@example.org"))

    assert resident[0]["name"] == "Zofia Nowak"
    assert resident[0]["referred by"] == "Sam Adviser"
    assert referrer == [
        {
            "record": "Referral made",
            "reference": referrer[0]["reference"],
            "made": referrer[0]["made"],
            "name": "Sam Adviser",
            "organisation": "Chorley Jobcentre",
            "role": "Work coach",
            "email": "sam@example.org",
            "phone": "",
        }
    ]


def test_erasing_a_resident_keeps_the_counts(partner_a, lender):
    referral = ReferralFactory(
        organisation=partner_a,
        resident_name="Zofia Nowak",
        resident_email="zofia@example.org",
        other_needs="Recently bereaved.",
        matches=[{"title": "Somewhere", "reasons": ["speaks Polish"]}],
    )
    ReferralEventFactory(referral=referral, text="Her son rang back.")

    assert hooks().erase_personal_data(Person.typed("zofia@example.org")) == 1

    referral.refresh_from_db()
    assert referral.resident_name == personal_data.ERASED
    assert referral.resident_email == referral.resident_phone == referral.other_needs == ""
    assert referral.postcode == "PR7"
    assert referral.matches == []
    assert referral.barriers == ["no_device", "low_skills"]
    assert referral.organisation == partner_a
    assert referral.events.get(kind="note").text == ""
    assert referral.events.filter(kind=ReferralEvent.Kind.ANONYMISED).exists()
    assert hooks().personal_data(Person.typed("zofia@example.org")) == []


def test_retention_anonymises_referrals_closed_over_twelve_months_ago(partner_a):
    now = timezone.now()
    old = ReferralFactory(organisation=partner_a, resident_name="Old")
    recent = ReferralFactory(organisation=partner_a, resident_name="Recent")
    still_open = ReferralFactory(organisation=partner_a, resident_name="Open")
    for referral, days in ((old, 400), (recent, 300)):
        inbox.change_status(referral, None, "closed", outcome="got_online")
        Referral.objects.filter(pk=referral.pk).update(
            closed_at=now - datetime.timedelta(days=days)
        )
    Referral.objects.filter(pk=still_open.pk).update(created_at=now - datetime.timedelta(days=900))

    count = hooks().apply_retention(DataProtectionSettings.load(), now)

    assert count == 1
    names = dict(Referral.objects.values_list("pk", "resident_name"))
    assert names == {old.pk: personal_data.ERASED, recent.pk: "Recent", still_open.pk: "Open"}
    assert Referral.objects.get(pk=old.pk).outcome == "got_online"
    assert hooks().apply_retention(DataProtectionSettings.load(), now) == 0


def test_overdue_counts_working_days_only(partner_a):
    friday = timezone.make_aware(datetime.datetime(2026, 11, 20, 10))
    referral = ReferralFactory(organisation=partner_a, created_at=friday)

    next_thursday = friday + datetime.timedelta(days=6)
    next_friday_after = friday + datetime.timedelta(days=7, hours=1)

    assert not inbox.is_overdue(referral, next_thursday)
    assert inbox.is_overdue(referral, next_friday_after)
    inbox.change_status(referral, None, "accepted")
    inbox.change_status(referral, None, "contacted")
    assert not inbox.is_overdue(referral, next_friday_after)
