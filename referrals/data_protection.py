"""Referrals' part in data protection (see website/personal_data.py): one
person's records for a subject access request, erasure, and retention
(12 months after closure by default, Settings > Data protection).

Erasing anonymises rather than deletes: names, contact details, free text,
access needs, language, a skills check's results, the mobile for texts and
the texts sent to it go; the reference, dates, status, outcome, barriers,
goals, receiving partner, postcode district and the audit trail (without
note text) stay, so the partnership can still count referrals and
outcomes."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from directory import geo
from website import texts
from website.personal_data import ERASED, months_before

from .models import Referral, ReferralEvent

RESIDENT_FIELDS = ["resident_phone", "resident_email", "resident_address", "other_needs"]
TEXTS_FIELDS = {"texts_to": "", "texts_consent_text": "", "texts_consented_at": None}
REFERRER_FIELDS = ["referrer_organisation", "referrer_role", "referrer_email", "referrer_phone"]


def resident_record(referral):
    return {
        "record": "Referral",
        "reference": referral.reference,
        "received": referral.created_at,
        "name": referral.resident_name,
        "contact by": referral.get_contact_method_display(),
        "phone": referral.resident_phone,
        "email": referral.resident_email,
        "address": referral.resident_address,
        "postcode": referral.postcode,
        "age": referral.get_age_band_display(),
        "what stops them getting online": referral.barrier_list,
        "skills check": referral.skills_check_list,
        "what they want to do online": referral.goal_list,
        "preferred support": referral.support_list,
        "availability": referral.availability,
        "access needs": ", ".join(f.name for f in referral.accessibility_needs.all()),
        "language": referral.language.name if referral.language else "",
        "anything else": referral.other_needs,
        "referred by": referral.referrer_name,
        "sent to": referral.receiver_name,
        "status": referral.get_status_display(),
        "outcome": referral.get_outcome_display(),
        "consent wording": referral.consent_text,
        "consented at": referral.consented_at,
        "texts to": referral.texts_to,
        "texts consent wording": referral.texts_consent_text,
        "texts consented at": referral.texts_consented_at,
        "texts sent": "\n\n".join(texts_sent(referral)),
    }


def texts_sent(referral):
    """The texts still kept that went to the referral's mobile: when, and
    what they said."""
    if not referral.texts_to:
        return []
    return [
        f"{text.created_at:%d %B %Y %H:%M}: {text.body}"
        for text in texts.to_number(referral.texts_to).order_by("created_at", "pk")
    ]


def referrer_record(referral):
    """What a referral holds about the person who made it (and nothing
    about the resident, whose data it is)."""
    return {
        "record": "Referral made",
        "reference": referral.reference,
        "made": referral.created_at,
        "name": referral.referrer_name,
        "organisation": referral.referrer_organisation,
        "role": referral.referrer_role,
        "email": referral.referrer_email,
        "phone": referral.referrer_phone,
    }


def is_resident(referral, who):
    """Whether the referral is about this person: their email, the phone
    they gave, or the mobile they get texts on."""
    if who.email:
        return referral.resident_email.lower() == who.email
    return referral.texts_to == who.mobile or who.has_phone(referral.resident_phone)


def is_referrer(referral, who):
    if who.email:
        return referral.referrer_email.lower() == who.email
    return who.has_phone(referral.referrer_phone)


def referrals_of(who):
    """The referrals that name this person as resident or referrer, each
    with whether it is as one or the other (one query, and one for access
    needs; typed phones are checked here, website/data_subject.py)."""
    if who.email:
        candidates = Q(resident_email__iexact=who.email) | Q(referrer_email__iexact=who.email)
    else:
        candidates = Q(texts_to=who.mobile) | who.phone_rows("resident_phone", "referrer_phone")
    referrals = Referral.objects.filter(candidates).select_related("organisation", "language")
    return [
        (referral, is_resident(referral, who), is_referrer(referral, who))
        for referral in referrals.prefetch_related("accessibility_needs")
    ]


def personal_data(who):
    found = []
    for referral, resident, referrer in referrals_of(who):
        if resident:
            found.append(resident_record(referral))
        if referrer:
            found.append(referrer_record(referral))
    return found


@transaction.atomic
def erase_personal_data(who):
    count = 0
    for referral, resident, referrer in referrals_of(who):
        # Anonymising a resident's referral erases its referrer's details too.
        if resident:
            anonymise(referral)
        elif referrer:
            erase_referrer(referral)
        count += resident or referrer
    return count


def erase_referrer(referral):
    referral.referrer_name = ERASED
    for name in REFERRER_FIELDS:
        setattr(referral, name, "")
    referral.save()
    ReferralEvent.objects.create(
        referral=referral, kind=ReferralEvent.Kind.ANONYMISED, text="Referrer's details erased."
    )


@transaction.atomic
def apply_retention(settings, now):
    cutoff = months_before(now, settings.referral_retention_months)
    expired = Referral.objects.filter(
        status=Referral.Status.CLOSED, closed_at__lt=cutoff, anonymised_at__isnull=True
    )
    count = 0
    for referral in expired:
        anonymise(referral, now)
        count += 1
    return count


def anonymise(referral, now=None):
    """Erase everything that identifies the resident or the referrer."""
    now = now or timezone.now()
    if referral.texts_to:
        texts.to_number(referral.texts_to).delete()
    referral.resident_name = ERASED
    referral.referrer_name = ERASED if referral.referrer_name else ""
    for name, value in TEXTS_FIELDS.items():
        setattr(referral, name, value)
    for name in [*RESIDENT_FIELDS, *REFERRER_FIELDS]:
        setattr(referral, name, "")
    try:
        referral.postcode = geo.outward_code(referral.postcode)
    except geo.PostcodeError:
        referral.postcode = ""
    referral.language = None
    referral.matches = []
    referral.eligibility = []
    referral.skills_check = []
    referral.anonymised_at = now
    referral.save()
    referral.accessibility_needs.clear()
    referral.events.filter(kind=ReferralEvent.Kind.NOTE).update(text="")
    referral.events.filter(kind=ReferralEvent.Kind.STATUS).update(text="")
    ReferralEvent.objects.create(
        referral=referral, kind=ReferralEvent.Kind.ANONYMISED, created_at=now
    )
