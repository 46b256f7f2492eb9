"""What partners and coordinators do with a referral, as plain functions:
move its status, decline it (back to the coordinators), close it with an
outcome, add a note, send it to another partner, and record that someone
looked at it. Each writes a ReferralEvent, so the audit trail is complete.

Who may see a referral lives here too: every admin queryset starts from
`referrals_for(user)`."""

import datetime

from django.db import transaction
from django.utils import timezone

from directory.permissions import organisations_edited_by, sees_everything, works_in_partnership

from .models import Referral, ReferralEvent

Status = Referral.Status
NEXT = {
    Status.NEW: [Status.ACCEPTED, Status.DECLINED, Status.CLOSED],
    Status.ACCEPTED: [Status.CONTACTED, Status.DECLINED, Status.CLOSED],
    Status.CONTACTED: [Status.SUPPORTED, Status.CLOSED],
    Status.SUPPORTED: [Status.CLOSED],
    Status.DECLINED: [Status.CLOSED],
    Status.CLOSED: [],
}
WAITING_FOR_CONTACT = [Status.NEW, Status.ACCEPTED]
WORKING_DAYS_TO_CONTACT = 5


class NotAllowed(ValueError):
    """A change that the referral's state does not allow; the message is
    written for the person who asked for it."""


def referrals_for(user):
    """Coordinators see every referral; partner staff their organisations'."""
    if sees_everything(user):
        return Referral.objects.all()
    return Referral.objects.filter(organisation__in=organisations_edited_by(user))


def may_use_inbox(user):
    return works_in_partnership(user)


def working_days_before(moment, days):
    """The moment `days` working days (Monday to Friday) before `moment`."""
    while days:
        moment -= datetime.timedelta(days=1)
        if moment.weekday() < 5:
            days -= 1
    return moment


def overdue(referrals, now=None):
    """Referrals nobody has contacted within 5 working days of arriving."""
    cutoff = working_days_before(timezone.localtime(now or timezone.now()), WORKING_DAYS_TO_CONTACT)
    return referrals.filter(status__in=WAITING_FOR_CONTACT, created_at__lt=cutoff)


def is_overdue(referral, now=None):
    cutoff = working_days_before(timezone.localtime(now or timezone.now()), WORKING_DAYS_TO_CONTACT)
    return referral.status in WAITING_FOR_CONTACT and referral.created_at < cutoff


def record(referral, user, kind, **fields):
    return ReferralEvent.objects.create(referral=referral, user=user, kind=kind, **fields)


def record_view(referral, user):
    return record(referral, user, ReferralEvent.Kind.VIEWED)


@transaction.atomic
def change_status(referral, user, to_status, reason="", outcome="", now=None):
    """Move a referral on. Declining needs a reason and sends the referral
    back to the coordinators; closing needs an outcome."""
    now = now or timezone.now()
    if to_status not in NEXT[referral.status]:
        raise NotAllowed(
            f"A {referral.get_status_display().lower()} referral cannot be moved to "
            f"{Status(to_status).label.lower()}."
        )
    if to_status == Status.DECLINED and not reason.strip():
        raise NotAllowed("Give a reason for declining the referral.")
    if to_status == Status.CLOSED and not outcome:
        raise NotAllowed("Choose an outcome to close the referral.")
    from_status = referral.status
    referral.status = to_status
    if to_status == Status.DECLINED:
        referral.organisation = None
    if to_status == Status.CONTACTED and referral.contacted_at is None:
        referral.contacted_at = now
    if to_status == Status.CLOSED:
        referral.outcome = outcome
        referral.closed_at = now
    referral.save()
    text = reason.strip()
    if outcome:
        text = f"Outcome: {Referral.Outcome(outcome).label}. {text}".strip()
    return record(
        referral,
        user,
        ReferralEvent.Kind.STATUS,
        created_at=now,
        from_status=from_status,
        to_status=to_status,
        text=text,
    )


@transaction.atomic
def reroute(referral, user, organisation, reason):
    """Send the referral to another partner (None: the coordinators); it
    starts again as new there."""
    if not reason.strip():
        raise NotAllowed("Give a reason for sending the referral to another partner.")
    if referral.status == Status.CLOSED:
        raise NotAllowed("A closed referral cannot be sent to another partner.")
    if organisation is not None and not organisation.accepts_referrals:
        raise NotAllowed(f"{organisation.title} does not accept referrals.")
    from_status = referral.status
    referral.organisation = organisation
    referral.status = Status.NEW
    referral.save()
    return record(
        referral,
        user,
        ReferralEvent.Kind.REROUTED,
        organisation=organisation,
        from_status=from_status,
        to_status=Status.NEW,
        text=reason.strip(),
    )


def add_note(referral, user, text):
    if not text.strip():
        raise NotAllowed("Write the note first.")
    return record(referral, user, ReferralEvent.Kind.NOTE, text=text.strip())
