"""Factories for the brand site's pages. The demo-data command builds on
these too, so tests and the demo site share one way of making content."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from website.models import ContentPage, HomePage, NewsIndexPage, NewsPage


def link_value(label="", url="", page=None):
    """The raw value of a LinkBlock: a page id or an address."""
    return {"label": label, "page": page.pk if page else None, "url": url}


def rich_text_block(html):
    return {"type": "paragraph", "value": html}


def _default_actions():
    return [
        {
            "type": "action",
            "value": {
                "heading": "Find help near you",
                "text": "Free wifi, computers to use and friendly help.",
                "link": link_value("Find help", "/search/?q=help"),
            },
        }
    ]


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = factory.Sequence(lambda n: f"home-{n}")
    hero_heading = "Everyone can get online"
    hero_text = "Free help to get online, near you."
    actions = factory.LazyFunction(_default_actions)

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Content page {n}")
    intro = "A short introduction."
    body = factory.LazyFunction(lambda: [rich_text_block("<p>Some text.</p>")])

    class Meta:
        model = ContentPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News and events"
    slug = "news"
    intro = "What the partnership has been doing."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News story {n}")
    date = factory.LazyFunction(timezone.localdate)
    kind = NewsPage.Kind.NEWS
    intro = "What happened, in a sentence."
    body = factory.LazyFunction(lambda: [rich_text_block("<p>The story.</p>")])

    class Meta:
        model = NewsPage

    class Params:
        event = factory.Trait(
            kind=NewsPage.Kind.EVENT,
            event_start=factory.LazyFunction(
                lambda: (
                    timezone.now().replace(minute=0, second=0, microsecond=0)
                    + datetime.timedelta(days=7)
                )
            ),
            event_end=factory.LazyAttribute(
                lambda page: page.event_start + datetime.timedelta(hours=2)
            ),
            event_location="Chorley Library",
        )
