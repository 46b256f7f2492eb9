"""Learning at home on course and access point pages: each shows a few
resources for its Essential Digital Skills areas, with a link to the rest
on /learn-at-home/. LearningConfig.ready() registers these with
website/page_extras.py, so neither the courses nor the directory import
this app; the template part is learning/includes/page_resources.html.

- A course's areas are its own skill areas; resources at its level come
  first.
- An access point's areas are those of the courses with an upcoming
  session there, and those its services point to (SERVICE_AREAS): a place
  with computers to use or drop-in help suits foundation skills, help with
  online forms suits transacting, and so on. docs/learn-at-home.md lists
  the mapping.

A fixed number of queries whatever the page holds (the tests count them).
The anonymous page cache forgets these pages when any resource changes
(website/page_cache_receivers.py: every learning row but the counts)."""

from urllib.parse import urlencode

from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone

from learning.choices import LEVELS
from learning.models import LearningResource
from training.models import CoursePage, SkillArea

RESOURCES_SHOWN = 4
# Service type slugs (directory/demo_content.py) and the skill areas
# (training/framework.py) a place offering them helps with. A slug not
# here (a coordinator's own service type) points to none.
SERVICE_AREAS = {
    "public-computers": ("foundation",),
    "device-loans": ("foundation",),
    "free-wifi": ("foundation",),
    "free-data": ("foundation",),
    "drop-in": ("foundation", "communicating"),
    "one-to-one": ("foundation", "communicating"),
    "phone-help": ("foundation",),
    "printing": ("handling-information",),
    "online-forms": ("transacting",),
    "staying-safe": ("safe-and-legal",),
}


def resources_for(areas, first_level=""):
    """Listed resources in any of `areas` (SkillArea rows): at
    `first_level` first, then the easier levels first."""
    if not areas:
        return []
    order = [When(level=first_level, then=Value(-1))] if first_level else []
    order += [When(level=level, then=Value(rank)) for rank, (level, _) in enumerate(LEVELS)]
    return list(
        LearningResource.objects.listed()
        .filter(skill_areas__in=[area.pk for area in areas])
        .distinct()
        .annotate(fit=Case(*order, default=Value(len(LEVELS)), output_field=IntegerField()))
        .order_by("fit", "minutes", "title", "pk")[:RESOURCES_SHOWN]
    )


def context(areas, resources):
    if not resources:
        return {"learning_resources": []}
    query = urlencode([("area", area.slug) for area in areas])
    return {
        "learning_resources": resources,
        "learning_intro": about(areas),
        "learning_more_url": f"{reverse('learn_at_home')}?{query}",
    }


def about(areas):
    """The sentence above the resources, naming the areas in order."""
    which = "this skill area" if len(areas) == 1 else "these skill areas"
    names = ", ".join(area.name for area in areas)
    return f"Free or low-cost learning on other websites, for {which}: {names}."


def for_course(request, page):
    areas = list(page.skill_areas.all())
    return context(areas, resources_for(areas, page.level))


def areas_at_place(page):
    """The skill areas of the courses with an upcoming session at the
    place, and of its services: two queries."""
    slugs = {
        area for service in page.services.all() for area in SERVICE_AREAS.get(service.slug, ())
    }
    courses_here = CoursePage.objects.live().filter(
        sessions__venue=page, sessions__start__gte=timezone.now()
    )
    return list(
        SkillArea.objects.filter(
            Q(slug__in=slugs)
            | Q(
                pk__in=CoursePage.skill_areas.through.objects.filter(
                    coursepage__in=courses_here.values("pk")
                ).values("skillarea")
            )
        ).order_by("sort_order", "name")
    )


def for_access_point(request, page):
    areas = areas_at_place(page)
    return context(areas, resources_for(areas))
