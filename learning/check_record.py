"""What a finished skills check leaves: the day and the weakest areas
(models/counts.py), once per check, however often the result is seen."""

from django.utils import timezone

from learning.models import FinishedCheck

COUNTED = "counted"


def count_once(draft, weakest_results):
    """Record the finished check unless this draft already was; True when
    it was recorded now."""
    if draft.get(COUNTED):
        return False
    FinishedCheck.objects.create(
        finished_on=timezone.localdate(),
        weakest_areas=[result.area.slug for result in weakest_results],
    )
    draft[COUNTED] = True
    return True
