"""The brand site's page types. Each declares where it may sit in the page
tree, so editors can only build the shapes the templates are designed for."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from website import home_sections
from website.blocks import ContentStreamBlock, LinkBlock

NEWS_PER_PAGE = 10


class ActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=60)
    text = blocks.TextBlock(max_length=200)
    link = LinkBlock()

    class Meta:
        icon = "pick"
        description = "One of the home page's main actions"
        preview_value = {
            "heading": "Find help near you",
            "text": "Free wifi, computers and friendly help in your area.",
            "link": {"label": "Find help", "url": "/find-help/"},
        }


class HomePage(Page):
    """The partnership's front door: what it does, the three things people
    come to do, and the latest news."""

    hero_heading = models.CharField(max_length=120)
    hero_text = models.TextField(max_length=500)
    actions = StreamField(
        [("action", ActionBlock())],
        min_num=1,
        max_num=3,
        help_text="The main things people come to do: find help, refer someone, volunteer.",
    )
    body = StreamField(
        ContentStreamBlock(), blank=True, help_text="About the partnership, under the actions."
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("hero_text")], heading="Hero"),
        FieldPanel("actions"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "website.ContentPage",
        "website.NewsIndexPage",
        "directory.DirectoryIndexPage",
        "events.EventIndexPage",
        "impact.ImpactPage",
    ]
    max_count_per_parent = 1

    def latest_news(self, count=3):
        return (
            NewsPage.objects.live()
            .public()
            .descendant_of(self)
            .order_by("-date", "-pk")
            .select_related("locale")[:count]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = list(self.latest_news())
        # What other apps add (the next few events): website/home_sections.py.
        context["home_sections"] = home_sections.sections(request, self)
        return context


class ContentPage(Page):
    """A general page: about us, how to get involved, setting up a network,
    the accessibility statement and privacy notice."""

    intro = models.TextField(max_length=500, blank=True, help_text="A sentence or two, in bold.")
    body = StreamField(ContentStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["website.HomePage", "website.ContentPage"]
    subpage_types = ["website.ContentPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = list(self.get_children().live().public().specific())
        return context


class NewsIndexPage(Page):
    """The list of news and events, newest first."""

    intro = models.TextField(max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["website.NewsPage"]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")
        context["news_page"] = Paginator(items, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        return context


class NewsPage(Page):
    """A news story. Events are event pages now (events/): the migration
    events/0002 turned every news page of kind "event" into one. The event
    fields below stay only as that migration and its test read them;
    editors no longer see them, so no new event news page can be made."""

    class Kind(models.TextChoices):
        NEWS = "news", "News"
        EVENT = "event", "Event"

    date = models.DateField("Published", default=timezone.localdate)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.NEWS)
    intro = models.TextField(max_length=500, help_text="A summary shown in lists.")
    body = StreamField(ContentStreamBlock(), blank=True)
    event_start = models.DateTimeField(null=True, blank=True)
    event_end = models.DateTimeField(null=True, blank=True)
    event_location = models.CharField(max_length=200, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["website.NewsIndexPage"]
    subpage_types = []

    def clean(self):
        super().clean()
        if self.kind == self.Kind.EVENT and not self.event_start:
            raise ValidationError({"event_start": "Give the date and time the event starts."})
        if self.event_start and self.event_end and self.event_end <= self.event_start:
            raise ValidationError({"event_end": "The event must end after it starts."})

    @property
    def is_event(self):
        return self.kind == self.Kind.EVENT
