from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('referrals', '0003_skills_check'),
    ]

    operations = [
        migrations.AddField(
            model_name='referral',
            name='texts_consent_text',
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name='referral',
            name='texts_consented_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='referral',
            name='texts_to',
            field=models.CharField(blank=True, editable=False, max_length=16, verbose_name='texts to'),
        ),
    ]
