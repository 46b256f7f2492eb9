"""Coordinator-managed lists that listings are described with. They are
snippets, so coordinators add and rename entries in the admin, and they are
published as taxonomies in the open-data API."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class TaxonomyTerm(index.Indexed, models.Model):
    """What every list shares: a name, a stable slug for addresses and the
    API, and an order."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.CharField(max_length=250, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class ServiceType(TaxonomyTerm):
    """A kind of help a place offers: free wifi, devices to borrow…"""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "service type"


class AccessibilityFeature(TaxonomyTerm):
    """Something that makes a place easier to use: step-free access…"""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "accessibility feature"


class Language(TaxonomyTerm):
    """A language that staff or volunteers at a place speak."""

    code = models.CharField(max_length=12, blank=True, help_text="ISO 639 code, e.g. pl")

    panels = [*TaxonomyTerm.panels, FieldPanel("code")]


class Area(models.Model):
    """A borough or ward, for grouping listings by where they are."""

    class Kind(models.TextChoices):
        BOROUGH = "borough", "Borough"
        WARD = "ward", "Ward"

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.BOROUGH)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="The borough a ward is in.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("parent")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.parent.name}" if self.parent_id else self.name
