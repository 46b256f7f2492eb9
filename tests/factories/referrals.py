"""Factories for referrals. A referral needs no routing to exist: give it
an organisation (or none, for the coordinators) and the answers."""

import factory
from django.utils import timezone

from referrals.forms import CONSENT_WORDING
from referrals.models import Referral, ReferralEvent


class ReferralFactory(factory.django.DjangoModelFactory):
    mode = Referral.Mode.REFERRER
    referrer_name = factory.Faker("name", locale="en_GB")
    referrer_organisation = "Chorley Jobcentre"
    referrer_role = "Work coach"
    referrer_email = factory.Sequence(lambda n: f"referrer{n}@example.org")
    resident_name = factory.Faker("name", locale="en_GB")
    contact_method = Referral.Contact.PHONE
    resident_phone = "01632 960 123"
    postcode = "PR7 1DP"
    barriers = factory.LazyFunction(lambda: ["no_device", "low_skills"])
    goals = factory.LazyFunction(lambda: ["benefits"])
    consent_text = CONSENT_WORDING
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Referral


class ReferralEventFactory(factory.django.DjangoModelFactory):
    referral = factory.SubFactory(ReferralFactory)
    kind = ReferralEvent.Kind.NOTE
    text = "Left a voicemail."

    class Meta:
        model = ReferralEvent
