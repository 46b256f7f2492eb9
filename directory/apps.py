from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Directory of access points and referrals"

    def ready(self):
        # Each new organisation gets its editors group (see permissions.py).
        from directory import signals  # noqa: F401

    def seed_demo(self, home, stdout):
        """Called by website's seed_demo: add the demo directory."""
        from directory import demo

        demo.build(home, stdout)

    def seed_bench(self, listings, stdout):
        """Called by website's seed_bench: add `listings` synthetic access
        points for benchmarks (see bench.py)."""
        from directory import bench

        bench.seed(listings, stdout)
