"""Purging a CDN or Varnish in front (website/cdn_purge.py): publishing,
unpublishing, moving or deleting a page tells the CDN to forget the page and
every page that shows it, once the change commits; a setting tells it to
forget the whole site; nothing is sent when no CDN is configured, and a CDN
that fails never stops an editor publishing. The CDN here is a backend that
records what it is told (nothing leaves the machine)."""

import logging
from urllib.error import URLError
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.contrib.frontend_cache.backends import BaseBackend

from tests.factories.directory import (
    AccessPointPageFactory,
    DirectoryIndexPageFactory,
    OrganisationPageFactory,
)
from tests.factories.pages import NewsPageFactory
from tests.factories.training import CoursePageFactory, SessionFactory
from tests.website.test_settings import PRODUCTION_ENV, manage
from website import cdn_backend, cdn_purge
from website.models import HomePage, NavigationSettings, NewsIndexPage
from website.settings.cdn import frontend_caches

RECORDER = "tests.website.test_cdn_purge.RecordingBackend"
PURGED = []  # (backend name, address), in the order the backends were told


class RecordingBackend(BaseBackend):
    """A CDN that records each address it is told to forget."""

    def __init__(self, params):
        super().__init__(params)
        self.name = params.get("NAME", "cdn")

    def purge(self, url):
        PURGED.append((self.name, url))


class FailingBackend(BaseBackend):
    def purge(self, url):
        raise ConnectionError("The CDN's API is down")


def paths(name="cdn"):
    return {urlsplit(url).path for backend, url in PURGED if backend == name}


@pytest.fixture
def cdn(settings):
    PURGED.clear()
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": RECORDER}}
    return settings


@pytest.fixture
def organisation(demo_site):
    directory = DirectoryIndexPageFactory(parent=HomePage.objects.get())
    return OrganisationPageFactory(parent=directory, title="Chorley Hub Trust")


@pytest.fixture
def place(organisation):
    return AccessPointPageFactory(parent=organisation, title="Chorley Library")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the block, then what it put off until its transaction commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.mark.django_db
def test_publishing_a_place_purges_it_its_organisation_the_directory_and_home_after_commit(
    cdn, place, committed
):
    with committed():
        place.save_revision().publish()
        assert PURGED == []  # not before the commit, not even the page itself

    assert paths() == {
        "/find-help/chorley-hub-trust/chorley-library/",
        "/find-help/chorley-hub-trust/",
        "/find-help/",
        "/",
    }
    # At the site's own address (WAGTAILADMIN_BASE_URL), not Wagtail's Site's.
    assert {urlsplit(url).netloc for _, url in PURGED} == {"testserver"}


@pytest.mark.django_db
def test_unpublishing_a_place_purges_the_same_pages(cdn, place, committed):
    with committed():
        place.unpublish()

    assert paths() == {
        "/find-help/chorley-hub-trust/chorley-library/",
        "/find-help/chorley-hub-trust/",
        "/find-help/",
        "/",
    }


@pytest.mark.django_db
def test_deleting_an_organisation_purges_it_and_every_place_under_it(
    cdn, organisation, place, committed
):
    other = AccessPointPageFactory(parent=organisation, title="Leyland Hub")
    with committed():
        organisation.delete()

    assert paths() >= {
        "/find-help/chorley-hub-trust/",
        place.url,
        other.url,
        "/find-help/",
        "/",
    }


@pytest.mark.django_db
def test_moving_a_place_purges_its_old_and_new_address_and_both_organisations(
    cdn, organisation, place, committed
):
    other = OrganisationPageFactory(parent=organisation.get_parent(), title="Leyland Trust")
    with committed():
        place.move(other, pos="last-child")

    # (Wagtail's redirects app also purges the redirect it made from the old address.)
    assert paths() >= {
        "/find-help/chorley-hub-trust/chorley-library/",
        "/find-help/leyland-trust/chorley-library/",
        "/find-help/chorley-hub-trust/",
        "/find-help/leyland-trust/",
        "/find-help/",
        "/",
    }


