"""Coordinators see the text messages the site sends and what became of
them: an existing Coordinators group gets the new permission, so an upgrade
needs no manual step (as 0005 did for the email outbox)."""

from django.db import migrations


def grant(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name="Coordinators").first()
    if group is None:
        return  # setup_partnership creates it with the permission
    content_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="website", model="outgoingtext"
    )
    permission, _ = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type,
        codename="view_outgoingtext",
        defaults={"name": "Can view outgoing text message"},
    )
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0009_text_messages"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
