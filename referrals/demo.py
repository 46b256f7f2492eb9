"""Demo referrals: about 150, sent to the demo organisations (and some to
the coordinators) over the last eighteen months, in every status and with
every outcome, each with its audit trail. Called by `seed_demo` through
ReferralsConfig.seed_demo after the directory's demo; idempotent
(nothing is added once any referral exists) and repeatable (seed_demo fixes
the random seed)."""

import datetime

import factory.random
from django.db import transaction
from django.utils import timezone

from directory.models import AccessPointPage, OrganisationPage, Postcode
from referrals.models import Referral, ReferralEvent
from tests.factories.referrals import ReferralFactory

from . import choices
from .rules import install_default_rules

Status = Referral.Status
# How many referrals end in each status.
STATUS_COUNTS = {
    Status.NEW: 18,
    Status.ACCEPTED: 14,
    Status.DECLINED: 6,
    Status.CONTACTED: 16,
    Status.SUPPORTED: 16,
    Status.CLOSED: 80,
}
PATH = [Status.NEW, Status.ACCEPTED, Status.CONTACTED, Status.SUPPORTED, Status.CLOSED]
OUTCOMES = [value for value, _ in Referral.Outcome.choices if value]
# Five referrers, picked at random: as many as before organisation kinds
# were recorded, so the seeded random sequence (and the rest of the demo)
# stays the same.
REFERRERS = [
    ("Chorley Jobcentre", "Work coach", "jobcentre"),
    ("Chorley Council", "Housing officer", "council"),
    ("Leyland Library", "Librarian", "library"),
    ("Chorley Surgery", "Social prescriber", "health"),
    ("Age Concern Chorley", "Volunteer coordinator", "charity"),
]


@transaction.atomic
def build(stdout):
    install_default_rules(stdout)
    if Referral.objects.exists():
        return
    rng = factory.random.randgen
    organisations = list(OrganisationPage.objects.live().filter(accepts_referrals=True))
    places = {}
    for place in AccessPointPage.objects.live().order_by("path"):
        places.setdefault(place.path[: -place.steplen], place)
    postcodes = list(Postcode.objects.order_by("postcode").values_list("postcode", flat=True)[:200])
    now = timezone.now()
    number = 0
    for status, count in STATUS_COUNTS.items():
        for _ in range(count):
            number += 1
            # Older referrals have gone further; a few new ones are overdue.
            age = rng.randint(0, 12) if status == Status.NEW else rng.randint(10, 540)
            created = now - datetime.timedelta(days=age, hours=rng.randint(0, 8))
            organisation = None
            if organisations and number % 9 and status != Status.DECLINED:
                organisation = rng.choice(organisations)
            self_referral = number % 5 == 0
            place = places.get(organisation.path) if organisation else None
            referral = ReferralFactory(
                mode=Referral.Mode.SELF if self_referral else Referral.Mode.REFERRER,
                **referrer_fields(rng, self_referral, number),
                postcode=rng.choice(postcodes) if postcodes else "PR7 1DP",
                barriers=rng.sample([v for v, _ in choices.BARRIERS[:6]], rng.randint(1, 3)),
                goals=rng.sample([v for v, _ in choices.GOALS[:7]], rng.randint(1, 2)),
                preferred_support=rng.sample([v for v, _ in choices.SUPPORT], 1),
                available_days=sorted(rng.sample(range(6), rng.randint(1, 3))),
                organisation=organisation,
                created_at=created,
                consented_at=created,
                matches=[demo_match(place)] if place else [],
            )
            history(referral, status, rng)
    stdout.write(f"Added {number} demo referrals.\n")


def referrer_fields(rng, self_referral, number):
    if self_referral:
        return {
            "referrer_name": "",
            "referrer_organisation": "",
            "referrer_role": "",
            "referrer_email": "",
            "contact_method": Referral.Contact.EMAIL,
            "resident_email": f"resident{number}@example.org",
        }
    organisation, role, kind = rng.choice(REFERRERS)
    return {"referrer_organisation": organisation, "referrer_role": role, "referrer_kind": kind}


def demo_match(place):
    return {
        "kind": "place",
        "id": place.pk,
        "title": place.title,
        "organisation_id": None,
        "organisation": "",
        "reasons": [place.summary[:1].lower() + place.summary[1:].rstrip(".")],
        "distance": None,
        "url": place.url or "",
        "address": place.public_address,
        "phone": place.phone,
        "accepts_referrals": True,
    }


def history(referral, status, rng):
    """The events that took the referral to its status, a day or two apart."""
    moment = referral.created_at
    events = [
        ReferralEvent(
            referral=referral,
            kind=ReferralEvent.Kind.CREATED,
            created_at=moment,
            to_status=Status.NEW,
            text=f"Sent to {referral.receiver_name}.",
        )
    ]
    steps = [Status.DECLINED] if status == Status.DECLINED else PATH[1 : PATH.index(status) + 1]
    previous = Status.NEW
    for step in steps:
        moment += datetime.timedelta(days=rng.randint(1, 4), hours=rng.randint(0, 5))
        text = "No capacity this month." if step == Status.DECLINED else ""
        if step == Status.CONTACTED:
            referral.contacted_at = moment
        if step == Status.CLOSED:
            referral.outcome = rng.choice(OUTCOMES)
            referral.closed_at = moment
            text = f"Outcome: {referral.get_outcome_display()}."
        events.append(
            ReferralEvent(
                referral=referral,
                kind=ReferralEvent.Kind.STATUS,
                created_at=moment,
                from_status=previous,
                to_status=step,
                text=text,
            )
        )
        previous = step
    referral.status = status
    referral.save()
    ReferralEvent.objects.bulk_create(events)