@pytest.mark.django_db
def test_a_new_slug_purges_the_old_address_of_the_page_and_the_pages_under_it(
    cdn, organisation, place, committed
):
    organisation.slug = "chorley-trust"
    with committed():
        organisation.save_revision().publish()

    assert paths() >= {
        "/find-help/chorley-hub-trust/",
        "/find-help/chorley-trust/",
        "/find-help/chorley-hub-trust/chorley-library/",
        "/find-help/chorley-trust/chorley-library/",
        "/find-help/",
        "/",
    }


@pytest.mark.django_db
def test_a_course_and_the_place_it_is_held_at_purge_each_other(cdn, organisation, place, committed):
    course = CoursePageFactory(parent=organisation, title="Email basics")
    session = SessionFactory(page=course, venue=place)
    course_path = "/find-help/chorley-hub-trust/email-basics/"

    with committed():
        course.save_revision().publish()
    # The place lists the course ("Courses here"); the calendar feeds go too.
    assert paths() >= {
        course_path,
        f"{course_path}calendar/",
        f"{course_path}sessions/{session.pk}/calendar/",
        place.url,
        "/find-help/",
    }

    PURGED.clear()
    with committed():
        place.save_revision().publish()
    assert course_path in paths()


@pytest.mark.django_db
def test_publishing_news_purges_the_news_page_and_home(cdn, demo_site, committed):
    story = NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Tablet loans")
    with committed():
        story.save_revision().publish()

    assert paths() == {"/news/tablet-loans/", "/news/", "/"}


