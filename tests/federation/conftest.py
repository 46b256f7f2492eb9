"""A directory to import into (the demo's lists, known postcodes), a feed
server on the loopback address, and a feed pointing at it."""

import pytest

from federation.fetching import FeedClient
from federation.models import Feed
from tests.directory.conftest import *  # noqa: F403 (its directory fixtures)
from tests.federation.feed_server import FeedServer
from tests.openreferral.conftest import api, api_ok, lists  # noqa: F401 (fixtures)


@pytest.fixture
def feed_server():
    server = FeedServer().start()
    yield server
    server.stop()


@pytest.fixture
def feed(directory, feed_server):
    return Feed.objects.create(
        name="Lancashire County Council",
        base_url=feed_server.base_url + "/oruk",
        licence=Feed.Licence.OGL,
        requests_per_second=0,
    )


@pytest.fixture
def client_for():
    """A client that neither waits between requests nor backs off: the
    tests do not sleep."""

    def make(feed, **options):
        return FeedClient(feed.base_url, 0, backoff_seconds=0, **options)

    return make
