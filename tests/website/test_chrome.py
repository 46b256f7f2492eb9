"""The header, menu and footer come from a cached snapshot of the brand and
navigation settings (website/chrome.py): a page does not read them again on
every request, yet an editor's change shows on the very next page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.factories.pages import link_value
from website.models import BrandSettings, NavigationSettings

pytestmark = pytest.mark.django_db


def settings_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), [
        q["sql"] for q in queries if "brandsettings" in q["sql"] or "navigationsettings" in q["sql"]
    ]


def test_a_second_page_reads_no_settings(client, demo_site):
    _, first = settings_queries(client, "/about/")
    html, second = settings_queries(client, "/")
    assert first, "the first page reads the settings"
    assert second == []
    assert BrandSettings.for_site(demo_site).partnership_name in html


def test_a_renamed_menu_page_shows_at_once(client, demo_site):
    navigation = NavigationSettings.for_site(demo_site)
    about = Page.objects.get(url_path__endswith="/about/").specific
    navigation.main_navigation = [{"type": "link", "value": link_value(page=about)}]
    navigation.save()
    assert ">About us<" not in client.get("/").content.decode()
    about.title = "Who we are"
    about.save_revision().publish()
    html = client.get("/").content.decode()
    assert "Who we are" in html
    assert 'href="/about/"' in html


def test_a_changed_footer_link_shows_at_once(client, demo_site):
    client.get("/")
    brand = BrandSettings.for_site(demo_site)
    brand.footer_links = [{"type": "link", "value": link_value(label="Cookies", url="/cookies/")}]
    brand.save()
    html = client.get("/").content.decode()
    assert '<a class="govuk-link" href="/cookies/">Cookies</a>' in html


def test_a_deleted_menu_page_leaves_the_menu(client, demo_site):
    navigation = NavigationSettings.for_site(demo_site)
    about = Page.objects.get(url_path__endswith="/about/").specific
    navigation.main_navigation = [
        {"type": "link", "value": link_value(page=about)},
        {"type": "link", "value": link_value(label="Find help", url="/find-help/")},
    ]
    navigation.save()
    assert 'href="/about/"' in client.get("/").content.decode()
    about.delete()
    html = client.get("/").content.decode()
    assert 'href="/about/"' not in html
    assert 'href="/find-help/"' in html


def test_the_logo_is_drawn_from_its_rendition(client, demo_site):
    from wagtail_factories import ImageFactory

    brand = BrandSettings.for_site(demo_site)
    brand.logo = ImageFactory(width=400, height=200)
    brand.save()
    html = client.get("/").content.decode()
    rendition = brand.logo.get_rendition("height-48")
    assert (
        f'<img src="{rendition.url}" width="{rendition.width}" height="48" '
        'class="app-header__logo" alt="">'
    ) in html
