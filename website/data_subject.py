"""Who a coordinator is looking for on the personal-data page: one person,
known by an email address or by a UK mobile number.

The registers' hooks (website/personal_data.py) get a `Person` rather
than a bare string, so each register can tell an email from a number
without parsing it again. A mobile is held in E.164, as texts_to and the
text outbox store it (website/mobile_numbers.py). Phone fields that people
typed ("07700 900982", "+44 (0)7700-900-982") are matched on their
digits: the database narrows the rows to those whose digits end with the
number's national digits (one query), then `has_phone` checks each in
Python, so "+33 7700 900982" is not taken for a UK number."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q, Value
from django.db.models.functions import Replace
from django.db.models.lookups import EndsWith

from website.mobile_numbers import normalised

# What people put between the digits of a phone number.
SEPARATORS = (" ", "-", "(", ")", ".", "+", "/")
# Ways a UK number is written before its national digits: 0044, 44, 0.
PREFIXES = ("00", "44", "0")


@dataclass(frozen=True)
class Person:
    email: str = ""  # lower case
    mobile: str = ""  # E.164: "+447700900982"

    @classmethod
    def typed(cls, text):
        """The person for what a coordinator typed, or None when it is
        neither an email address nor a UK mobile number."""
        text = (text or "").strip()
        if "@" in text:
            try:
                validate_email(text)
            except ValidationError:
                return None
            return cls(email=text.lower())
        mobile = normalised(text)
        return cls(mobile=mobile) if mobile else None

    def __str__(self):
        return self.email or self.mobile

    @property
    def national_digits(self):
        return self.mobile.removeprefix("+44")

    def phone_rows(self, *fields):
        """A filter for the rows that may hold this mobile in any of the
        typed phone `fields`: a superset, to be checked with `has_phone`.
        Matches nothing when the person is known by email."""
        if not self.mobile:
            return Q(pk__in=[])
        matches = Q(pk__in=[])
        for field in fields:
            matches |= Q(EndsWith(digits_of(field), self.national_digits))
        return matches

    def has_phone(self, *stored):
        """Whether any of these typed phone numbers is this mobile."""
        return bool(self.mobile) and any(
            national_digits(number) == self.national_digits for number in stored if number
        )


def digits_of(field):
    """The field with the usual separators taken out, in the database."""
    expression = field
    for separator in SEPARATORS:
        expression = Replace(expression, Value(separator), Value(""))
    return expression


def national_digits(typed):
    """A typed UK number's digits without 0044, 44 or 0 in front."""
    digits = "".join(ch for ch in typed if ch.isdigit())
    for prefix in PREFIXES:
        digits = digits.removeprefix(prefix)
    return digits
