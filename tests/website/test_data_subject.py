"""What a coordinator types on the personal-data page, read as one person:
an email address, or a UK mobile number however it is written; and typed
phone numbers matched to that mobile on their digits."""

import pytest

from website.data_subject import Person

MOBILE = "+447700900982"


@pytest.mark.parametrize(
    "typed", ["07700 900982", " 07700-900-982 ", "+44 7700 900982", "(07700) 900 982"]
)
def test_a_uk_mobile_however_written_is_one_number(typed):
    assert Person.typed(typed) == Person(mobile=MOBILE)


def test_an_email_is_looked_up_in_lower_case():
    assert Person.typed(" Ann@Example.org ") == Person(email="ann@example.org")


@pytest.mark.parametrize(
    "typed",
    ["01632 960 001", "0800 123 4567", "07700 9009", "ann@", "Ann Person", "", "+33 6 12 34 56 78"],
)
def test_a_landline_a_short_number_or_a_name_is_no_one(typed):
    assert Person.typed(typed) is None


@pytest.mark.parametrize(
    "stored", ["07700 900 982", "+44 (0)7700 900982", "0044 7700 900982", "447700900982"]
)
def test_a_typed_phone_in_any_uk_form_is_the_mobile(stored):
    assert Person(mobile=MOBILE).has_phone("", stored)


@pytest.mark.parametrize("stored", ["+33 7700 900982", "07700 900 983", "01632 960 982", ""])
def test_another_number_is_not_the_mobile(stored):
    assert not Person(mobile=MOBILE).has_phone(stored)


def test_a_person_known_by_email_has_no_phone():
    assert not Person(email="ann@example.org").has_phone("07700 900 982")
