"""The referral models, moved from the directory app with their tables
(directory_referral, directory_referralevent, directory_routingrule and the
two many-to-many tables): created in the state only, never in the
database, which already holds them (directory/migrations/0003 and 0004)."""

import django.db.models.deletion
import django.utils.timezone
import referrals.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('directory', '0005_referrals_move_to_their_app'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are: only Django's idea of which app
            # holds the models changes.
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Referral',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reference', models.CharField(default=referrals.models.new_reference, editable=False, max_length=12, unique=True)),
                        ('mode', models.CharField(choices=[('referrer', 'Referred by someone who works with them'), ('self', 'Referred themselves')], default='referrer', max_length=10)),
                        ('referrer_name', models.CharField(blank=True, max_length=120)),
                        ('referrer_organisation', models.CharField(blank=True, max_length=120)),
                        ('referrer_role', models.CharField(blank=True, max_length=120)),
                        ('referrer_kind', models.CharField(blank=True, choices=[('council', 'Council'), ('jobcentre', 'Jobcentre Plus or DWP'), ('health', 'NHS, GP practice or other health service'), ('housing', 'Housing provider'), ('library', 'Library'), ('education', 'College or adult learning'), ('charity', 'Charity or community group'), ('other', 'Another kind of organisation')], max_length=20, verbose_name='kind of organisation')),
                        ('referrer_email', models.EmailField(blank=True, max_length=254)),
                        ('referrer_phone', models.CharField(blank=True, max_length=30)),
                        ('resident_name', models.CharField(max_length=120)),
                        ('contact_method', models.CharField(choices=[('phone', 'Phone'), ('email', 'Email'), ('post', 'Post'), ('referrer', 'Through the referrer')], max_length=10)),
                        ('resident_phone', models.CharField(blank=True, max_length=30)),
                        ('resident_email', models.EmailField(blank=True, max_length=254)),
                        ('resident_address', models.TextField(blank=True, max_length=500)),
                        ('postcode', models.CharField(max_length=8)),
                        ('age_band', models.CharField(blank=True, choices=[('under_18', 'Under 18'), ('18_to_64', '18 to 64'), ('65_plus', '65 or over'), ('', 'Prefer not to say')], max_length=10)),
                        ('barriers', models.JSONField(blank=True, default=list)),
                        ('goals', models.JSONField(blank=True, default=list)),
                        ('preferred_support', models.JSONField(blank=True, default=list)),
                        ('available_days', models.JSONField(blank=True, default=list)),
                        ('available_times', models.JSONField(blank=True, default=list)),
                        ('other_needs', models.TextField(blank=True, help_text='Other barriers, goals or needs.', max_length=2000, verbose_name='anything else')),
                        ('consent_text', models.TextField()),
                        ('consented_at', models.DateTimeField()),
                        ('matches', models.JSONField(blank=True, default=list, help_text='The suggestions shown at submission, with their reasons, as they were then.')),
                        ('eligibility', models.JSONField(blank=True, default=list)),
                        ('status', models.CharField(choices=[('new', 'New'), ('accepted', 'Accepted'), ('declined', 'Declined'), ('contacted', 'Contacted'), ('supported', 'Supported'), ('closed', 'Closed')], default='new', max_length=10)),
                        ('outcome', models.CharField(blank=True, choices=[('', 'Not yet known'), ('got_online', 'Got online'), ('device_provided', 'Device provided'), ('course_booked', 'Course booked'), ('ongoing_support', 'Ongoing support'), ('could_not_contact', 'Could not contact'), ('declined', 'Declined')], max_length=20)),
                        ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('contacted_at', models.DateTimeField(blank=True, null=True)),
                        ('closed_at', models.DateTimeField(blank=True, db_index=True, null=True)),
                        ('anonymised_at', models.DateTimeField(blank=True, null=True)),
                        ('accessibility_needs', models.ManyToManyField(blank=True, related_name='+', to='directory.accessibilityfeature')),
                        ('language', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='directory.language')),
                        ('organisation', models.ForeignKey(blank=True, help_text='The receiving partner; empty means the partnership coordinators.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='referrals', to='directory.organisationpage')),
                        ('requested_listing', models.ForeignKey(blank=True, help_text='The place the referrer chose, when they started from its page.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                    ],
                    options={
                        'db_table': 'directory_referral',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='ReferralEvent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('created', 'Referral received'), ('viewed', 'Viewed'), ('status', 'Status changed'), ('note', 'Note'), ('rerouted', 'Sent to another partner'), ('exported', 'Exported'), ('anonymised', 'Anonymised')], max_length=12)),
                        ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                        ('from_status', models.CharField(blank=True, max_length=10)),
                        ('to_status', models.CharField(blank=True, max_length=10)),
                        ('text', models.TextField(blank=True, max_length=2000)),
                        ('organisation', models.ForeignKey(blank=True, help_text='Where a re-routed referral went (empty: the coordinators).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='directory.organisationpage')),
                        ('referral', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='referrals.referral')),
                        ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'referral event',
                        'db_table': 'directory_referralevent',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='RoutingRule',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('trigger', models.CharField(choices=[('Barriers', [('no_device', 'No device (phone, tablet or computer)'), ('no_internet', 'No internet at home'), ('cannot_afford_data', 'Cannot afford data'), ('low_skills', 'Little or no digital skills'), ('low_confidence', 'Low confidence or worried about scams'), ('not_for_them', 'Not sure it is for them'), ('access_needs', 'Disability or access needs'), ('language', 'Needs another language'), ('other', 'Other')]), ('Goals', [('benefits', 'Apply for benefits'), ('health', 'Health and the NHS App'), ('jobs', 'Look for and apply for jobs'), ('family', 'Keep in touch with family and friends'), ('shopping', 'Shopping and paying bills'), ('council', 'Council services'), ('safety', 'Staying safe online'), ('something_else', 'Something else')])], help_text='The barrier or goal this rule is about.', max_length=30, verbose_name='barrier or goal')),
                        ('course_level', models.CharField(blank=True, choices=[('first_steps', 'First steps'), ('beginner', 'Beginner'), ('intermediate', 'Intermediate'), ('advanced', 'Advanced')], help_text='A course at this level suits the resident (empty: no course).', max_length=20)),
                        ('services', models.ManyToManyField(blank=True, help_text='Places offering any of these suit the resident.', related_name='+', to='directory.servicetype')),
                    ],
                    options={
                        'verbose_name': 'routing rule',
                        'db_table': 'directory_routingrule',
                        'ordering': ['trigger', 'pk'],
                    },
                ),
                migrations.AddIndex(
                    model_name='referral',
                    index=models.Index(fields=['organisation', 'status'], name='directory_r_organis_8376c1_idx'),
                ),
            ],
        ),
    ]
