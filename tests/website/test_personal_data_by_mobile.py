"""The personal-data page by mobile number: the texts sent to it are found,
downloaded and erased; its STOP opt-out is shown but kept, so the person
gets no more texts; anything that is neither an email address nor a UK
mobile gets an error, with what was typed kept."""

import json

import pytest
from django.contrib.auth import get_user_model

from directory.permissions import coordinators_group
from website import personal_data
from website.data_subject import Person
from website.models import OutgoingText, TextOptOut
from website.personal_data_views import NEITHER

URL = "/admin/personal-data/"
MOBILE = "+447700900982"
OTHER = "+447700900983"


@pytest.fixture
def texts(db):
    for number, body in [(MOBILE, "Your booking is confirmed."), (OTHER, "See you Tuesday.")]:
        OutgoingText.objects.create(purpose="booking-confirmed", to=number, body=body)
    TextOptOut.objects.create(number=MOBILE, how="Replied STOP")


@pytest.fixture
def coordinator(client, db):
    user = get_user_model().objects.create_user("coordinator", email="c@example.org")
    user.groups.add(coordinators_group())
    client.force_login(user)
    return client


def test_texts_and_the_opt_out_are_found_by_number_in_two_queries(texts, django_assert_num_queries):
    hooks = personal_data.registers()
    website = next(config for config in hooks if config.name == "website")
    with django_assert_num_queries(2):
        records = website.personal_data(Person(mobile=MOBILE))
    assert [(record["record"], record.get("text")) for record in records] == [
        ("Text", "Your booking is confirmed."),
        ("Text opt-out (kept after erasure, so no more texts are sent)", None),
    ]


def test_coordinator_downloads_and_erases_by_number_keeping_the_opt_out(coordinator, texts):
    found = coordinator.post(URL, {"who": "07700 900 982", "action": "find"}).content.decode()
    assert "Your booking is confirmed." in found and "See you Tuesday." not in found

    download = json.loads(
        coordinator.post(URL, {"who": "07700900982", "action": "download"}).content
    )
    assert download["mobile"] == MOBILE
    assert download["records"]["Partnership website"][0]["text"] == "Your booking is confirmed."

    coordinator.post(URL, {"who": "+44 7700 900982", "action": "erase", "confirm": "on"})
    assert list(OutgoingText.objects.values_list("to", flat=True)) == [OTHER]
    assert TextOptOut.objects.filter(number=MOBILE).exists()


@pytest.mark.parametrize("typed", ["01632 960 001", "Ann Person", "ann@"])
def test_neither_an_email_nor_a_mobile_gets_an_error_and_erases_nothing(coordinator, texts, typed):
    response = coordinator.post(URL, {"who": typed, "action": "erase", "confirm": "on"})
    page = response.content.decode()
    assert response.status_code == 200
    summary = page[page.index('role="alert"') : page.index("<form")]
    assert f'<a href="#id_who">{NEITHER}</a>' in summary
    assert f'value="{typed}"' in page
    assert OutgoingText.objects.count() == 2
