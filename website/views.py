"""The brand site's own views: site search and the brand stylesheet. Pages
themselves are served by Wagtail."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page

from website.form_protection import SEARCH_TOO_MANY, searches_over_limit
from website.forms import SearchForm
from website.models import BrandSettings

RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    results_page = None
    status = 200
    if form.is_valid():
        if searches_over_limit(request):
            form.add_error(None, SEARCH_TOO_MANY)
            status = 429
        else:
            results = Page.objects.live().public().specific().search(form.cleaned_data["q"])
            results_page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "website/search.html",
        {
            "form": form,
            "results_page": results_page,
            "results": with_where_from(results_page.object_list) if results_page else [],
        },
        status=status,
    )


def with_where_from(pages):
    """(page, the page it sits under) for each result, so two courses of
    one title from different partners can be told apart: one query."""
    pages = list(pages)
    parent_paths = {page.path[: -page.steplen] for page in pages if page.depth > 3}
    titles = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "title"))
    return [(page, titles.get(page.path[: -page.steplen], "")) for page in pages]


@require_GET
def brand_css(request):
    """The brand colour as CSS custom properties. Served as a stylesheet,
    not inline, so pages need no inline style; the URL carries the colour, so
    browsers may cache it for a year."""
    brand = BrandSettings.for_request(request)
    css = (
        ":root{"
        f"--brand-colour:{brand.brand_colour};"
        f"--brand-colour-dark:{brand.brand_colour_dark};"
        "}\n"
    )
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    if request.GET.get("v") == brand.brand_colour.lstrip("#"):
        patch_cache_control(response, public=True, max_age=60 * 60 * 24 * 365, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=300)
    return response
