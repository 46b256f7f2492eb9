"""The skills check and learning at home in the period: checks finished,
which areas came out weakest, and learning-at-home resources started from
the site. Each finished check is one row with its day and weakest areas
and nothing about who (learning/models/counts.py); starts are counted per
resource per day (learning/starts.py). Small counts are suppressed like
any other count of people."""

from django.db.models import Sum

from learning.models import FinishedCheck, ResourceStartDay
from training.framework import SKILL_AREAS

from .tables import Row, Table, counted


def finished_in(period):
    return FinishedCheck.objects.filter(finished_on__gte=period.start, finished_on__lte=period.end)


def summary_table(period, finished):
    starts = ResourceStartDay.objects.filter(day__gte=period.start, day__lte=period.end).aggregate(
        total=Sum("count")
    )["total"]
    return Table(
        slug="skills-checks",
        title="Skills checks and learning at home",
        label_heading="Figure",
        value_heading="Number",
        rows=(
            Row("Skills checks finished", len(finished), about_people=True),
            Row("Learning-at-home resources started", starts or 0, about_people=True),
        ),
        description=(
            "A resource is started when someone follows its link from the learn-at-home "
            "page or a skills check result; no cookie is set, so one person can start "
            "several."
        ),
    )


def weakest_table(finished):
    # The framework's areas and names: fixed by the framework (training/framework.py).
    names = {slug: name for slug, name, _description in SKILL_AREAS}
    counts = dict.fromkeys(names, 0)
    for areas in finished:
        for slug in set(areas or ()):
            if slug in counts:
                counts[slug] += 1
    return counted(
        "skills-check-weakest",
        "Skills checks by weakest area",
        "Skill area",
        "Checks",
        [(names[slug], count) for slug, count in counts.items()],
        about_people=True,
        description="A check names up to two weakest areas, so these add up to more than "
        "the checks finished.",
    )


def tables(period):
    finished = list(finished_in(period).values_list("weakest_areas", flat=True))
    return [summary_table(period, finished), weakest_table(finished)]
