"""Adding to and taking off the shortlist, from the button on every result
and place page. Those pages are the same for every visitor without a
session, so the anonymous page cache (website/page_cache.py) can keep
them; a CSRF token in the button would set a cookie and make each one
somebody's own. The button's POST comes here instead, exempt from the
token, and is refused unless the browser says it came from this site
(Origin, or failing that Referer). A forged cross-site POST could at most
change a shortlist in a session of its own: the session cookie is
SameSite=Lax, so it is not sent with it."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Site

from directory import shortlist
from directory.models import DirectoryIndexPage

NOT_FROM_THIS_SITE = (
    "This change to your shortlist did not come from this website, so it was not made. "
    "Go back to the page and press the button again."
)


def from_this_site(request):
    """The request's Origin (or Referer) is this site or a trusted origin."""
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    parts = urlsplit(source)
    origin = f"{parts.scheme}://{parts.netloc}"
    if not parts.scheme or not parts.netloc:
        return False
    return origin == f"{request.scheme}://{request.get_host()}" or origin in getattr(
        settings, "CSRF_TRUSTED_ORIGINS", ()
    )


@csrf_exempt
@require_POST
def change(request):
    if not from_this_site(request):
        return HttpResponseForbidden(NOT_FROM_THIS_SITE, content_type="text/plain")
    index = (
        DirectoryIndexPage.objects.live().in_site(Site.find_for_request(request)).first()
        or DirectoryIndexPage.objects.live().first()
    )
    pk = request.POST.get("page", "")
    if pk.isdigit():
        if request.POST.get("action") == "remove":
            shortlist.remove(request.session, int(pk))
        else:
            shortlist.add(request.session, int(pk))
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        if index is not None:
            shortlist.remember_search(request.session, next_url, index.url)
        return redirect(next_url)
    return redirect(index.shortlist_url if index is not None else "/")
