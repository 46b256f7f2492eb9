"""The referral models' content types follow them to the referrals app, so
the permissions that point at them (and the groups and users holding those
permissions) and the admin's log entries carry over unchanged."""

from django.db import migrations

MODELS = ("referral", "referralevent", "routingrule")


def move(apps, from_label, to_label):
    content_types = apps.get_model("contenttypes", "ContentType").objects
    for model in MODELS:
        old = content_types.filter(app_label=from_label, model=model).first()
        if old is None:
            continue  # a new database: content types come after migrating
        # A row under the new label exists only if a migration back and forth
        # made one: the old row, which the grants point to, wins.
        content_types.filter(app_label=to_label, model=model).delete()
        old.app_label = to_label
        old.save(update_fields=["app_label"])


def forwards(apps, schema_editor):
    move(apps, "directory", "referrals")


def backwards(apps, schema_editor):
    move(apps, "referrals", "directory")


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
