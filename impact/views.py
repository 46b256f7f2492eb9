"""The impact page's views: parse the period with the form, compute the
report, hand the template what it shows. The public page always hides
small counts of people (see suppression.py)."""

from django.http import Http404, HttpResponseBadRequest
from django.utils import timezone

from website.spreadsheets import csv_response

from . import dashboard, periods
from .figures import report_for
from .forms import choose_period


def dashboard_context(request, page):
    """Other parameters in the query string (a campaign tag) leave the
    default period in place."""
    today = timezone.localdate()
    choice = choose_period(request.GET, today)
    counted = periods.for_the_public(choice.period, today) if choice.period else None
    context = {
        "fixed_form": choice.fixed,
        "dates_form": choice.dates,
        "form": choice.errors_form,
        "period": counted,
        "asked_for": choice.period,
        "sections": [],
        "headlines": [],
    }
    if counted is None:
        return context
    report = report_for(counted, page.annual_learning_target)
    return {
        **context,
        "sections": dashboard.sections(report, public=True, page_url=page.url),
        "headlines": dashboard.headlines(report, public=True),
    }


def figure_csv(request, page, slug):
    choice = choose_period(request.GET, timezone.localdate())
    if choice.period is None:
        problems = "; ".join(message for _anchor, message in choice.errors_form.error_links)
        return HttpResponseBadRequest(
            f"Choose the period again: {problems}.", content_type="text/plain; charset=utf-8"
        )
    period = periods.for_the_public(choice.period, timezone.localdate())
    if period is None:
        raise Http404("No month of this period has ended yet")
    found = dashboard.csv_rows(report_for(period, page.annual_learning_target), slug, public=True)
    if found is None:
        raise Http404("No such figure")
    headings, rows = found
    return csv_response(f"{slug}-{period.start}-to-{period.end}", headings, rows)
