from django.db import migrations

from champions.models.skills import STARTING_SKILLS


def add_starting_skills(apps, schema_editor):
    Skill = apps.get_model("champions", "Skill")
    for order, (slug, name) in enumerate(STARTING_SKILLS):
        Skill.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("champions", "0001_initial")]

    operations = [migrations.RunPython(add_starting_skills, migrations.RunPython.noop)]
