from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('website', '0010_coordinators_see_the_texts'),
    ]

    operations = [
        migrations.AddField(
            model_name='outgoingemail',
            name='deliveries',
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name='outgoingemail',
            name='delivery',
            field=models.CharField(blank=True, choices=[('', 'Not known'), ('created', 'Created'), ('sending', 'Sending'), ('delivered', 'Delivered'), ('permanent-failure', 'Not delivered: the address does not exist'), ('temporary-failure', 'Not delivered: the inbox was full or refused it'), ('technical-failure', 'Not delivered: a fault at Notify')], default='', max_length=20),
        ),
        migrations.AddField(
            model_name='outgoingemail',
            name='delivery_checked_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='outgoingemail',
            name='notify_ids',
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
