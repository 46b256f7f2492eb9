"""Learning resources whose "last checked" date is as old as a stale
listing's: they join the coordinators' reminder about stale listings
(directory/stale_listings.py, manage.py remind_stale_listings), registered
from LearningConfig.ready(). Hidden resources are included: a coordinator
still has to fix or remove them."""

from django.urls import reverse

from directory.stale_listings import StaleEntry
from learning.models import LearningResource

SINGULAR = "learning resource"


def checked_before(date):
    return [
        StaleEntry(
            title=resource.title,
            last_checked=resource.last_checked,
            edit_path=reverse("wagtailsnippets_learning_learningresource:edit", args=[resource.pk]),
        )
        for resource in LearningResource.objects.filter(last_checked__lt=date).order_by(
            "last_checked", "title", "pk"
        )
    ]
