from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Directory of access points and referrals"

    def ready(self):
        # Each new organisation gets its editors group (see permissions.py).
        from directory import feedback_data_protection, page_routes, signals  # noqa: F401

        # What the pages' routes answer (website/page_routes.py).
        self.page_routes = page_routes

        # The registers whose personal data website/personal_data.py finds
        # under this app's name: problem reports, and what the apps above
        # add (the referrals app puts its referrals first).
        self.personal_data_parts = [feedback_data_protection]

    def seed_demo(self, home, stdout):
        """Called by website's seed_demo: add the demo directory."""
        from directory import demo

        demo.build(home, stdout)

    def seed_bench(self, listings, stdout):
        """Called by website's seed_bench: add `listings` synthetic access
        points for benchmarks (see bench.py)."""
        from directory import bench

        bench.seed(listings, stdout)

    # Data protection (see website/personal_data.py), over every part.

    def personal_data(self, who):
        return [record for part in self.personal_data_parts for record in part.personal_data(who)]

    def erase_personal_data(self, who):
        return sum(part.erase_personal_data(who) for part in self.personal_data_parts)

    def apply_retention(self, settings, now):
        return sum(part.apply_retention(settings, now) for part in self.personal_data_parts)
