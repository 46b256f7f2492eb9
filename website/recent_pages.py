"""The kept pages this process served lately, in its own memory, in front
of the shared cache (website/page_cache.py).

With several app servers the page cache lives in Redis, and every visitor
served from it costs a round trip that carries the whole page, then
unpickling it. A process that served a page a moment ago still has it: it
asks the shared cache only for the generation number (a few bytes), and
answers from its own copy when that copy is of the current generation. So
a change anywhere still reaches every server at once: a copy of an older
generation is never used.

Only pages up to MAX_BYTES are held, MAX_PAGES of them, the least recently
used going first: at most 64 MB a process."""

import time

from django.http import HttpResponse

from website.field_cache import HtmlMemo

MAX_PAGES = 256
MAX_BYTES = 256 * 1024


class RecentPages:
    def __init__(self, max_pages=MAX_PAGES):
        self.memo = HtmlMemo(size=max_pages)

    def get(self, key):
        """(generation, page) for this key, or None (also once it has been
        held as long as the shared cache keeps a page)."""
        held = self.memo.get(key)
        if held is None or held[2] < time.monotonic():
            return None
        return held[:2]

    def put(self, key, generation, response, seconds):
        if len(response.content) > MAX_BYTES:
            return
        page = (response.status_code, list(response.items()), response.content)
        self.memo.set(key, (generation, page, time.monotonic() + seconds))

    def clear(self):
        self.memo.clear()


def as_response(page):
    """A new response from a held page: each visitor's own object, since
    the middleware further out adds headers to it."""
    status, headers, content = page
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


RECENT = RecentPages()
