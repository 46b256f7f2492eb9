"""UK mobile numbers, as people type them, checked and stored one way.

Texts can only go to a mobile, so a landline, a freephone number or a
number of the wrong length gets its own error, in words a resident can act
on. Numbers are parsed by `phonenumbers` (Google's libphonenumber data,
kept up to date as Ofcom allocates ranges) and stored in E.164
("+447911123456"), so one person's number is one string wherever it is
kept: for the opt-out list, the per-person export and erasure.

Ofcom's range for drama (07700 900000 to 07700 900999) is accepted too,
though no one has such a number: the demo and the tests use it, so that a
demo site can never text a real person."""

import phonenumbers
from django import forms
from phonenumbers import PhoneNumberFormat, PhoneNumberType

EXAMPLE = "07700 900 982"
NOT_A_NUMBER = f"Enter a mobile phone number, like {EXAMPLE}."
WRONG_LENGTH = f"Enter a mobile number with 11 digits, like {EXAMPLE}."
NOT_A_MOBILE = (
    "This is not a mobile number, so it cannot get texts. "
    f"Enter a mobile number that starts 07, like {EXAMPLE}."
)
DRAMA_RANGE = range(447700900000, 447700901000)
MOBILE_TYPES = (PhoneNumberType.MOBILE,)


def normalised(text):
    """The number as stored ("+447911123456"), or None when `text` is not a
    UK mobile number."""
    try:
        return clean_uk_mobile(text) or None
    except forms.ValidationError:
        return None


def clean_uk_mobile(text):
    """The mobile number in `text` in E.164, or "" for nothing typed.
    Raises ValidationError with the reason a person can fix."""
    typed = (text or "").strip()
    if not typed:
        return ""
    if set(typed) - set("0123456789 +-()."):
        raise forms.ValidationError(NOT_A_NUMBER, code="invalid")
    try:
        number = phonenumbers.parse(typed, "GB")
    except phonenumbers.NumberParseException as error:
        raise forms.ValidationError(NOT_A_NUMBER, code="invalid") from error
    as_digits = int(phonenumbers.format_number(number, PhoneNumberFormat.E164)[1:])
    if as_digits in DRAMA_RANGE:
        return f"+{as_digits}"
    if number.country_code != 44:
        raise forms.ValidationError(
            f"Enter a UK mobile number, like {EXAMPLE}: texts go to UK numbers only.",
            code="not_uk",
        )
    national = str(number.national_number)
    if national.startswith("7") and len(national) != 10:
        raise forms.ValidationError(WRONG_LENGTH, code="length")
    if not phonenumbers.is_valid_number(number):
        if national[:1] in ("1", "2", "3"):
            # A landline (01, 02) or non-geographic (03) number, even one
            # in a range nobody has yet, like 01632 960 001 for drama.
            raise forms.ValidationError(NOT_A_MOBILE, code="not_mobile")
        if len(national) not in (9, 10):
            raise forms.ValidationError(WRONG_LENGTH, code="length")
        raise forms.ValidationError(NOT_A_NUMBER, code="invalid")
    if phonenumbers.number_type(number) not in MOBILE_TYPES:
        raise forms.ValidationError(NOT_A_MOBILE, code="not_mobile")
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def for_people(stored):
    """A stored number as people write it: "07911 123456"."""
    if not stored:
        return ""
    number = phonenumbers.parse(stored, "GB")
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
