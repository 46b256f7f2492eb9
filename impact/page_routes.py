"""What the impact page's routes answer (ImpactConfig.ready() names this
module for the page: website/page_routes.py; until issue 16 it was
impact/views.py): parse the period with the form, compute the report, hand
the template what it shows. The public page hides small
counts of people (see suppression.py); a signed-in coordinator gets every
figure as counted, for any dates."""

from django.http import Http404, HttpResponseBadRequest
from django.utils import timezone

from directory.permissions import sees_everything_once
from website.spreadsheets import csv_response

from . import dashboard, dashboard_panels, public, suppression
from .figures import report_for
from .forms import choose_period


def dashboard_context(request, page):
    """Other parameters in the query string (a campaign tag) leave the
    default period in place."""
    today = timezone.localdate()
    choice = choose_period(request.GET, today)
    is_public = not sees_everything_once(request.user)
    found = None
    if choice.period:
        found, is_public = figures_for(request, choice.period, page.annual_learning_target, today)
    context = {
        "fixed_form": choice.fixed,
        "dates_form": choice.dates,
        "form": choice.errors_form,
        "period": found.period if found else None,
        "asked_for": choice.period,
        # The public's period, made whole quarters, is not the one asked for.
        "widened": bool(found) and is_public and found.period != choice.period,
        "sections": [],
        "headlines": [],
        "coordinator_view": not is_public,
        # What apps above add (where help is needed): dashboard_panels.py.
        "extra_panels": dashboard_panels.panels(request, is_public),
    }
    if found is None:
        return context
    return with_not_shown(
        {
            **context,
            "sections": dashboard.sections(
                found.report,
                public=is_public,
                page_url=page.url,
                small_elsewhere=found.small_elsewhere,
            ),
            "headlines": dashboard.headlines(
                found.report, public=is_public, small_elsewhere=found.small_elsewhere
            ),
        }
    )


def figures_for(request, asked_for, annual_target, today):
    """(figures, public?): a signed-in coordinator gets every figure as
    counted for exactly the dates asked for; everyone else the public
    figures (whole quarters, small counts hidden)."""
    if sees_everything_once(request.user):
        return public.PublicReport(report_for(asked_for, annual_target), frozenset()), False
    return public.public_report(asked_for, annual_target, today), True


def with_not_shown(context):
    """Whether any figure says "not shown", for the page to say why."""
    context["any_not_shown"] = any(
        row.text == suppression.NOT_SHOWN_TEXT
        for section in context["sections"]
        for figure in section["figures"]
        for row in figure.shown.rows
    )
    return context


def figure_csv(request, page, slug):
    today = timezone.localdate()
    choice = choose_period(request.GET, today)
    if choice.period is None:
        problems = "; ".join(message for _anchor, message in choice.errors_form.error_links)
        return HttpResponseBadRequest(
            f"Choose the period again: {problems}.", content_type="text/plain; charset=utf-8"
        )
    found, is_public = figures_for(request, choice.period, page.annual_learning_target, today)
    if found is None:
        raise Http404("No quarter of this period has ended yet")
    rows = dashboard.csv_rows(
        found.report, slug, public=is_public, small_elsewhere=found.small_elsewhere
    )
    if rows is None:
        raise Http404("No such figure")
    headings, rows = rows
    period = found.period
    return csv_response(f"{slug}-{period.start}-to-{period.end}", headings, rows)
