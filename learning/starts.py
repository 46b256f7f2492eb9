"""Counting starts: one more for a resource today, when a resident follows
its link from this site. A count per resource per day, nothing else."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from learning.models import ResourceStartDay


def count_start(resource, today=None):
    today = today or timezone.localdate()
    rows = ResourceStartDay.objects.filter(resource=resource, day=today)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            ResourceStartDay.objects.create(resource=resource, day=today, count=1)
    except IntegrityError:  # another request made today's row first
        rows.update(count=F("count") + 1)
