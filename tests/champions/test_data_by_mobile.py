"""Champions found, exported and erased by a UK mobile number: the phone
they typed or the number they get texts on; others are left alone."""

import pytest
from django.apps import apps

from champions.models import Champion
from tests.factories import ChampionFactory
from website.data_subject import Person
from website.personal_data import ERASED

WHO = Person(mobile="+447700900982")


def hooks():
    return apps.get_app_config("champions")


@pytest.fixture
def champions(db):
    return [
        ChampionFactory(name="Typed Phone", phone="+44 7700 900982"),
        ChampionFactory(name="Gets Texts", phone="", texts_to=WHO.mobile),
        ChampionFactory(name="Landline", phone="01632 960982"),
    ]


def test_found_by_number(champions):
    records = hooks().personal_data(WHO)
    main = [record["name"] for record in records if record["record"] == "Digital champion"]
    assert sorted(main) == ["Gets Texts", "Typed Phone"]


def test_erased_by_number(champions):
    assert hooks().erase_personal_data(WHO) == 2
    names = sorted(Champion.objects.values_list("name", flat=True))
    assert names == [ERASED, ERASED, "Landline"]
    assert hooks().personal_data(WHO) == []
