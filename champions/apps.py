from django.apps import AppConfig


class ChampionsConfig(AppConfig):
    name = "champions"
    verbose_name = "Digital champions"

    def ready(self):
        from champions.receivers import champion_training_completed
        from training.signals import course_completed

        course_completed.connect(
            champion_training_completed, dispatch_uid="champions.champion_training_completed"
        )

    def seed_demo(self, home, stdout):
        """Called by website's seed_demo, after the directory's demo: about
        80 champions in every status, at the demo organisations."""
        from champions import demo

        demo.build(stdout)

    # Data protection hooks (see website/personal_data.py).

    def personal_data(self, who):
        from champions import data_protection

        return data_protection.personal_data(who)

    def erase_personal_data(self, who):
        from champions import data_protection

        return data_protection.erase_personal_data(who)

    def apply_retention(self, settings, now):
        from champions import data_protection

        return data_protection.apply_retention(settings, now)
