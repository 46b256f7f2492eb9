"""Each process learns that the page cache's generation moved on from a
message Redis pushes to it, instead of asking Redis on every request.

A page this process served lately is held in its own memory
(website/recent_pages.py) and may be served again only while the shared
generation is the one it was kept in. Asking Redis for the generation on
every visit was a round trip that took 130 of the 300 µs a page from the
cache cost (docs/performance.md). So every change to the generation is
announced on a Redis channel (`announce`), and a thread in each process
listens (`GenerationWatch`): it reads the generation when it subscribes,
again on every announcement, and every few seconds in case one was missed.
While the thread is not connected and up to date, `current()` says None,
and the page cache asks Redis as before. An announcement reaches the other
processes within milliseconds, as a purge reaches a CDN.

Only with the shared Redis cache (REDIS_URL): with a per-process cache the
generation is in this process's memory and costs nothing to read."""

import contextlib
import logging
import os
import threading
import time

from django.core.cache import caches

from website.redis_cache import SharedRedisCache

logger = logging.getLogger(__name__)

CHANNEL = "page-cache:generation-moved"
# Read the generation again this often even without an announcement (a
# message lost while the connection was down, say).
REREAD_SECONDS = 5.0
RETRY_SECONDS = 1.0


def redis_client():
    """The shared cache's Redis client, or None without one."""
    backend = caches["default"]
    if not isinstance(backend, SharedRedisCache):
        return None
    return backend._cache.get_client(write=True)


def announce():
    """Tell every process the generation moved on (after moving it)."""
    client = redis_client()
    if client is None:
        return
    try:
        client.publish(CHANNEL, b"moved")
    except Exception:  # Redis down: the watchers lose their connection too
        logger.warning("Could not announce a new page-cache generation", exc_info=True)


class GenerationWatch:
    """The generation as this process last heard it, kept up to date by a
    listening thread, started in each process on first use (so after a
    forking server has made its workers)."""

    def __init__(self, read_generation):
        self.read_generation = read_generation
        self.known = None
        self._pid = None
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        # Moved on by forget(), so that a read begun before it is not kept.
        self._version = 0

    def current(self):
        """The current generation, or None when it must be asked for."""
        if self._pid != os.getpid():
            self._start()
            return None
        return self.known

    def forget(self):
        """This process moved the generation on: ask Redis until the thread
        has read the new one."""
        with self._lock:
            self._version += 1
            self.known = None

    def _read(self):
        version = self._version
        value = self.read_generation()
        with self._lock:
            if self._version == version:
                self.known = value

    def _start(self):
        with self._lock:
            if self._pid == os.getpid():
                return
            self.known = None
            self._pid = os.getpid()
            client = redis_client()
            if client is None:
                return  # a per-process cache: nothing to watch
            self._stopped.clear()
            threading.Thread(
                target=self._listen, args=(client,), name="page-cache-watch", daemon=True
            ).start()

    def stop(self):
        """Stop listening (tests); the next current() starts again."""
        self._stopped.set()
        with self._lock:
            self._pid = None
            self.known = None

    def _listen(self, client):
        while not self._stopped.is_set():
            pubsub = client.pubsub(ignore_subscribe_messages=False)
            try:
                pubsub.subscribe(CHANNEL)
                read_at = 0.0
                while not self._stopped.is_set():
                    message = pubsub.get_message(timeout=1.0)
                    due = time.monotonic() - read_at > REREAD_SECONDS
                    if message is not None or due:
                        # After subscribing, on an announcement, and now and then.
                        self._read()
                        read_at = time.monotonic()
            except Exception:
                self.known = None
                logger.warning("Page-cache watch lost Redis; retrying", exc_info=True)
                self._stopped.wait(RETRY_SECONDS)
            finally:
                self.known = None
                with contextlib.suppress(Exception):  # a broken connection
                    pubsub.close()
