from django.apps import AppConfig


class NeighbourhoodsConfig(AppConfig):
    """Neighbourhood data on digital exclusion (areas and published
    indicators) beside the partnership's reach: the nearest access point
    and the referrals, bookings and champions from each area. The top
    layer: it reads the directory, referrals, courses and champions, and
    hides small counts as the impact dashboard does (docs/exclusion-data.md)."""

    name = "neighbourhoods"
    verbose_name = "Where help is needed"

    def ready(self):
        from impact import dashboard_panels
        from neighbourhoods import page_routes, receivers
        from neighbourhoods.impact_panel import where_help_is_needed_panel

        self.page_routes = page_routes
        receivers.connect()
        # The gaps on the impact dashboard (impact/dashboard_panels.py).
        dashboard_panels.register(where_help_is_needed_panel)

    def seed_demo(self, home, stdout):
        """Called by website's seed_demo after the other apps' demos: demo
        neighbourhoods from the demo postcodes, a fictional indicator, the
        page at /where-help-is-needed/."""
        from neighbourhoods import demo

        demo.build(home, stdout)
