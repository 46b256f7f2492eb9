from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = "Courses and bookings"

    def seed_demo(self, home, stdout):
        """Called by website's seed_demo, after the directory's demo: add
        demo courses at the demo access points."""
        from training import demo

        demo.build(home, stdout)
