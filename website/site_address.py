"""The one address every email, calendar file and printed list gives for
the site: `WAGTAILADMIN_BASE_URL` (production refuses to start without an
https one; website/settings/production.py). Never the host a request came
in on, nor Wagtail's Site hostname and port ("http://localhost/" in a
fresh install), which residents' mail programs cannot open."""

from django.conf import settings


def base():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path):
    """The full address of a path on the site ("/find-help/" and so on)."""
    return base() + "/" + path.lstrip("/")


def page_address(page):
    """A Wagtail page's full address, from its path within its site."""
    parts = page.get_url_parts()
    if parts is None:  # not routable (not under any site)
        return absolute(page.url_path)
    _site_id, _root_url, page_path = parts
    return absolute(page_path)
