"""The /find-help/ page: what residents see, and what bad input does."""

import json

import pytest

from tests.directory.conftest import LEYLAND, PRESTON


@pytest.fixture
def places(make_place):
    make_place("Chorley Hub", services=["free-wifi", "printing"], hours=[(0, (9, 0), (17, 0))])
    make_place("Leyland Hub", postcode=LEYLAND, services=["free-wifi"])
    make_place("Preston Hub", postcode=PRESTON, services=["device-loans"])


@pytest.mark.django_db
def test_postcode_and_service_list_nearest_first_with_distances(client, places):
    response = client.get("/find-help/", {"postcode": "pr71dp", "service": "free-wifi"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 places within 5 miles of PR7 1DP" in html
    assert html.index("Chorley Hub") < html.index("Leyland Hub")
    assert "Preston Hub" not in html
    assert "less than 0.1 miles" in html
    assert "3.9 miles" in html


@pytest.mark.django_db
def test_every_marker_on_the_map_is_in_the_list(client, places):
    response = client.get("/find-help/", {"postcode": "PR7 1DP", "radius": "10"})
    markers = response.context["markers"]
    html = response.content.decode()
    assert {marker["title"] for marker in markers} == {"Chorley Hub", "Leyland Hub", "Preston Hub"}
    listed = [result.page.title for result in response.context["results"]]
    for marker in markers:
        # Marker n is the n-th place in the list.
        assert listed[int(marker["label"]) - 1] == marker["title"]
    embedded = html.split('id="map-markers" type="application/json">')[1].split("</script>")[0]
    assert len(json.loads(embedded)) == 3


@pytest.mark.django_db
def test_no_results_suggests_widening_the_search(client, places):
    html = client.get(
        "/find-help/", {"postcode": "PR7 1DP", "radius": "1", "service": "device-loans"}
    ).content.decode()
    assert "No places match your search." in html
    assert "search a wider distance" in html
    assert "remove the filters" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "postcode, message",
    [
        ("not a postcode", "Enter a real postcode"),
        ("BT1 1AA", "Northern Ireland"),
        ("ZE9 9ZZ", "could not find the postcode ZE9 9ZZ"),
    ],
)
def test_bad_postcode_is_explained_and_other_filters_are_kept(client, places, postcode, message):
    response = client.get("/find-help/", {"postcode": postcode, "service": "free-wifi"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert message in html
    assert 'href="#id_postcode"' in html
    # The service filter still applies and stays ticked.
    assert response.context["result_count"] == 2
    ticked = response.context["form"]["service"].value()
    assert ticked == ["free-wifi"]
    assert 'checked="checked"' in html.split('value="free-wifi"')[1][:80]
    assert f'value="{postcode}"' in html


@pytest.mark.django_db
def test_unknown_full_postcode_falls_back_to_its_district_and_says_so(client, places):
    html = client.get("/find-help/", {"postcode": "PR7 9ZZ"}).content.decode()
    assert "There is a problem" not in html
    assert "We could not find PR7 9ZZ exactly" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"service": "no-such-service"},
        {"radius": "-5", "postcode": "PR7 1DP"},
        {"radius": "1000000000", "postcode": "PR7 1DP"},
        {"page": "abc"},
        {"page": "99999"},
        {"when": "funday"},
        {"access": ["step-free", "<script>"]},
        {"q": "x" * 2000},
        "q=%00%ED%A0%80&postcode=%FF%FE",
    ],
)
def test_hostile_input_never_breaks_the_page(client, places, params):
    if isinstance(params, str):
        response = client.get(f"/find-help/?{params}")
    else:
        response = client.get("/find-help/", params)
    assert response.status_code == 200


@pytest.mark.django_db
def test_out_of_range_radius_is_reported_and_the_default_used(client, places):
    response = client.get("/find-help/", {"postcode": "PR7 1DP", "radius": "-5"})
    html = response.content.decode()
    assert "Choose a distance from the list." in html
    assert response.context["query"].radius_miles == 5


@pytest.mark.django_db
def test_over_long_query_is_reported_not_searched(client, places):
    response = client.get("/find-help/", {"q": "wifi " * 400})
    assert "Search for 200 characters or fewer." in response.content.decode()
    assert response.context["query"].text == ""


@pytest.mark.django_db
def test_unknown_service_is_ignored_and_known_ones_kept(client, places):
    response = client.get("/find-help/", {"service": ["no-such", "device-loans"]})
    assert response.context["query"].services == ("device-loans",)
    assert response.context["result_count"] == 1


@pytest.mark.django_db
def test_a_postcode_outside_the_area_says_so_and_where_else_to_look(client, places):
    from directory.models import PostcodeDistrict

    PostcodeDistrict.objects.create(district="SW1A", latitude=51.501, longitude=-0.142)
    html = client.get("/find-help/", {"postcode": "SW1A 1AA"}).content.decode()
    assert "SW1A 1AA is outside the area this directory covers" in html
    assert "the nearest place we list is about 182 miles away" in html
    assert 'href="https://www.gov.uk/find-local-council"' in html
    # Nearby, finding nothing is not "outside the area".
    html = client.get(
        "/find-help/", {"postcode": "PR7 1DP", "service": "printing", "radius": "1", "text": "zzz"}
    ).content.decode()
    assert "outside the area" not in html


@pytest.mark.django_db
def test_cards_show_the_day_filtered_for_and_the_ticked_service(client, make_place):
    from django.utils import timezone

    tomorrow = (timezone.localdate().weekday() + 1) % 7
    make_place(
        "Many services",
        services=[
            "free-wifi",
            "public-computers",
            "printing",
            "drop-in",
            "one-to-one",
            "device-loans",
        ],
        hours=[(tomorrow, (10, 0), (14, 0))],
    )
    html = client.get(
        "/find-help/", {"when": str(tomorrow), "service": "device-loans"}
    ).content.decode()
    day = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][tomorrow]
    assert f"{day}: 10am to 2pm" in html
    assert "Today:" not in html
    services = html.split('<span class="govuk-visually-hidden">Help with: </span>')[1].split(
        "</p>"
    )[0]
    assert services.startswith("Devices to borrow")
