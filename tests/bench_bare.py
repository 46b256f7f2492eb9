"""The bare Django view that `make bench` measures each page against
(tests/bench_http.py): Django and nothing else, with no middleware, no
database, no templates and no cache, answering /bytes/<n> with n bytes of
HTML. Served by the same gunicorn command line as the site, so what a page
costs beyond it is the site's own work: middleware, queries, templates, the
page cache's look-up.

Run as `gunicorn tests.bench_bare`; it configures its own settings, and
DJANGO_SETTINGS_MODULE is ignored."""

import functools

from django.conf import settings

settings.configure(
    DEBUG=False,
    # Signs nothing: no sessions, no CSRF, no messages.
    SECRET_KEY="bench-bare-view-only",  # noqa: S106
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    USE_I18N=False,
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402


@functools.cache
def body(size):
    return b"x" * size


def bytes_view(request, size):
    return HttpResponse(body(size), content_type="text/html; charset=utf-8")


urlpatterns = [path("bytes/<int:size>", bytes_view)]

application = get_wsgi_application()
