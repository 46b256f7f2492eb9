"""Turning a completed referral form into a Referral: locate the postcode,
route, save the referral with its matches and the first line of its audit
trail. Plain values in; the views and notifications stay thin."""

from django.db import transaction
from django.utils import timezone

from directory import geo
from directory.models import AccessPointPage

from . import routing
from .candidates import route_needs
from .models import Referral, ReferralEvent

PLAIN_FIELDS = [
    "referrer_name",
    "referrer_organisation",
    "referrer_kind",
    "referrer_role",
    "referrer_email",
    "referrer_phone",
    "resident_name",
    "contact_method",
    "resident_phone",
    "resident_email",
    "resident_address",
    "postcode",
    "age_band",
    "barriers",
    "goals",
    "preferred_support",
    "available_days",
    "available_times",
    "other_needs",
]


def locate(postcode):
    """The postcode's location, or None when our data does not hold it (a
    new or Northern Irish postcode): routing then ignores distance."""
    try:
        return geo.locate(postcode)
    except geo.PostcodeError:
        return None


def needs_from(details, requested_place_id=None):
    """routing.Needs from the details form's cleaned data."""
    location = locate(details["postcode"])
    language = details.get("language")
    return routing.Needs(
        barriers=frozenset(details.get("barriers") or ()),
        goals=frozenset(details.get("goals") or ()),
        support=frozenset(details.get("preferred_support") or ()),
        days=frozenset(details.get("available_days") or ()),
        times=frozenset(details.get("available_times") or ()),
        accessibility={f.slug: f.name for f in details.get("accessibility_needs") or ()},
        language=language.slug if language else "",
        language_name=language.name if language else "",
        latitude=location.latitude if location else None,
        longitude=location.longitude if location else None,
        age_band=details.get("age_band") or "",
        requested_place_id=requested_place_id,
    )


def requested_place(place_id):
    """The live access point a referral was started from, if any."""
    if not str(place_id or "").isdigit():
        return None
    return AccessPointPage.objects.live().public().filter(pk=int(place_id)).first()


@transaction.atomic
def submit(mode, consent_text, consented_at, details, requested=None, now=None, skills=()):
    """Save the referral with its matches; returns (referral, routing).
    `skills`: where the resident is in each area of a skills check run in
    the referral (skills_check.summary), or nothing."""
    now = now or timezone.now()
    result = route_needs(needs_from(details, requested.pk if requested else None), now)
    referral = Referral(
        mode=mode,
        consent_text=consent_text,
        consented_at=consented_at,
        requested_listing=requested,
        language=details.get("language"),
        matches=[match.as_dict() for match in [*result.places, *result.courses]],
        eligibility=result.notes,
        skills_check=list(skills),
        organisation_id=result.organisation_id,
        created_at=now,
        texts_to=details.get("texts_to") or "",
        texts_consent_text=details.get("texts_consent_text", "") if details.get("texts_to") else "",
        texts_consented_at=now if details.get("texts_to") else None,
        **{name: details.get(name) or empty(name) for name in PLAIN_FIELDS},
    )
    while Referral.objects.filter(reference=referral.reference).exists():
        referral.reference = Referral._meta.get_field("reference").default()
    referral.save()
    referral.accessibility_needs.set(details.get("accessibility_needs") or [])
    ReferralEvent.objects.create(
        referral=referral,
        kind=ReferralEvent.Kind.CREATED,
        created_at=now,
        to_status=referral.status,
        organisation_id=referral.organisation_id,
        text=f"Sent to {referral.receiver_name}.",
    )
    return referral, result


LIST_FIELDS = {"barriers", "goals", "preferred_support", "available_days", "available_times"}


def empty(name):
    return [] if name in LIST_FIELDS else ""
