"""Referrals left the directory app for their own (issue 16) keeping every
row: a database as main left it (directory at 0004, the referral models
still the directory's) migrates forward with the same referrals, events,
routing rules and many-to-many rows, and a group keeps its referral
permissions. The models are written through the migrations' historical
models, so this holds on SQLite and PostgreSQL alike."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from directory.models import AccessibilityFeature, Language, ServiceType
from referrals.models import Referral, ReferralEvent, RoutingRule
from tests.referrals.conftest import make_user

BEFORE = [("directory", "0004_referrer_kind")]
MODELS = ("Referral", "ReferralEvent", "RoutingRule")


def migrate(targets=None):
    """Migrate to `targets` (the latest of every app when None); the
    historical apps of the directory at 0004."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()
    return executor.loader.project_state(BEFORE).apps


def rows(referral, event, rule):
    """Every referral, event and rule as values, and the many-to-many rows."""
    needs = referral.accessibility_needs.through.objects
    services = rule.services.through.objects
    return {
        "referrals": list(referral.objects.order_by("pk").values()),
        "events": list(event.objects.order_by("pk").values()),
        "rules": list(rule.objects.order_by("pk").values()),
        "needs": sorted(needs.values_list("referral_id", "accessibilityfeature_id")),
        "services": sorted(services.values_list("routingrule_id", "servicetype_id")),
    }


def old_rows(old):
    """What main's models hold."""
    return rows(*(old.get_model("directory", name) for name in MODELS))


def new_rows():
    return rows(Referral, ReferralEvent, RoutingRule)


def fill(old, organisation, place, user):
    """Referrals, events and rules as main's code would have saved them."""
    OldReferral = old.get_model("directory", "Referral")
    OldEvent = old.get_model("directory", "ReferralEvent")
    OldRule = old.get_model("directory", "RoutingRule")
    now = timezone.now()
    for n in range(3):
        referral = OldReferral.objects.create(
            reference=f"REF-MOVED{n}",
            resident_name=f"Resident {n}",
            contact_method="phone",
            resident_phone="01632 960 123",
            postcode="PR7 1DP",
            barriers=["no_device"],
            consent_text="Agreed.",
            consented_at=now,
            organisation_id=organisation.pk if n else None,
            requested_listing_id=place.pk,
            language_id=Language.objects.values_list("pk", flat=True).first(),
            referrer_kind="library",
            status="accepted" if n else "new",
            created_at=now - datetime.timedelta(days=n),
        )
        referral.accessibility_needs.set(AccessibilityFeature.objects.values_list("pk", flat=True))
        OldEvent.objects.create(referral=referral, kind="created", user_id=user.pk)
        OldEvent.objects.create(
            referral=referral, kind="rerouted", organisation_id=organisation.pk, text="Moved."
        )
    rule = OldRule.objects.create(trigger="no_device", course_level="beginner")
    rule.services.set(ServiceType.objects.values_list("pk", flat=True)[:2])
    OldRule.objects.create(trigger="jobs")


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_move_keeps_every_referral(partner_a, lender):
    user = make_user("reader")
    try:
        old = migrate(BEFORE)
        readers = Group.objects.create(name="Referral readers")
        readers.permissions.add(
            old.get_model("auth", "Permission")
            .objects.get(content_type__app_label="directory", codename="view_referral")
            .pk
        )
        user.groups.add(readers)
        fill(old, partner_a, lender, user)
        before = old_rows(old)
    finally:
        migrate()

    after = new_rows()
    assert [len(after[rows]) for rows in ("referrals", "events", "rules")] == [3, 6, 2]
    assert after["needs"] and len(after["services"]) == 2
    # Fields added since the move (referrals 0003, 0004): empty on every old referral.
    assert [row.pop("skills_check") for row in after["referrals"]] == [[], [], []]
    texts = [
        (row.pop("texts_to"), row.pop("texts_consent_text"), row.pop("texts_consented_at"))
        for row in after["referrals"]
    ]
    assert texts == [("", "", None)] * 3
    assert after == before
    referral = Referral.objects.get(reference="REF-MOVED1")
    assert referral.organisation == partner_a
    assert referral.requested_listing.specific == lender
    assert referral.events.count() == 2
    # The group's permission is the referrals app's now, and still works.
    assert readers.permissions.get().content_type.app_label == "referrals"
    assert get_fresh_user(user).has_perm("referrals.view_referral")
    # New rows carry on after the old ones (PostgreSQL's sequences too).
    assert RoutingRule.objects.create(trigger="health").pk > max(r["id"] for r in before["rules"])


def get_fresh_user(user):
    """The user without the permissions Django cached on the object."""
    return type(user).objects.get(pk=user.pk)
