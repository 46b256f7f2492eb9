from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Events at /events/: their pages, the upcoming list and its feed, and
    booking through the course booking engine. Above training (whose
    sessions, bookings and calendar files it uses) and the directory (whose
    access points it is held at); the impact dashboard reads it."""

    name = "events"
    verbose_name = "Events"

    def ready(self):
        from directory import listing_extras
        from events import page_routes, receivers  # noqa: F401
        from events.home_section import next_events_section
        from events.listing import events_at, events_naming
        from website import home_sections

        # An access point's page lists its upcoming events; a CDN forgets
        # those events' pages when the place changes.
        listing_extras.register(events_here=events_at, pages_showing=events_naming)

        # The home page shows the next few events (website/home_sections.py).
        home_sections.register(next_events_section)

        # What the event pages' routes answer (website/page_routes.py).
        self.page_routes = page_routes

    def seed_demo(self, home, stdout):
        """Called by website's seed_demo, after the directory's and the
        courses' demo: the events index and a handful of events."""
        from events import demo

        demo.build(home, stdout)

    def seed_bench(self, listings, stdout):
        """Called by website's seed_bench, after the directory's and the
        courses': one event for every ten listings (see bench.py)."""
        from events import bench

        bench.seed(listings, stdout)
