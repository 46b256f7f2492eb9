from django.apps import AppConfig


class ImpactConfig(AppConfig):
    """The partnership's impact dashboard: figures drawn from the directory,
    courses, champions and referrals. Its own app because it reads every
    other app's records, and `website` (which the others build on) must
    import none of them (see docs/impact.md)."""

    name = "impact"
    verbose_name = "Impact dashboard"

    def ready(self):
        # What the impact page's routes answer (website/page_routes.py).
        from impact import page_routes

        self.page_routes = page_routes

    def seed_demo(self, home, stdout):
        """Called by website's seed_demo, after the other apps' demos: the
        impact page at /impact/, linked from the footer."""
        from impact import demo

        demo.build(home, stdout)
