"""The impact page: the partnership's figures for a period the visitor
chooses, with the coordinators' commentary. A page, so coordinators edit
the commentary and the target with revisions, previews and the approval
workflow like any other page; the figures themselves are computed (see
figures/), never typed in."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.cache import patch_cache_control
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from impact.figures import DEFAULT_ANNUAL_TARGET
from website.blocks import ContentStreamBlock
from website.page_routes import page_routes


class ImpactPage(RoutablePageMixin, Page):
    intro = models.TextField(
        max_length=500, blank=True, help_text="A sentence or two above the figures."
    )
    commentary = StreamField(
        ContentStreamBlock(),
        blank=True,
        help_text="What the figures show, in the coordinators' words. Shown above the figures.",
    )
    annual_learning_target = models.PositiveIntegerField(
        "annual target for learning opportunities",
        default=DEFAULT_ANNUAL_TARGET,
        validators=[MinValueValidator(1)],
        help_text=(
            "Session places the partnership aims to offer in a year. Shorter or longer "
            "periods are compared with this in proportion."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("commentary"),
        FieldPanel("annual_learning_target"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("commentary"),
    ]

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "impact page"

    def get_template(self, request, *args, **kwargs):
        return "impact/impact_page.html"

    @path("")
    def dashboard(self, request):
        context = page_routes("impact").dashboard_context(request, self)
        response = self.render(request, context_overrides=context)
        if context["coordinator_view"]:
            # Figures no one else may see: never kept by a browser or cache.
            patch_cache_control(response, private=True, no_store=True)
        return response

    @path("figures/<slug:slug>/", name="figure_csv")
    def figure_csv(self, request, slug):
        return page_routes("impact").figure_csv(request, self, slug)
