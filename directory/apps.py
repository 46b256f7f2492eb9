from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Directory of access points and referrals"

    def ready(self):
        # Each new organisation gets its editors group (see permissions.py).
        from directory import signals  # noqa: F401

        # The referral inbox and routing rules in the admin.
        from directory.referrals import admin  # noqa: F401

    def seed_demo(self, home, stdout):
        """Called by website's seed_demo: add the demo directory."""
        from directory import demo

        demo.build(home, stdout)
        self.seed_referrals(stdout)

    def seed_bench(self, listings, stdout):
        """Called by website's seed_bench: add `listings` synthetic access
        points for benchmarks (see bench.py)."""
        from directory import bench

        bench.seed(listings, stdout)

    # Referrals (directory/referrals): demo data and the three personal-data
    # hooks that website/personal_data.py calls.

    def seed_referrals(self, stdout):
        from directory.referrals import demo as referral_demo

        referral_demo.build(stdout)

    # Referrals and problem reports, counted together as the directory's.

    def personal_data(self, email):
        from directory import feedback_data_protection as reports
        from directory.referrals import data_protection as referrals

        return referrals.personal_data(email) + reports.personal_data(email)

    def erase_personal_data(self, email):
        from directory import feedback_data_protection as reports
        from directory.referrals import data_protection as referrals

        return referrals.erase_personal_data(email) + reports.erase_personal_data(email)

    def apply_retention(self, settings, now):
        from directory import feedback_data_protection as reports
        from directory.referrals import data_protection as referrals

        return referrals.apply_retention(settings, now) + reports.apply_retention(settings, now)
