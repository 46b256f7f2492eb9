from django.apps import AppConfig, apps


class ReferralsConfig(AppConfig):
    """Referrals: the form, routing, the partners' inbox and the routing
    rules. Its models keep the directory app's tables (see
    migrations/0001_initial.py); it sits above the directory and the courses,
    whose places and sessions it suggests."""

    name = "referrals"
    verbose_name = "Referrals"

    def ready(self):
        # The referral inbox and routing rules in the admin.
        from referrals import admin, data_protection  # noqa: F401

        # One person's referrals count with the directory's problem reports
        # (website/personal_data.py), listed first, as they always were.
        apps.get_app_config("directory").personal_data_parts.insert(0, data_protection)

    def seed_demo(self, home, stdout):
        """Called by website's seed_demo, after the directory's demo (the
        app comes next in INSTALLED_APPS): about 150 demo referrals."""
        from referrals import demo

        demo.build(stdout)
