"""The filters of the coordinators' list of learning resources: the usual
ones, and two for the chores the link check and the freshness reminders
give them: links that failed or are hidden, and resources not checked for
as long as a stale listing."""

import django_filters
from django import forms
from wagtail.admin.filters import WagtailFilterSet

from directory.stale_listings import checked_before
from learning.models import LearningResource
from learning.models.resources import FAILURES_TO_HIDE
from training.models import SkillArea

LINK_STATES = [
    ("working", "Working or not checked yet"),
    ("failed", "Failed the last check"),
    ("hidden", "Hidden from residents"),
]


class LearningResourceFilterSet(WagtailFilterSet):
    link = django_filters.ChoiceFilter(
        label="Link", choices=LINK_STATES, method="by_link", empty_label="Any"
    )
    to_check = django_filters.BooleanFilter(
        label="Not checked for six months",
        method="by_last_checked",
        widget=forms.CheckboxInput,
    )
    skill_areas = django_filters.ModelMultipleChoiceFilter(
        queryset=SkillArea.objects.all(), widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = LearningResource
        fields = ["level", "format"]

    def by_link(self, queryset, name, value):
        return {
            "working": queryset.filter(link_failures=0),
            "failed": queryset.filter(link_failures__gt=0, link_failures__lt=FAILURES_TO_HIDE),
            "hidden": queryset.filter(link_failures__gte=FAILURES_TO_HIDE),
        }.get(value, queryset)

    def by_last_checked(self, queryset, name, value):
        return queryset.filter(last_checked__lt=checked_before()) if value else queryset