@pytest.mark.django_db
def test_a_setting_purges_the_whole_site_or_else_the_sections(settings, demo_site, committed):
    """Varnish (with the VCL in docs/operations.md) forgets the whole site on
    /*; a CDN that cannot is told the home page, the sections and search."""
    PURGED.clear()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": RECORDER, "NAME": "varnish", "WHOLE_SITE_PATH": "/*"},
        "cloudflare": {"BACKEND": RECORDER, "NAME": "cloudflare"},
    }
    navigation = NavigationSettings.for_site(demo_site)
    with committed():
        navigation.main_navigation = navigation.main_navigation.raw_data[:2]
        navigation.save()

    sections = {"/", "/news/", "/about/", "/search/"}
    assert paths("cloudflare") >= sections
    assert "/*" not in paths("cloudflare")
    assert paths("varnish") >= sections | {"/*"}


@pytest.mark.django_db
def test_a_page_linked_from_the_menu_purges_the_whole_site(settings, demo_site, committed):
    PURGED.clear()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": RECORDER, "NAME": "varnish", "WHOLE_SITE_PATH": "/*"}
    }
    news = NewsIndexPage.objects.get()  # "News and events" in the demo's menu
    with committed():
        news.save_revision().publish()
    assert "/*" in paths("varnish")

    PURGED.clear()
    with committed():
        NewsPageFactory(parent=news).save_revision().publish()
    assert "/*" not in paths("varnish")


@pytest.mark.django_db
def test_with_no_cdn_configured_nothing_is_worked_out_or_sent(
    settings, place, committed, monkeypatch
):
    settings.WAGTAILFRONTENDCACHE = {}
    calls = []
    monkeypatch.setattr(cdn_purge, "purge_urls_from_cache", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(cdn_purge, "page_addresses", lambda page: calls.append(page))

    with committed():
        place.title = "Chorley Central Library"
        place.save_revision().publish()
        place.move(place.get_parent(), pos="first-child")
        place.unpublish()

    assert calls == []
    place.refresh_from_db()
    assert place.title == "Chorley Central Library"
    assert not place.live


@pytest.mark.django_db
def test_a_failing_cdn_never_stops_publishing(settings, place, committed, caplog):
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {"BACKEND": "tests.website.test_cdn_purge.FailingBackend"}
    }
    place.title = "Chorley Central Library"
    with committed():
        place.save_revision().publish()

    place.refresh_from_db()
    assert place.live and place.title == "Chorley Central Library"
    assert not place.has_unpublished_changes
    assert any(record.levelno >= logging.ERROR for record in caplog.records)


@pytest.mark.django_db
def test_a_failure_working_out_what_to_purge_never_stops_publishing(
    cdn, place, committed, monkeypatch, caplog
):
    def broken(page):
        raise RuntimeError("no")

    monkeypatch.setattr(cdn_purge, "linked_from_every_page", broken)
    place.title = "Chorley Central Library"
    with committed():
        place.save_revision().publish()

    place.refresh_from_db()
    assert place.live and place.title == "Chorley Central Library"
    assert PURGED == []
    assert "Could not work out what to purge from the CDN" in caplog.text


# Varnish: the PURGE requests, with a time limit.


class FakeResponse:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_varnish_is_sent_a_purge_for_each_address_with_the_sites_host(monkeypatch):
    sent = []

    def urlopen(request, timeout):
        sent.append((request.get_method(), request.full_url, request.get_header("Host"), timeout))
        return FakeResponse()

    monkeypatch.setattr(cdn_backend, "urlopen", urlopen)
    backend = cdn_backend.HTTPPurgeBackend({"LOCATION": "http://varnish.internal:6081"})
    backend.purge_batch(["https://digital.example.org/find-help/", "https://digital.example.org/*"])

    assert sent == [
        ("PURGE", "http://varnish.internal:6081/find-help/", "digital.example.org", 3),
        ("PURGE", "http://varnish.internal:6081/*", "digital.example.org", 3),
    ]


def test_varnish_that_does_not_answer_is_logged_and_the_rest_skipped(monkeypatch, caplog):
    tried = []

    def urlopen(request, timeout):
        tried.append(request.full_url)
        raise URLError(TimeoutError("timed out"))

    monkeypatch.setattr(cdn_backend, "urlopen", urlopen)
    backend = cdn_backend.HTTPPurgeBackend({"LOCATION": "http://varnish.internal:6081"})
    backend.purge_batch([f"https://digital.example.org/{n}/" for n in range(5)])

    assert len(tried) == 1
    assert "Couldn't purge 'https://digital.example.org/0/'" in caplog.text
    assert "Skipped purging 4 more addresses" in caplog.text


# Settings: each cache from the environment.


def test_no_cache_is_configured_by_default():
    assert frontend_caches({}) == {}


def test_varnish_cloudflare_and_cloudfront_from_the_environment(monkeypatch):
    monkeypatch.setattr("importlib.util.find_spec", lambda name: object())
    caches = frontend_caches(
        {
            "FRONTEND_CACHE_VARNISH_URL": "http://10.0.0.5:6081, http://10.0.0.6:6081",
            "FRONTEND_CACHE_CLOUDFLARE_ZONEID": "zone-1",
            "FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN": "secret-token",
            "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID": "E123",
        }
    )
    assert caches == {
        "varnish1": {
            "BACKEND": "website.cdn_backend.HTTPPurgeBackend",
            "LOCATION": "http://10.0.0.5:6081",
            "WHOLE_SITE_PATH": "/*",
        },
        "varnish2": {
            "BACKEND": "website.cdn_backend.HTTPPurgeBackend",
            "LOCATION": "http://10.0.0.6:6081",
            "WHOLE_SITE_PATH": "/*",
        },
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "zone-1",
            "BEARER_TOKEN": "secret-token",
        },
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": "E123",
            "WHOLE_SITE_PATH": "/*",
        },
    }


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"FRONTEND_CACHE_VARNISH_URL": "varnish:6081"}, "not an http:// or https://"),
        ({"FRONTEND_CACHE_CLOUDFLARE_ZONEID": "zone-1"}, "needs both"),
        ({"FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN": "secret"}, "needs both"),
    ],
)
def test_a_half_configured_cache_refuses_to_start(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        frontend_caches(environ)


def test_cloudfront_without_boto3_refuses_to_start(monkeypatch):
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    with pytest.raises(ImproperlyConfigured, match="boto3"):
        frontend_caches({"FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID": "E123"})


def test_production_reads_the_caches_from_the_environment_and_passes_check_deploy():
    env = {
        **PRODUCTION_ENV,
        "FRONTEND_CACHE_VARNISH_URL": "http://varnish.internal:6081",
        "FRONTEND_CACHE_CLOUDFLARE_ZONEID": "zone-1",
        "FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN": "secret-token",
    }
    code = "from django.conf import settings as s; print(*sorted(s.WAGTAILFRONTENDCACHE))"
    result = manage("shell", "-v", "0", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["cloudflare", "varnish"]
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
