"""Bookings under the partnership's data-protection rules (the hooks that
website/personal_data.py describes): find, erase and expire the personal
details in bookings, keeping that a place was booked, attended and
completed, which the partnership counts."""

from django.db.models import Q

from training.models import Booking
from website import texts
from website.personal_data import ERASED, months_before

PERSONAL_FIELDS = {
    "name": ERASED,
    "email": "",
    "phone": "",
    "accessibility_needs": "",
    "texts_to": "",
    "texts_consent_text": "",
    "texts_consented_at": None,
}


def _of(who):
    """The bookings for this person: by email, or by mobile in the typed
    phone or the number for texts (one query; typed phones checked here)."""
    if who.email:
        return list(
            _with_session(
                Booking.objects.filter(Q(email__iexact=who.email) | Q(contact_key=who.email))
            )
        )
    candidates = Booking.objects.filter(Q(texts_to=who.mobile) | who.phone_rows("phone"))
    return [
        booking
        for booking in _with_session(candidates)
        if booking.texts_to == who.mobile or who.has_phone(booking.phone)
    ]


def _with_session(bookings):
    return bookings.select_related("session", "session__page", "session__host_page")


def personal_data(who):
    return [
        {
            "course": booking.session.booked_through.title,
            "session": booking.session.when,
            "name": booking.name,
            "email": booking.email,
            "phone": booking.phone,
            "accessibility_needs": booking.accessibility_needs,
            "status": booking.get_status_display(),
            "booked_at": booking.created_at.isoformat(),
            "attended": booking.attended,
            "completed": booking.completed,
            "consent_text": booking.consent_text,
            "texts_to": booking.texts_to,
            "texts_consent_text": booking.texts_consent_text,
        }
        for booking in _of(who)
    ]


def _anonymise(bookings):
    count = 0
    for booking in bookings:
        if booking.texts_to:
            texts.to_number(booking.texts_to).delete()
        for field, value in PERSONAL_FIELDS.items():
            setattr(booking, field, value)
        # A unique, meaningless key keeps the one-booking-per-person rule
        # satisfied without saying who it was.
        booking.contact_key = f"erased:{booking.reference.hex}"
        booking.save(update_fields=[*PERSONAL_FIELDS, "contact_key"])
        count += 1
    return count


def erase_personal_data(who):
    return _anonymise(_of(who))


def apply_retention(settings, now):
    """Bookings for sessions that ended more than the retention period ago."""
    cutoff = months_before(now, settings.booking_retention_months)
    expired = Booking.objects.filter(session__end__lt=cutoff).exclude(name=ERASED)
    return _anonymise(expired)
