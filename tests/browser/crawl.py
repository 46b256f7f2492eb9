"""Finding every public page: a breadth-first walk of the site's own links
from `/`, in process with Django's test client (fast enough to do on every
run), that the browser tests then visit one by one.

The walk follows every same-site link and redirect, notes every form and
the first page it is on, and keeps apart what is not a page (CSV, JSON,
calendar files), which is fetched for its status but not drawn. It stops
with an error if the site has more addresses than `LIMIT`, so a link that
multiplies pages (a filter that links to itself with one more value)
shows up instead of slowing every run."""

from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from django.test import Client

LIMIT = 1500
# Not public pages: the admin, files and the open-data API (whose answers
# have tests of their own against the schema).
SKIP_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/api/")
# Linked from nowhere, but every visitor can reach them.
SEEDS = ("/", "/no-such-page/", "/search/", "/open-data/", "/impact/")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        elif tag == "form":
            self.forms.append(((attrs.get("method") or "get").lower(), attrs.get("action") or ""))


def same_site_path(href, base):
    """`href` as a path with its query, or None when it leaves the site or
    is not a page address (mailto:, tel:, a fragment on the same page)."""
    absolute = urljoin("http://testserver" + base, href)
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    path = urldefrag(absolute)[0].removeprefix("http://testserver")
    return None if path.startswith(SKIP_PREFIXES) else path


@dataclass
class SiteMap:
    pages: list = field(default_factory=list)  # HTML pages, in the order found
    files: dict = field(default_factory=dict)  # path -> content type
    statuses: dict = field(default_factory=dict)  # path -> status code
    forms: dict = field(default_factory=dict)  # (method, action) -> first page holding it
    linked_from: dict = field(default_factory=dict)  # path -> the first page linking to it


def walk(seeds=SEEDS, limit=LIMIT):
    client = Client(raise_request_exception=False)
    found = SiteMap()
    queue = deque(seeds)
    seen = set(seeds)
    while queue:
        path = queue.popleft()
        response = client.get(path)
        found.statuses[path] = response.status_code
        targets = []
        if response.status_code in (301, 302, 303, 307, 308):
            targets = [response["Location"]]
        elif "text/html" not in response.get("Content-Type", ""):
            found.files[path] = response.get("Content-Type", "")
        else:
            found.pages.append(path)
            parser = _Links()
            parser.feed(response.content.decode())
            targets = parser.hrefs
            for method, action in parser.forms:
                # One form, whatever page of results it is on (the search
                # form's action is "#results", that page's own address).
                action_path = same_site_path(action, path) if action else path
                action_path = action_path.split("?")[0] if action_path else action_path
                found.forms.setdefault((method, action_path), path)
        for href in targets:
            target = same_site_path(href, path)
            if target and target not in seen:
                seen.add(target)
                found.linked_from[target] = path
                queue.append(target)
                if len(seen) > limit:
                    raise RuntimeError(
                        f"more than {limit} addresses; the last, {target}, from {path}"
                    )
    return found
