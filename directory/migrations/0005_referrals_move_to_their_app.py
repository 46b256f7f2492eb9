"""Referrals move to their own app (referrals/migrations/0001_initial.py),
keeping their tables, rows and sequences: here they leave the directory
app's state only."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0004_referrer_kind'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are: only Django's idea of which app
            # holds the models changes.
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name='referralevent',
                    name='referral',
                ),
                migrations.RemoveField(
                    model_name='referralevent',
                    name='organisation',
                ),
                migrations.RemoveField(
                    model_name='referralevent',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='routingrule',
                    name='services',
                ),
                migrations.DeleteModel(
                    name='Referral',
                ),
                migrations.DeleteModel(
                    name='ReferralEvent',
                ),
                migrations.DeleteModel(
                    name='RoutingRule',
                ),
            ],
        ),
    ]
