"""Problem reports and internal notes in the admin: each organisation sees
only its own; internal notes are for coordinators only."""

import pytest
from django.contrib.auth import get_user_model

from directory.models import ListingNote, OrganisationPage, ProblemReport
from directory.permissions import coordinators_group

INDEX = "/admin/directory/problemreport/"


@pytest.fixture
def two_organisations(directory, make_place, organisation):
    other = OrganisationPage(title="Other Partner", slug="other-partner", summary="x")
    directory.add_child(instance=other)
    mine = make_place("My place")
    theirs = AccessPointPageFor(other)
    return (
        OrganisationPage.objects.get(pk=organisation.pk),
        OrganisationPage.objects.get(pk=other.pk),
        ProblemReport.objects.create(listing=mine, kind="other", details="Mine is wrong"),
        ProblemReport.objects.create(listing=theirs, kind="other", details="Theirs is wrong"),
    )


def AccessPointPageFor(organisation):  # noqa: N802 - reads like a constructor
    from directory.models import AccessPointPage

    page = AccessPointPage(
        title="Their place",
        summary="x",
        town="Leyland",
        postcode="PR25 1AA",
        latitude=53.69,
        longitude=-2.69,
    )
    organisation.add_child(instance=page)
    return page


def login(client, *groups):
    user = get_user_model().objects.create_user(f"user{len(groups)}{groups[0].pk}", password="pw")
    user.groups.add(*groups)
    client.force_login(user)
    return user


@pytest.mark.django_db
def test_partner_sees_only_reports_on_their_own_listings(client, two_organisations):
    mine_org, _, mine, theirs = two_organisations
    login(client, mine_org.editors_group)
    html = client.get(INDEX).content.decode()
    assert "My place" in html and "Their place" not in html
    assert client.get(f"{INDEX}edit/{mine.pk}/").status_code == 200
    response = client.get(f"{INDEX}edit/{theirs.pk}/")
    assert response.status_code in (302, 403)
    response = client.get(f"{INDEX}inspect/{theirs.pk}/")
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_partner_resolves_a_report_and_the_reply_address_goes(client, two_organisations):
    mine_org, _, mine, _ = two_organisations
    mine.reply_email = "reporter@example.org"
    mine.save()
    login(client, mine_org.editors_group)
    client.post(f"{INDEX}edit/{mine.pk}/", {"status": "resolved"})
    mine.refresh_from_db()
    assert mine.status == "resolved" and mine.reply_email == ""


@pytest.mark.django_db
def test_coordinator_sees_every_report_and_keeps_internal_notes(client, two_organisations):
    _, _, mine, _ = two_organisations
    coordinator = login(client, coordinators_group())
    html = client.get(INDEX).content.decode()
    assert "My place" in html and "Their place" in html
    response = client.post(
        "/admin/directory/listingnote/create/",
        {"listing": mine.listing_id, "text": "Spoke to the manager."},
    )
    assert response.status_code == 302
    note = ListingNote.objects.get()
    assert note.author == coordinator


@pytest.mark.django_db
def test_partner_cannot_read_internal_notes(client, two_organisations):
    mine_org, _, mine, _ = two_organisations
    ListingNote.objects.create(listing_id=mine.listing_id, text="Confidential")
    login(client, mine_org.editors_group)
    response = client.get("/admin/directory/listingnote/")
    assert response.status_code in (302, 403)
