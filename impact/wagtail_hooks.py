"""The impact figures on the admin home page, for this year. Coordinators
see every figure as counted, to today; a partner organisation's staff see
what the public sees (whole quarters that have ended, small counts of people
hidden), since the figures are the whole partnership's, not their own
organisation's. Only counts, never a person."""

from django.template.loader import render_to_string
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from directory.permissions import sees_everything, works_in_partnership

from . import dashboard, dashboard_panels, periods, public
from .figures import DEFAULT_ANNUAL_TARGET, report_for
from .models import ImpactPage


class ImpactPanel(Component):
    name = "impact"
    order = 260  # after the partnership's reminders, before recent edits
    template_name = "wagtailadmin/shared/panel.html"

    def __init__(self, public, request=None):
        self.public = public
        self.request = request

    def get_context_data(self, parent_context=None):
        page = ImpactPage.objects.live().first()
        target = page.annual_learning_target if page else DEFAULT_ANNUAL_TARGET
        today = timezone.localdate()
        asked_for = periods.named(periods.DEFAULT, today)
        if self.public:
            found = public.public_report(asked_for, target, today)
            report, small = (found.report, found.small_elsewhere) if found else (None, frozenset())
        else:
            report, small = report_for(asked_for, target), frozenset()
        context = {
            "period": asked_for,
            "public": self.public,
            "page": page,
            "report": report,
            # What apps above add (where help is needed): dashboard_panels.py.
            "extra_panels": dashboard_panels.panels(self.request, self.public),
        }
        if report is not None:
            context.update(
                period=report.period,
                headlines=dashboard.headlines(report, self.public, small),
                sections=dashboard.sections(report, self.public, small_elsewhere=small),
            )
        body = render_to_string("impact/admin/panel.html", context)
        return {
            "id": "impact",
            "heading": f"Impact: {asked_for.name.lower()}",
            "icon": "table",
            "classname": "w-panel--dashboard",
            "children": body,
        }


@hooks.register("construct_homepage_panels")
def add_impact_panel(request, panels):
    user = request.user
    if works_in_partnership(user):
        panels.append(ImpactPanel(public=not sees_everything(user), request=request))
