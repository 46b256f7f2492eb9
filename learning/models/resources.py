"""Learning at home: free or low-cost learning on other sites (videos,
step-by-step guides, full courses) that coordinators list by skill area and
level. A plain model kept as a snippet, not a page: a resource is a link
with facts about it, edited by coordinators in one list, with no page of
its own on this site."""

import datetime

from django import forms
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from directory.models.access_points import STALE_AFTER_DAYS
from learning.choices import COSTS, FORMATS, LEVELS
from learning.links import validate_public_web_address

# A link that has failed this many checks in a row is hidden from residents
# (manage.py check_learning_links); one failure only flags it.
FAILURES_TO_HIDE = 2


class LearningResourceQuerySet(models.QuerySet):
    def listed(self):
        """What residents see: every resource whose link has not failed
        twice in a row."""
        return self.filter(link_failures__lt=FAILURES_TO_HIDE)

    def for_areas(self, slugs):
        return self.filter(skill_areas__slug__in=slugs).distinct()


class LearningResource(index.Indexed, models.Model):
    title = models.CharField(max_length=120)
    provider = models.CharField(max_length=120, help_text="Who runs it, for example: BBC.")
    summary = models.CharField(
        max_length=250, blank=True, help_text="One sentence: what people will learn."
    )
    # A CharField, not a URLField, so that the form shows this project's
    # messages (learning/links.py) rather than "Enter a valid URL".
    url = models.CharField(
        "link",
        max_length=500,
        validators=[validate_public_web_address],
        help_text="The page residents start on. It must start with http:// or https://.",
    )
    skill_areas = models.ManyToManyField(
        "training.SkillArea",
        related_name="+",
        help_text="Essential Digital Skills framework areas it covers.",
    )
    level = models.CharField(max_length=20, choices=LEVELS, default="beginner")
    format = models.CharField(max_length=20, choices=FORMATS, default="step_by_step")
    cost = models.CharField(max_length=20, choices=COSTS, default="free")
    languages = models.ManyToManyField("directory.Language", blank=True, related_name="+")
    has_captions = models.BooleanField("videos have captions", default=False)
    works_with_screen_reader = models.BooleanField("works with a screen reader", default=False)
    has_large_text = models.BooleanField("text can be made larger", default=False)
    minutes = models.PositiveSmallIntegerField(
        "time it takes (minutes)", help_text="Roughly, from start to finish."
    )
    last_checked = models.DateField(
        default=timezone.localdate,
        help_text="When someone last checked that the link works and these details are right.",
    )
    # Written by manage.py check_learning_links, never typed.
    link_failures = models.PositiveSmallIntegerField(default=0, editable=False)
    link_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    link_problem = models.CharField(max_length=200, blank=True, editable=False)

    objects = LearningResourceQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("provider"),
        FieldPanel("summary"),
        FieldPanel("url"),
        MultiFieldPanel(
            [
                FieldPanel("skill_areas", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("level"), FieldPanel("format"), FieldPanel("cost")]),
                FieldPanel("minutes"),
            ],
            heading="About the learning",
        ),
        MultiFieldPanel(
            [
                FieldPanel("has_captions"),
                FieldPanel("works_with_screen_reader"),
                FieldPanel("has_large_text"),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Accessibility and languages",
        ),
        FieldPanel("last_checked"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("provider"),
        index.AutocompleteField("title"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = "learning resource"

    def __str__(self):
        return self.title

    @property
    def is_hidden(self):
        return self.link_failures >= FAILURES_TO_HIDE

    @property
    def is_stale(self):
        return self.last_checked < timezone.localdate() - datetime.timedelta(STALE_AFTER_DAYS)

    @property
    def link_status(self):
        """For the coordinators' list: whether the link worked when last tried."""
        if not self.link_failures:
            return "Working" if self.link_checked_at else "Not checked yet"
        if self.is_hidden:
            return f"Hidden: failed {self.link_failures} checks ({self.link_problem})"
        return f"Failed the last check ({self.link_problem})"

    @property
    def accessibility_list(self):
        names = (
            (self.has_captions, "Captions"),
            (self.works_with_screen_reader, "Works with a screen reader"),
            (self.has_large_text, "Large text"),
        )
        return [name for present, name in names if present]

    @property
    def time_text(self):
        if self.minutes < 60:
            return f"About {self.minutes} minutes"
        hours = round(self.minutes / 60)
        return "About 1 hour" if hours == 1 else f"About {hours} hours"


class ResourceStartDay(models.Model):
    """How many times a resource was started from this site on a day:
    counted when the resident follows its link through
    /learn-at-home/go/<id>/. A number per day, no cookie and nothing about
    who."""

    resource = models.ForeignKey(LearningResource, on_delete=models.CASCADE, related_name="starts")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["resource", "day"], name="one_start_count_a_day")
        ]

    def __str__(self):
        return f"{self.resource}: {self.count} on {self.day:%d %B %Y}"
