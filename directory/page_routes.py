"""What the directory's pages answer: parse the request with a form, call a
service, hand the template what it shows. The pages call these from their
routes and get_context, through the module DirectoryConfig.ready() names
(website/page_routes.py), so that the models never import what imports
them. Until issue 16 this was directory/views.py."""

from django.conf import settings
from django.core.mail import send_mail
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from directory import coverage, listing_extras, shortlist
from directory.forms import DirectorySearchForm, ProblemReportForm, ShortlistEmailForm
from directory.notifications import problem_reported
from directory.search import find_hits, load_results
from directory.search_texts import count_text, narrowing_text, no_results_text
from directory.structured_data import access_point_json_ld
from website.form_protection import over_limit

RESULTS_PER_PAGE = 20
# Deeper than this, a search's hits are all worked out (see hits_needed).
DEEPEST_BOUNDED_PAGE = 50


def map_settings():
    """Where map tiles come from (an empty URL draws markers on a plain
    background: the tests use that so no request leaves the machine)."""
    return {
        "map_tiles_url": settings.MAP_TILES_URL,
        "map_attribution": settings.MAP_ATTRIBUTION,
    }


def referral_url(page):
    """The referral form for this place, once the referral form exists."""
    try:
        return f"{reverse('referral_start')}?to={page.pk}"
    except NoReverseMatch:
        return ""


def access_point_context(request, page):
    """What an access point's page shows beyond its own fields."""
    index = page.get_parent().get_parent().specific
    return {
        **map_settings(),
        "shortlist_url": index.shortlist_url,
        "shortlisted": set(shortlist.shortlisted_ids(request.session)),
        "organisation": page.organisation,
        "services": page.services_list,
        "accessibility": page.accessibility_list,
        "languages": [language.name for language in page.languages.all()],
        "is_current": page.is_shown_on(timezone.localdate()),
        "referral_url": referral_url(page),
        # Courses held here, when the training app is installed (it registers them).
        "courses": listing_extras.courses_here(page),
        **events_here_context(page),
        "json_ld": access_point_json_ld(page, page.get_full_url(request)),
        "marker": (
            {"lat": page.latitude, "lng": page.longitude, "title": page.title, "label": ""}
            if page.directions_links
            else None
        ),
    }


def events_here_context(page):
    """Upcoming events held here, when the events app is installed (it
    registers them); templates/events/includes/events_here.html shows them."""
    return {"events_here": listing_extras.events_here(page)}


def map_markers(results, first_number=1):
    """What the map shows: only places whose exact address is public (each
    result's `map_position`; courses have none), each numbered as in the
    results list, which holds all of its information."""
    return [
        {
            "lat": round(result.map_position[0], 5),
            "lng": round(result.map_position[1], 5),
            "title": result.page.title,
            "label": str(number),
        }
        for number, result in enumerate(results, start=first_number)
        if result.map_position is not None
    ]


def hits_needed(page):
    """How many of a search's first hits the asked-for page of results
    shows, at most; None for all of them (the last page, or a deep one)."""
    number = int(page) if page and page.isdigit() else 1
    if page == "last" or number > DEEPEST_BOUNDED_PAGE:
        return None
    return max(number, 1) * RESULTS_PER_PAGE


def directory_search_context(request, index_page):
    # Always bound: every field is optional, so an empty query is valid and
    # lists everything.
    form = DirectorySearchForm(request.GET)
    now = timezone.localtime()
    query = form.directory_query()
    hits = find_hits(query, now, upto=hits_needed(request.GET.get("page")))
    results_page = Paginator(hits, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    results = load_results(list(results_page.object_list), query, now)
    return {
        "form": form,
        "query": query,
        "results_page": results_page,
        "results": results,
        "result_count": len(hits),
        "count_text": count_text(hits, query),
        "narrowing_text": narrowing_text(query),
        "no_results_text": no_results_text(query),
        # Nothing within reach (online and phone courses have no distance).
        "miles_outside": None if hits.any_distance() else coverage.miles_outside(query.location),
        # With a postcode, listings with no distance (online and phone
        # courses) come after everything in reach; the page says so.
        "any_without_distance": bool(query.location) and hits.any_distance(present=False),
        "markers": map_markers(results, results_page.start_index()),
        "searched": bool(request.GET),
        "shortlisted": set(shortlist.shortlisted_ids(request.session)),
        "shortlist_url": index_page.shortlist_url,
        "filters_open": form.has_filters,
        **map_settings(),
    }


def report_problem(request, page):
    """The public 'report a problem' form for a listing. Valid reports are
    stored first, then the editors and coordinators are told."""
    if request.method == "POST":
        form = ProblemReportForm(request.POST)
        if over_limit(request, "problem-report", limit=10, window_seconds=3600):
            form.add_error(None, "You have sent a lot of reports. Please try again in an hour.")
        elif form.is_valid():
            report = form.save(commit=False)
            report.listing = page
            report.save()
            problem_reported(report)
            return redirect(page.url + page.reverse_subpage("report_problem_sent"))
    else:
        form = ProblemReportForm()
    return TemplateResponse(request, "directory/report_problem.html", {"page": page, "form": form})


def report_problem_sent(request, page):
    return TemplateResponse(request, "directory/report_problem_sent.html", {"page": page})


def shortlist_view(request, index_page):
    """Show the shortlist, or email it (POST); its buttons add and remove
    through shortlist_views.change."""
    email_form = ShortlistEmailForm()
    sent_to = ""
    if request.method == "POST" and request.POST.get("action") == "email":
        email_form = ShortlistEmailForm(request.POST)
        pages = shortlist.listings(request.session)
        if over_limit(request, "shortlist-email", limit=5, window_seconds=3600):
            email_form.add_error(None, "You have sent a lot of emails. Try again later.")
        elif not pages:
            email_form.add_error(None, "Your shortlist is empty.")
        elif email_form.is_valid():
            sent_to = email_form.cleaned_data["email"]
            send_mail(
                subject="Your shortlist of places to get help",
                message=shortlist.as_text(pages),
                from_email=None,
                recipient_list=[sent_to],
            )
            email_form = ShortlistEmailForm()
    listings = shortlist.listings(request.session)
    return TemplateResponse(
        request,
        "directory/shortlist.html",
        {
            "page": index_page,
            "back_url": shortlist.last_search(request.session, index_page.url),
            "listings": listings,
            "shortlisted": {listing.pk for listing in listings},
            "shortlist_url": index_page.shortlist_url,
            "email_form": email_form,
            "sent_to": sent_to,
        },
    )
