"""Moving champions along the pipeline. Every change goes through
`change_status`, so each one is recorded with who made it and when."""

from django.db import transaction
from django.utils import timezone

from .models import Status, StatusChange

# Statuses before training: completing champion training moves on from these.
BEFORE_TRAINING = (Status.APPLIED, Status.CONTACTED, Status.SCREENING, Status.TRAINING_BOOKED)


@transaction.atomic
def change_status(
    champion, to_status, *, by=None, source=StatusChange.Source.ADMIN, when=None, trained_on=None
):
    """Move a champion to `to_status` and record it. Moving to "trained"
    sets the training date: `trained_on`, else the one already known, else
    today. Returns the StatusChange, or None when the champion already had
    that status."""
    if champion.status == to_status:
        return None
    when = when or timezone.now()
    change = StatusChange.objects.create(
        champion=champion,
        from_status=champion.status,
        to_status=to_status,
        changed_at=when,
        changed_by=by if by is not None and by.is_authenticated else None,
        source=source,
    )
    champion.status = to_status
    champion.status_changed_at = when
    fields = ["status", "status_changed_at", "updated_at"]
    if to_status == Status.TRAINED:
        champion.trained_on = trained_on or champion.trained_on or timezone.localdate(when)
        fields.append("trained_on")
    champion.save(update_fields=fields)
    return change


def record_training(champion, trained_on, by=None):
    """Champion training is complete: a champion who had not yet trained
    moves to "trained" on that date; one who had moved on (active, paused,
    left) keeps their status and gains the date if it was missing. `by` is
    whoever marked the course completed, if known."""
    if champion.status in BEFORE_TRAINING:
        change_status(
            champion,
            Status.TRAINED,
            by=by,
            source=StatusChange.Source.COURSE,
            trained_on=trained_on,
        )
    elif champion.trained_on is None:
        champion.trained_on = trained_on
        champion.save(update_fields=["trained_on", "updated_at"])
