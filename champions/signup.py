"""Signing up as a champion. Each email address has one record and one
history. The public form only ever creates: signing up again with a
registered address changes nothing (whoever typed it), and the volunteer is
emailed a link to change their details (`update_details`, links.py)."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from .areas import area_for_postcode
from .models import Champion, Status, StatusChange
from .pipeline import change_status

# Fields a volunteer fills in, copied from the sign-up form, with what an
# empty answer stores.
VOLUNTEER_FIELDS = {
    "name": "",
    "phone": "",
    "postcode": "",
    "available_days": [],
    "available_times": [],
    "availability_notes": "",
    "preferred_host": None,
    "experience": "",
    "heard_about": "",
}


@dataclass(frozen=True)
class SignUp:
    champion: Champion
    already_registered: bool  # True: the address had a record, left unchanged


def sign_up(data, consent_text, now=None):
    """The new champion for `data["email"]` (cleaned form data), or the
    existing one, untouched."""
    now = now or timezone.now()
    email = data["email"].strip().lower()
    existing = Champion.objects.filter(email=email).first()
    if existing:
        return SignUp(existing, already_registered=True)
    try:
        with transaction.atomic():
            champion = Champion(email=email, created_at=now, status_changed_at=now)
            _fill(champion, data, consent_text, now)
            StatusChange.objects.create(
                champion=champion,
                to_status=Status.APPLIED,
                changed_at=now,
                source=StatusChange.Source.SIGN_UP,
            )
    except IntegrityError:
        # The same address signed up at the same moment in another request,
        # and the database kept that one.
        return SignUp(Champion.objects.get(email=email), already_registered=True)
    return SignUp(champion, already_registered=False)


@transaction.atomic
def update_details(champion, data, consent_text, now=None):
    """The volunteer's own changes, made through the link emailed to them.
    Someone who had left starts again from "applied"."""
    now = now or timezone.now()
    champion = Champion.objects.select_for_update().get(pk=champion.pk)
    _fill(champion, data, consent_text, now)
    if champion.status == Status.LEFT:
        change_status(champion, Status.APPLIED, source=StatusChange.Source.SIGN_UP, when=now)
    return champion


def _fill(champion, data, consent_text, now):
    for field, empty in VOLUNTEER_FIELDS.items():
        setattr(champion, field, data.get(field) or empty)
    champion.area = area_for_postcode(champion.postcode) if champion.postcode else None
    champion.consent_text = consent_text
    champion.consented_at = now
    texts_to = data.get("texts_to") or ""
    if texts_to != champion.texts_to or not texts_to:
        champion.texts_to = texts_to
        champion.texts_consent_text = data.get("texts_consent_text", "") if texts_to else ""
        champion.texts_consented_at = now if texts_to else None
    champion.save()
    champion.skills.set(data.get("skills") or [])
    champion.languages.set(data.get("languages") or [])


def current_answers(champion):
    """The champion's details as the sign-up form's initial values."""
    answers = {field: getattr(champion, field) for field in VOLUNTEER_FIELDS}
    answers["preferred_host"] = champion.preferred_host_id
    answers["email"] = champion.email
    answers["skills"] = list(champion.skills.values_list("pk", flat=True))
    answers["languages"] = list(champion.languages.values_list("pk", flat=True))
    answers["wants_texts"] = bool(champion.texts_to)
    return answers
