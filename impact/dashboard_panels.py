"""What the apps above add to the impact dashboard, registered from their
AppConfig.ready(), so that impact imports none of them (as
website/home_sections.py does for the home page).

A panel is a function of (request, public) returning None (nothing to
show) or a dict with two templates to include: `template` on the public
impact page (GOV.UK Frontend), `admin_template` in the admin home page's
impact panel, and what they show. `public` is True for visitors and for
partners' staff: small counts of people hidden (suppression.py). The
impact page shows each panel below its figures, in the order the apps
registered them, whatever period is chosen. Neighbourhoods registers
where help is needed (neighbourhoods/impact_panel.py)."""

PANELS = []


def register(panel):
    PANELS.append(panel)


def panels(request, public):
    return [shown for panel in PANELS if (shown := panel(request, public))]
