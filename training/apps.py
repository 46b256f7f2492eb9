from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = "Courses and bookings"

    def ready(self):
        # Courses join the directory search and its open downloads;
        # published courses fill places. (The open-data API's courses are
        # openreferral/courses.py.)
        from directory import listing_extras
        from training import open_data, page_routes, receivers, search  # noqa: F401
        from training.models.courses import courses_at, courses_naming

        # An access point's page lists the courses held there; a CDN forgets
        # those courses' pages when the place changes.
        listing_extras.register(courses_here=courses_at, pages_showing=courses_naming)

        # What the course page's routes answer (website/page_routes.py).
        self.page_routes = page_routes

    # Data protection (see website/personal_data.py).
    def personal_data(self, who):
        from training import data_protection

        return data_protection.personal_data(who)

    def erase_personal_data(self, who):
        from training import data_protection

        return data_protection.erase_personal_data(who)

    def apply_retention(self, settings, now):
        from training import data_protection

        return data_protection.apply_retention(settings, now)

    def seed_demo(self, home, stdout):
        """Called by website's seed_demo, after the directory's demo: add
        demo courses at the demo access points."""
        from training import demo

        demo.build(home, stdout)

    def seed_bench(self, listings, stdout):
        """Called by website's seed_bench, after the directory's: add a
        course for every five synthetic access points (see bench.py)."""
        from training import bench

        bench.seed(listings, stdout)
