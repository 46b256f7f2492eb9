from django.db import migrations

from training.framework import ensure_skill_areas


def add_skill_areas(apps, schema_editor):
    ensure_skill_areas(apps.get_model("training", "SkillArea"))


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]

    operations = [migrations.RunPython(add_skill_areas, migrations.RunPython.noop)]
