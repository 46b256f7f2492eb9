"""An imported place a partner already lists (the same postcode and a close
name, or the same UPRN) is linked to the partner's listing, which wins and
is never changed; coordinators see the matches and override them."""

import pytest

from directory.models import AccessPointPage
from directory.permissions import coordinators_group
from federation.duplicates import close_names
from federation.importer import run_import
from federation.models import ImportedService
from tests.federation.services import uk_service
from tests.referrals.conftest import make_user


@pytest.mark.parametrize(
    ("ours", "theirs", "close"),
    [
        ("Chorley Library", "Chorley Library", True),
        ("Chorley Library", "CHORLEY LIBRARY.", True),
        ("Chorley Library", "Chorley Public Library", True),
        ("St Mary's Centre", "St Marys Centre", True),
        ("Age UK & Friends Hub", "Age UK and Friends Hub", True),
        ("Chorley Library", "Chorley Jobcentre", False),
        ("Chorley Library", "The Centre", False),
    ],
)
def test_close_names(ours, theirs, close):
    assert close_names(ours, theirs) is close


@pytest.fixture
def partner_library(make_place):
    return make_place("Chorley Library", address_line_1="Union Street", uprn="100010399000")


def search_titles(client):
    html = client.get("/find-help/", {"postcode": "PR7 1DP"}).content.decode()
    return [
        title
        for title in ("Chorley Library", "Chorley Public Library", "Town Hall Hub")
        if title in html
    ]


def test_the_partners_listing_wins_and_is_left_alone(
    partner_library, feed, feed_server, client_for, client
):
    before = AccessPointPage.objects.filter(pk=partner_library.pk).values().get()
    same_name = uk_service("Chorley Public Library")  # PR7 1DP, as the partner's
    same_uprn = uk_service("Town Hall Hub", postcode="PR25 1AA")
    same_uprn["service_at_locations"][0]["location"]["external_identifier"] = "100010399000"
    elsewhere = uk_service("Chorley Jobcentre")
    feed_server.services([same_name, same_uprn, elsewhere])

    run = run_import(feed, client_for(feed))

    assert (run.created, run.linked) == (1, 2)
    matches = {
        row.name: row for row in ImportedService.objects.filter(duplicate_of=partner_library)
    }
    assert (
        matches["Chorley Public Library"].match_reason == "same postcode (PR7 1DP) and a close name"
    )
    assert matches["Town Hall Hub"].match_reason == "same UPRN (100010399000)"
    assert search_titles(client) == ["Chorley Library"]
    assert AccessPointPage.objects.filter(pk=partner_library.pk).values().get() == before

    assert run_import(feed, client_for(feed)).linked == 2  # and again


def test_coordinators_see_and_override_a_match(
    partner_library, feed, feed_server, client_for, client, directory
):
    service = uk_service("Chorley Public Library")
    feed_server.services([service])
    run_import(feed, client_for(feed))
    match = ImportedService.objects.get()
    client.force_login(make_user("coordinator", coordinators_group()))

    listing = client.get("/admin/federation/importedservice/?matched=yes").content.decode()
    assert "Chorley Public Library" in listing and "same postcode (PR7 1DP)" in listing

    edit = f"/admin/federation/importedservice/edit/{match.pk}/"
    response = client.post(edit, {"decision": "different", "duplicate_of": partner_library.pk})
    assert response.status_code == 302
    assert search_titles(client) == ["Chorley Library", "Chorley Public Library"]
    # The next import keeps the coordinator's decision.
    assert run_import(feed, client_for(feed)).linked == 0
    assert search_titles(client) == ["Chorley Library", "Chorley Public Library"]

    response = client.post(edit, {"decision": "same", "duplicate_of": partner_library.pk})
    assert response.status_code == 302
    assert search_titles(client) == ["Chorley Library"]

    response = client.post(edit, {"decision": "same", "duplicate_of": ""})
    assert "Choose the partner&#x27;s listing of the same place." in response.content.decode()


def test_partners_staff_cannot_see_the_matches(partner_library, organisation, client):
    client.force_login(make_user("partner", organisation.editors_group))
    assert client.get("/admin/federation/importedservice/").status_code in (302, 403)
