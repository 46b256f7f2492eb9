"""The data migration that turns event news pages into event pages
(events/migrations/0002_event_news_pages.py), run with the project's
models, which have the same fields as the migration's."""

import datetime
import importlib

from django.apps import apps
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.pages import NewsIndexPageFactory, NewsPageFactory, rich_text_block
from website.models import HomePage, NewsPage

migration = importlib.import_module("events.migrations.0002_event_news_pages")


def news_index():
    home = HomePage.objects.get()
    existing = home.get_children().filter(slug="news").first()
    return existing.specific if existing else NewsIndexPageFactory(parent=home)


def test_an_event_news_page_becomes_an_event_page_with_nothing_lost(client, demo_site):
    index = news_index()
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=5)
    news = NewsPageFactory(
        parent=index,
        title="Coffee morning",
        slug="coffee-morning",
        intro="Scams, over tea.",
        body=[rich_text_block("<p>All welcome.</p>")],
        event=True,
        event_start=start,
        event_end=start + datetime.timedelta(hours=2),
        event_location="Leyland Civic Centre",
    )
    news.save_revision().publish()
    revisions = news.revisions.count()
    story = NewsPageFactory(parent=index, title="Just news")
    old_url = news.url
    assert EventIndexPage.objects.count() == 0

    assert migration.convert_event_news_pages(apps) == 1

    event = EventPage.objects.get(pk=news.pk)
    assert (event.title, event.slug, event.summary) == (
        "Coffee morning",
        "coffee-morning",
        news.intro,
    )
    assert (event.start, event.end) == (start, start + datetime.timedelta(hours=2))
    assert (event.where, event.address) == ("address", "Leyland Civic Centre")
    assert "All welcome." in str(event.body)
    assert event.live
    assert not NewsPage.objects.filter(pk=news.pk).exists()
    assert NewsPage.objects.filter(pk=story.pk).exists()
    assert Page.find_problems() == ([], [], [], [], [])  # the page tree is whole

    # Under a new events index beside the news, with a redirect from before.
    events_index = EventIndexPage.objects.get()
    assert event.get_parent().pk == events_index.pk
    assert event.url == "/events/coffee-morning/"
    assert Redirect.objects.get(old_path=old_url.rstrip("/")).redirect_page_id == event.pk
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/events/coffee-morning/")
    page = client.get(event.url).content.decode()
    assert "Leyland Civic Centre" in page and "All welcome." in page

    # Its revisions are event revisions an editor can still open.
    assert event.revisions.count() == revisions
    assert event.latest_revision.as_object().summary == "Scams, over tea."


def test_it_uses_an_existing_events_index_and_a_free_slug(demo_site):
    index = news_index()
    home = HomePage.objects.get()
    events_index = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=events_index, slug="drop-in")
    news = NewsPageFactory(parent=index, slug="drop-in", event=True, event_location="")
    migration.convert_event_news_pages(apps)
    event = EventPage.objects.get(pk=news.pk)
    assert event.get_parent().pk == events_index.pk
    assert event.slug == "drop-in-2"
    assert event.where == "online"
    assert EventIndexPage.objects.count() == 1
    assert Page.find_problems() == ([], [], [], [], [])
