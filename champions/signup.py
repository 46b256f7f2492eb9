"""Signing up as a champion. The same email address signing up again
updates the existing record rather than making a second one, so each
volunteer has one record and one history."""

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
    updated: bool  # True when the email address already had a record


def sign_up(data, consent_text, now=None):
    """Create or update the champion for `data["email"]` (cleaned form
    data). Someone who had left and signs up again starts from "applied"."""
    now = now or timezone.now()
    try:
        return _save_sign_up(data, consent_text, now)
    except IntegrityError:
        # The same address signed up at the same moment in another request,
        # and the database kept one record: update that one.
        return _save_sign_up(data, consent_text, now)


@transaction.atomic
def _save_sign_up(data, consent_text, now):
    email = data["email"].strip().lower()
    champion = Champion.objects.select_for_update().filter(email=email).first()
    updated = champion is not None
    if champion is None:
        champion = Champion(email=email, created_at=now, status_changed_at=now)
    for field, empty in VOLUNTEER_FIELDS.items():
        setattr(champion, field, data.get(field) or empty)
    champion.area = area_for_postcode(champion.postcode) if champion.postcode else None
    champion.consent_text = consent_text
    champion.consented_at = now
    champion.save()
    champion.skills.set(data.get("skills") or [])
    champion.languages.set(data.get("languages") or [])
    if not updated:
        StatusChange.objects.create(
            champion=champion,
            to_status=Status.APPLIED,
            changed_at=now,
            source=StatusChange.Source.SIGN_UP,
        )
    elif champion.status == Status.LEFT:
        change_status(champion, Status.APPLIED, source=StatusChange.Source.SIGN_UP, when=now)
    return SignUp(champion, updated)
