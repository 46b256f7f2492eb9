from django.apps import AppConfig


class LearningConfig(AppConfig):
    """The skills check (/skills-check/) and learning at home
    (/learn-at-home/). Above training, whose skill areas, levels and
    courses it uses; below referrals, which runs the check inside a
    referral."""

    name = "learning"
    verbose_name = "Skills check and learning at home"

    def ready(self):
        # Course and access point pages show resources for their skill areas.
        from directory import stale_listings
        from learning import page_resources, stale_resources
        from website import page_extras

        page_extras.register("training.CoursePage", page_resources.for_course)
        page_extras.register("directory.AccessPointPage", page_resources.for_access_point)
        # Resources not checked for as long as a stale listing join the
        # coordinators' reminders (manage.py remind_stale_listings).
        stale_listings.register(stale_resources.SINGULAR, stale_resources.checked_before)

    def seed_demo(self, home, stdout):
        """Called by website's seed_demo, after the courses' demo: the
        skills check's statements and some learning-at-home resources."""
        from learning import demo

        demo.build(stdout)
