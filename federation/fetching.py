"""Reading another publisher's feed politely and defensively: timeouts,
retries with backoff, a polite rate, a size limit on every answer (read as
a stream and cut off), and no redirects to another host. Every failure is
a FetchError with a sentence a coordinator can act on."""

import json
import time
from urllib.parse import urljoin, urlsplit

import requests

CONNECT_SECONDS = 5
READ_SECONDS = 15
# However slowly an answer trickles in, it is given up after this long.
ANSWER_SECONDS = 60
MAX_ANSWER_BYTES = 2 * 1024 * 1024
TRIES = 3
BACKOFF_SECONDS = 2.0
MAX_REDIRECTS = 3
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
CHUNK_BYTES = 64 * 1024
USER_AGENT = "digital-inclusion-directory ORUK importer (docs/federation.md)"


class FetchError(Exception):
    """An answer we could not use: why, in words."""


def same_host(first, second):
    one, other = urlsplit(first), urlsplit(second)
    return (one.scheme, one.netloc.lower()) == (other.scheme, other.netloc.lower())


class FeedClient:
    """GETs JSON from one feed. `sleep` and `clock` are the time module's
    unless a caller (a test) gives others; `backoff_seconds` is the wait
    before the second try, doubled before each later one."""

    def __init__(
        self,
        base_url,
        requests_per_second=2.0,
        *,
        max_bytes=MAX_ANSWER_BYTES,
        backoff_seconds=BACKOFF_SECONDS,
        sleep=time.sleep,
        clock=time.monotonic,
    ):
        self.base_url = base_url.rstrip("/") + "/"
        self.interval = 1 / requests_per_second if requests_per_second > 0 else 0
        self.max_bytes = max_bytes
        self.backoff_seconds = backoff_seconds
        self.sleep = sleep
        self.clock = clock
        self.last_request_at = None
        self.requests = 0
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})

    def url(self, path):
        return urljoin(self.base_url, path.lstrip("/"))

    def get_json(self, path, params=None):
        """The decoded JSON at this path under the base address."""
        url = self.url(path)
        for attempt in range(TRIES):
            last_try = attempt == TRIES - 1
            try:
                response = self._get(url, params)
            except (requests.ConnectionError, requests.Timeout) as error:
                if last_try:
                    raise FetchError(
                        f"{url}: no answer after {TRIES} tries ({type(error).__name__})."
                    ) from error
            else:
                if response.status_code not in RETRY_STATUSES:
                    return self._decode(url, response)
                response.close()
                if last_try:
                    raise FetchError(
                        f"{url}: answered {response.status_code} {TRIES} times in a row."
                    )
            self.sleep(self.backoff_seconds * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _get(self, url, params):
        """One GET, following redirects only within the feed's own host."""
        for _ in range(MAX_REDIRECTS + 1):
            self._wait_turn()
            response = self.session.get(
                url,
                params=params,
                timeout=(CONNECT_SECONDS, READ_SECONDS),
                allow_redirects=False,
                stream=True,
            )
            if not response.is_redirect:
                return response
            target = urljoin(url, response.headers.get("Location", ""))
            response.close()
            if not same_host(self.base_url, target):
                raise FetchError(
                    f"{url}: redirected to another host ({urlsplit(target).netloc or target}); "
                    "not followed. Change the feed's base address if it has moved."
                )
            url, params = target, None
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects; not followed.")

    def _wait_turn(self):
        """Keep to the polite rate: one request every `interval` seconds."""
        now = self.clock()
        if self.last_request_at is not None and self.interval:
            wait = self.last_request_at + self.interval - now
            if wait > 0:
                self.sleep(wait)
                now = self.clock()
        self.last_request_at = now
        self.requests += 1

    def _decode(self, url, response):
        with response:
            if response.status_code != 200:
                raise FetchError(f"{url}: answered {response.status_code}, not 200.")
            body = self._read(url, response)
        try:
            return json.loads(body)
        except ValueError as error:
            raise FetchError(f"{url}: not valid JSON ({error}).") from error

    def _read(self, url, response):
        limit = self.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(
                f"{url}: the answer is {int(declared):,} bytes, over our limit "
                f"of {limit:,}; not read."
            )
        started, chunks, size = self.clock(), [], 0
        try:
            for chunk in response.iter_content(CHUNK_BYTES):
                size += len(chunk)
                if size > limit:
                    raise FetchError(
                        f"{url}: the answer went over our limit of {limit:,} bytes; cut off."
                    )
                if self.clock() - started > ANSWER_SECONDS:
                    raise FetchError(f"{url}: the answer took over {ANSWER_SECONDS} s; cut off.")
                chunks.append(chunk)
        except (requests.ConnectionError, requests.Timeout) as error:
            raise FetchError(
                f"{url}: the connection broke mid-answer ({type(error).__name__})."
            ) from error
        return b"".join(chunks)
