"""The referral inbox: each partner sees only its own referrals, by list,
search, export and guessed URL; coordinators see all; every view, move,
note and export is in the audit trail."""

import datetime

import pytest
from django.utils import timezone

from referrals.models import Referral, ReferralEvent
from tests.factories.referrals import ReferralFactory

INDEX = "/admin/directory/referral/"


def inspect_url(referral):
    return f"{INDEX}inspect/{referral.pk}/"


@pytest.fixture
def for_a(partner_a):
    return ReferralFactory(organisation=partner_a, resident_name="Alice Apple")


@pytest.fixture
def for_b(partner_b):
    return ReferralFactory(organisation=partner_b, resident_name="Bob Banana")


@pytest.fixture
def for_coordinators(directory):
    return ReferralFactory(organisation=None, resident_name="Cara Cherry")


def test_partner_b_cannot_see_partner_a_referrals(client, staff_b, for_a, for_b):
    client.force_login(staff_b)

    listing = client.get(INDEX).content.decode()
    search = client.get(INDEX, {"q": "Alice"}).content.decode()
    export = b"".join(client.get(INDEX, {"export": "csv"}).streaming_content).decode()
    guessed = client.get(inspect_url(for_a))
    guessed_post = client.post(inspect_url(for_a), {"action": "note", "text": "hello"})

    assert for_b.reference in listing
    assert for_a.reference not in listing
    assert for_a.reference not in search
    assert "Alice Apple" not in search
    assert "Bob Banana" in export
    assert "Alice" not in export
    assert guessed.status_code in (302, 403)
    assert guessed_post.status_code in (302, 403)
    assert not for_a.events.exists()


def test_coordinators_see_every_referral_and_the_overdue_flag(
    client, coordinator, for_a, for_b, for_coordinators
):
    Referral.objects.filter(pk=for_a.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=10)
    )
    client.force_login(coordinator)

    listing = client.get(INDEX).content.decode()
    overdue = client.get(INDEX, {"overdue": "yes"}).content.decode()

    for referral in (for_a, for_b, for_coordinators):
        assert referral.reference in listing
    assert "Not contacted within 5 working days" in listing
    assert for_a.reference in overdue
    assert for_b.reference not in overdue


def test_people_outside_the_partnership_have_no_inbox(client, directory, for_a):
    from tests.referrals.conftest import make_user

    client.force_login(make_user("outsider", is_staff=True, is_superuser=False))

    assert client.get(INDEX).status_code in (302, 403)


def test_viewing_and_exporting_are_recorded(client, staff_a, for_a):
    client.force_login(staff_a)

    page = client.get(inspect_url(for_a)).content.decode()
    b"".join(client.get(INDEX, {"export": "csv"}).streaming_content)

    assert "Alice Apple" in page
    kinds = list(for_a.events.values_list("kind", "user"))
    assert (ReferralEvent.Kind.VIEWED, staff_a.pk) in kinds
    assert (ReferralEvent.Kind.EXPORTED, staff_a.pk) in kinds


def test_export_cells_cannot_run_as_formulas(client, staff_a, partner_a):
    ReferralFactory(organisation=partner_a, resident_name="=HYPERLINK(evil)")
    client.force_login(staff_a)

    export = b"".join(client.get(INDEX, {"export": "csv"}).streaming_content).decode()

    assert export.startswith("\ufeff")
    assert "'=HYPERLINK(evil)" in export


def test_a_partner_moves_a_referral_to_closed_with_an_outcome(client, staff_a, for_a):
    client.force_login(staff_a)
    url = inspect_url(for_a)

    for status in ("accepted", "contacted", "supported"):
        client.post(url, {"action": "status", "to_status": status})
    refused = client.post(url, {"action": "status", "to_status": "closed"}, follow=True)
    client.post(url, {"action": "status", "to_status": "closed", "outcome": "got_online"})

    for_a.refresh_from_db()
    assert "Choose an outcome to close the referral." in refused.content.decode()
    assert for_a.status == Referral.Status.CLOSED
    assert for_a.outcome == "got_online"
    assert for_a.contacted_at is not None
    assert for_a.closed_at is not None
    moves = list(for_a.events.filter(kind="status").values_list("from_status", "to_status", "user"))
    assert moves == [
        ("new", "accepted", staff_a.pk),
        ("accepted", "contacted", staff_a.pk),
        ("contacted", "supported", staff_a.pk),
        ("supported", "closed", staff_a.pk),
    ]


