"""The impact page's views: parse the period with the form, compute the
report, hand the template what it shows. The public page always hides
small counts of people (see suppression.py)."""

from django.http import Http404, HttpResponseBadRequest
from django.utils import timezone

from website.spreadsheets import csv_response

from . import dashboard
from .figures import report_for
from .forms import PeriodForm


def period_form(request):
    """Bound only when the query string chooses a period, so other
    parameters (a campaign tag) leave the default period in place."""
    asked = any(key in request.GET for key in dashboard.FORM_KEYS)
    return PeriodForm(request.GET if asked else None, today=timezone.localdate())


def dashboard_context(request, page):
    form = period_form(request)
    if form.is_bound and not form.is_valid():
        return {"form": form, "period": None, "sections": [], "headlines": []}
    period = form.chosen_period()
    report = report_for(period, page.annual_learning_target)
    return {
        "form": form,
        "period": period,
        "sections": dashboard.sections(report, public=True, page_url=page.url),
        "headlines": dashboard.headlines(report, public=True),
    }


def figure_csv(request, page, slug):
    form = period_form(request)
    if form.is_bound and not form.is_valid():
        problems = "; ".join(message for _anchor, message in form.error_links)
        return HttpResponseBadRequest(
            f"Choose the period again: {problems}.", content_type="text/plain; charset=utf-8"
        )
    period = form.chosen_period()
    found = dashboard.csv_rows(report_for(period, page.annual_learning_target), slug, public=True)
    if found is None:
        raise Http404("No such figure")
    headings, rows = found
    return csv_response(f"{slug}-{period.start}-to-{period.end}", headings, rows)
