"""The "Where help is needed" page: an indicator of need for each area of a
set, as a map and a sortable table, beside the access points and the
partnership's own reach, with the gaps listed first. A page, so coordinators
choose the area set, the indicator shown first and the gap distance with
revisions and the approval workflow; the figures come from the imports and
reach.py, never typed in."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.cache import patch_cache_control
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from website.page_routes import page_routes

DEFAULT_GAP_MILES = Decimal("1.0")


class WhereHelpIsNeededPage(RoutablePageMixin, Page):
    intro = models.TextField(max_length=600, blank=True)
    area_set = models.ForeignKey(
        "neighbourhoods.AreaSet",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Which areas to show. Empty: the first set loaded.",
    )
    indicator = models.ForeignKey(
        "neighbourhoods.Indicator",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The indicator shown first. Empty: the first of the set.",
    )
    gap_miles = models.DecimalField(
        "gap distance in miles",
        max_digits=4,
        decimal_places=1,
        default=DEFAULT_GAP_MILES,
        validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(Decimal("50"))],
        help_text=(
            "An area in the worst fifth for the indicator is a gap when no access point "
            "is this close to its centre."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("area_set"),
        FieldPanel("indicator"),
        FieldPanel("gap_miles"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "where help is needed page"

    def get_template(self, request, *args, **kwargs):
        return "neighbourhoods/where_help_is_needed_page.html"

    @path("")
    def overview(self, request):
        context = page_routes("neighbourhoods").page_context(request, self)
        response = self.render(request, context_overrides=context)
        if context["coordinator_view"]:
            # Exact counts of people: never kept by a browser or a cache.
            patch_cache_control(response, private=True, no_store=True)
        return response

    @path("gaps/", name="gaps_csv")
    def gaps_csv(self, request):
        return page_routes("neighbourhoods").gaps_csv(request, self)