def test_declining_needs_a_reason_and_sends_it_back_to_coordinators(
    client, staff_a, coordinator, for_a
):
    client.force_login(staff_a)
    url = inspect_url(for_a)

    client.post(url, {"action": "status", "to_status": "declined"})
    for_a.refresh_from_db()
    assert for_a.status == Referral.Status.NEW

    response = client.post(url, {"action": "status", "to_status": "declined", "reason": "Full"})

    for_a.refresh_from_db()
    assert for_a.status == Referral.Status.DECLINED
    assert for_a.organisation is None
    assert response["Location"] == INDEX
    assert client.get(url).status_code in (302, 403)
    client.force_login(coordinator)
    assert "Full" in client.get(url).content.decode()


def test_a_referral_can_be_sent_to_another_partner_with_a_reason(
    client, staff_a, staff_b, for_a, partner_b
):
    client.force_login(staff_a)

    client.post(inspect_url(for_a), {"action": "reroute", "organisation": partner_b.pk})
    for_a.refresh_from_db()
    assert for_a.organisation_id != partner_b.pk

    client.post(
        inspect_url(for_a),
        {"action": "reroute", "organisation": partner_b.pk, "reason": "Nearer to them"},
    )

    for_a.refresh_from_db()
    assert for_a.organisation_id == partner_b.pk
    event = for_a.events.get(kind="rerouted")
    assert (event.user, event.text, event.organisation_id) == (
        staff_a,
        "Nearer to them",
        partner_b.pk,
    )
    client.force_login(staff_b)
    assert "Alice Apple" in client.get(inspect_url(for_a)).content.decode()


def test_notes_are_recorded_with_who_wrote_them(client, staff_a, for_a):
    client.force_login(staff_a)

    client.post(inspect_url(for_a), {"action": "note", "text": "Left a voicemail."})

    note = for_a.events.get(kind="note")
    assert (note.user, note.text) == (staff_a, "Left a voicemail.")
    assert "Left a voicemail." in client.get(inspect_url(for_a)).content.decode()


def test_routing_rules_are_for_coordinators_only(client, staff_a, coordinator):
    client.force_login(staff_a)
    assert client.get("/admin/directory/routingrule/").status_code in (302, 403)

    client.force_login(coordinator)
    assert client.get("/admin/directory/routingrule/").status_code == 200
    assert client.get("/admin/directory/routingrule/create/").status_code == 200


def test_the_new_partner_is_told_when_a_referral_is_sent_to_them(
    client, staff_a, staff_b, for_a, partner_b, mailoutbox
):
    client.force_login(staff_a)

    client.post(
        inspect_url(for_a), {"action": "reroute", "organisation": partner_b.pk, "reason": "Nearer"}
    )

    assert [message.to for message in mailoutbox] == [["staff-b@example.org"]]
    assert "Alice" not in mailoutbox[0].body


def test_the_dashboard_shows_referrals_waiting_too_long(client, coordinator, staff_b, for_a):
    Referral.objects.filter(pk=for_a.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=10)
    )

    client.force_login(coordinator)
    coordinators_dashboard = client.get("/admin/").content.decode()
    client.force_login(staff_b)
    partner_b_dashboard = client.get("/admin/").content.decode()

    assert "1 referral has not been contacted within 5 working days" in coordinators_dashboard
    assert "?overdue=yes" in coordinators_dashboard
    assert "not been contacted" not in partner_b_dashboard
