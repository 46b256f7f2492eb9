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


def _of(email):
    return Booking.objects.filter(Q(email__iexact=email) | Q(contact_key=email))


def personal_data(email):
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
        for booking in _of(email).select_related("session", "session__page", "session__host_page")
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


def erase_personal_data(email):
    return _anonymise(_of(email))


def apply_retention(settings, now):
    """Bookings for sessions that ended more than the retention period ago."""
    cutoff = months_before(now, settings.booking_retention_months)
    expired = Booking.objects.filter(session__end__lt=cutoff).exclude(name=ERASED)
    return _anonymise(expired)
