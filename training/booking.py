"""Booking places on sessions: capacity, the waiting list and cancellation.

Each booking or cancellation is one transaction that first locks the
session's row, so two people can never both take its last place:

- PostgreSQL: SELECT … FOR UPDATE on the session row; other app servers'
  transactions for the same session wait for it.
- SQLite has no row locks, and ignores FOR UPDATE; there every transaction
  starts with BEGIN IMMEDIATE (see settings), so writers queue for the
  database's single write lock before they count the places.

The person's details are validated by the form; this module decides their
status and never half-saves: a booking exists in full or not at all."""

import dataclasses

from django.db import IntegrityError, transaction
from django.utils import timezone

from training.models import Booking, Session, contact_key
from training.signals import course_completed

Status = Booking.Status


class BookingRefused(Exception):
    """The session cannot take bookings; the message says why, for the person."""


@dataclasses.dataclass(frozen=True)
class Booked:
    booking: Booking
    created: bool  # False: this person had already booked; nothing changed


def _locked_session(session_pk):
    # Only the session's row is locked (PostgreSQL cannot lock the empty
    # side of the outer joins to its course or host page).
    return (
        Session.objects.select_for_update(of=("self",))
        .select_related("page", "host_page")
        .get(pk=session_pk)
    )


def book(
    session_pk,
    *,
    name,
    email="",
    phone="",
    accessibility_needs="",
    consent_text,
    texts_to="",
    texts_consent_text="",
    now=None,
):
    """A place if one is free, else a place on the waiting list; the same
    person booking the same session again gets their existing booking."""
    now = now or timezone.now()
    key = contact_key(email, phone)
    try:
        with transaction.atomic():
            session = _locked_session(session_pk)
            if session.start <= now:
                raise BookingRefused(
                    "This session has already started, so it cannot be booked. "
                    "Choose another session."
                )
            page = session.booked_through
            if not page.live:
                raise BookingRefused(f"This {page.booking_noun} is no longer taking bookings.")
            if page.booking_closed_reason:
                raise BookingRefused(page.booking_closed_reason)
            existing = _live_booking(session, key)
            if existing:
                return Booked(existing, created=False)
            full = confirmed_count(session) >= session.capacity
            booking = Booking.objects.create(
                session=session,
                name=name,
                email=email,
                phone=phone,
                contact_key=key,
                accessibility_needs=accessibility_needs,
                consent_text=consent_text,
                texts_to=texts_to,
                texts_consent_text=texts_consent_text if texts_to else "",
                texts_consented_at=now if texts_to else None,
                # created_at defaults to now, taken inside the lock: the
                # waiting list's order is the order people got the lock.
                status=Status.WAITING if full else Status.CONFIRMED,
            )
            return Booked(booking, created=True)
    except IntegrityError:
        # The unique constraint caught a twin request from the same person
        # that committed first; theirs is the booking.
        existing = _live_booking(Session.objects.get(pk=session_pk), key)
        if existing is None:
            raise
        return Booked(existing, created=False)


def _live_booking(session, key):
    return (
        Booking.objects.filter(session=session, contact_key=key)
        .exclude(status=Status.CANCELLED)
        .first()
    )


def confirmed_count(session):
    return Booking.objects.filter(session=session, status=Status.CONFIRMED).count()


def cancel(reference, now=None):
    """Cancel a booking; a freed place goes to the first person waiting.
    Returns (booking, [people promoted]); cancelling twice changes nothing."""
    now = now or timezone.now()
    session_pk = Booking.objects.values_list("session_id", flat=True).get(reference=reference)
    with transaction.atomic():
        session = _locked_session(session_pk)  # the same lock order as book()
        booking = Booking.objects.get(reference=reference)
        if booking.status == Status.CANCELLED:
            return booking, []
        booking.status = Status.CANCELLED
        booking.status_changed_at = now
        booking.save(update_fields=["status", "status_changed_at"])
        promoted = _fill_places(session, now) if session.start > now else []
    return booking, promoted


def fill_places(session_pk, now=None):
    """Offer free places to the waiting list in order (after a cancellation,
    or when an editor raises a session's capacity). Returns who got one."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _locked_session(session_pk)
        if session.start <= now:
            return []
        return _fill_places(session, now)


def _fill_places(session, now):
    free = session.capacity - confirmed_count(session)
    if free <= 0:
        return []
    promoted = list(
        Booking.objects.filter(session=session, status=Status.WAITING).order_by("created_at", "pk")[
            :free
        ]
    )
    for booking in promoted:
        booking.status = Status.CONFIRMED
        booking.status_changed_at = now
        booking.save(update_fields=["status", "status_changed_at"])
    return promoted


def record_register(session, marks, user=None):
    """Save who attended and who completed, {booking pk: (attended,
    completed)}, for live bookings on this session only. Tells listeners
    (the champions register) about each newly completed booking."""
    with transaction.atomic():
        bookings = Booking.objects.select_for_update().filter(
            session=session, pk__in=list(marks), status=Status.CONFIRMED
        )
        changed = 0
        for booking in bookings:
            attended, completed = marks[booking.pk]
            newly_completed = completed and not booking.completed
            if (attended, completed) != (booking.attended, booking.completed):
                booking.attended, booking.completed = attended, completed
                booking.save(update_fields=["attended", "completed"])
                changed += 1
            if newly_completed:
                course_completed.send(sender=Booking, booking=booking, user=user)
    return changed
