"""Learning resources not checked for as long as a stale listing join the
coordinators' reminders (manage.py remind_stale_listings)."""

import datetime
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from directory.models.access_points import STALE_AFTER_DAYS
from directory.permissions import coordinators_group
from tests.factories.learning import LearningResourceFactory
from tests.learning.test_admin import RESOURCES


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days)


def test_stale_resources_are_in_the_coordinators_reminder(demo_site, skill_areas, mailoutbox):
    coordinator = get_user_model().objects.create_user("coord", "coord@example.org", "x")
    coordinator.groups.add(coordinators_group())
    old = LearningResourceFactory(title="Old guide", last_checked=days_ago(STALE_AFTER_DAYS + 1))
    LearningResourceFactory(title="Older guide", last_checked=days_ago(STALE_AFTER_DAYS + 90))
    LearningResourceFactory(title="Fresh guide", last_checked=days_ago(STALE_AFTER_DAYS))
    out = StringIO()

    call_command("remind_stale_listings", stdout=out)

    assert "Sent 1 reminder about 0 stale listings and 2 learning resources." in out.getvalue()
    [message] = mailoutbox
    assert message.to == ["coord@example.org"]
    assert message.subject == "2 learning resources to check"
    assert message.body.index("Older guide") < message.body.index("Old guide")
    assert "Fresh guide" not in message.body
    assert f"http://testserver{RESOURCES}edit/{old.pk}/" in message.body
    assert old.is_stale


def test_nothing_stale_nothing_sent(demo_site, skill_areas, mailoutbox):
    LearningResourceFactory(last_checked=days_ago(10))
    out = StringIO()
    call_command("remind_stale_listings", stdout=out)
    assert mailoutbox == []
    assert "Sent 0 reminders about 0 stale listings." in out.getvalue()
