"""With the shared Redis cache, a process serves the pages it kept lately
without asking Redis anything, and still shows another app server's change
within a moment (website/generation_watch.py). Runs against a real
redis-server on loopback (installed by `make test`)."""

import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.core.cache import cache
from django.test import Client

from tests.factories.pages import ContentPageFactory
from website import generation_watch, page_cache
from website.models import ContentPage

REDIS_SERVER = shutil.which("redis-server")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (make test installs it)")
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    command = [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    server = subprocess.Popen([*command, "--dir", str(folder)], stdout=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                server.kill()
                raise
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def shared_cache(redis_url, settings):
    """The production cache, with a watch of this process started afresh."""
    settings.CACHES = {
        "default": {"BACKEND": "website.redis_cache.SharedRedisCache", "LOCATION": redis_url}
    }
    cache.clear()
    page_cache.WATCH.stop()
    yield redis.Redis.from_url(redis_url)
    page_cache.WATCH.stop()


def eventually(condition, seconds=2.0):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def reads(client):
    """How many GET and MGET commands Redis has answered."""
    stats = client.info("commandstats")
    return sum(stats.get(f"cmdstat_{name}", {}).get("calls", 0) for name in ("get", "mget"))


@pytest.fixture
def place(home_page):
    """A content page (what it is does not matter to the cache)."""
    return ContentPageFactory(parent=home_page, title="Chorley Hub", intro="Free wifi.")


@pytest.mark.django_db
def test_a_page_served_lately_costs_no_round_trip(shared_cache, place):
    assert Client().get(place.url)["X-Page-Cache"] == "miss"
    assert eventually(lambda: page_cache.WATCH.current() is not None)
    before = reads(shared_cache)

    answers = [Client().get(place.url) for _ in range(20)]

    assert {answer["X-Page-Cache"] for answer in answers} == {"hit"}
    assert "Chorley Hub" in answers[-1].content.decode()
    assert reads(shared_cache) == before


@pytest.mark.django_db
def test_another_servers_change_shows_within_a_moment(shared_cache, place):
    Client().get(place.url)
    assert eventually(lambda: page_cache.WATCH.current() is not None)
    assert Client().get(place.url)["X-Page-Cache"] == "hit"

    # What another app server's save does: the row, then the generation in
    # Redis, then the announcement (its own process's watch is not ours).
    ContentPage.objects.filter(pk=place.pk).update(intro="Changed elsewhere")
    cache.incr(page_cache.GENERATION_KEY)
    generation_watch.announce()

    assert eventually(lambda: Client().get(place.url)["X-Page-Cache"] == "miss", seconds=1)
    assert "Changed elsewhere" in Client().get(place.url).content.decode()


@pytest.mark.django_db
def test_a_change_here_shows_on_the_very_next_request(shared_cache, place):
    Client().get(place.url)
    assert eventually(lambda: page_cache.WATCH.current() is not None)
    ContentPage.objects.filter(pk=place.pk).update(intro="Changed here")
    page_cache.content_changed()

    answer = Client().get(place.url)

    assert answer["X-Page-Cache"] == "miss"
    assert "Changed here" in answer.content.decode()


@pytest.mark.django_db
def test_a_lost_announcement_is_made_up_for_within_seconds(shared_cache, place, monkeypatch):
    monkeypatch.setattr(generation_watch, "REREAD_SECONDS", 0.2)
    Client().get(place.url)
    assert eventually(lambda: page_cache.WATCH.current() is not None)
    cache.incr(page_cache.GENERATION_KEY)  # and no announcement

    assert eventually(lambda: Client().get(place.url)["X-Page-Cache"] == "miss", seconds=2)


@pytest.mark.django_db
def test_without_a_watch_redis_is_asked_and_the_page_still_served(shared_cache, place):
    Client().get(place.url)
    page_cache.WATCH.stop()
    page_cache.WATCH.current = lambda: None  # as while the watch reconnects
    try:
        before = reads(shared_cache)
        assert Client().get(place.url)["X-Page-Cache"] == "hit"
        assert reads(shared_cache) > before
    finally:
        del page_cache.WATCH.current
