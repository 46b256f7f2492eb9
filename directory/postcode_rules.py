"""What a UK postcode looks like, as plain functions over text: its canonical
form, its district, whether it is in Northern Ireland, the errors a typed
postcode gets, and where one is (`Location`). The models (access points,
postcodes) and geo.py build on it; it imports nothing of the project's, so
scripts use it without Django set up. Until issue 16 this was part of
geo.py, which still offers every name."""

import re
from dataclasses import dataclass
from typing import Literal

EXAMPLE_POSTCODE = "PR7 1DP"

# The UK format as Royal Mail publishes it: an outward code (area letters,
# district digit, optional digit or letter) and an inward code (sector digit,
# two unit letters). Letters are limited per position, which turns away many
# typing slips (an O for a 0, an I for a 1) that a looser pattern would accept.
# GIR 0AA is the one grandfathered exception.
_OUTWARD = (
    r"[A-PR-UWYZ][0-9][0-9]?"  # A9, A99
    r"|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"  # AA9, AA99
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]"  # A9A
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]"  # AA9A
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
_POSTCODE = re.compile(rf"(?:(?P<outward>{_OUTWARD})(?P<inward>{_INWARD})|(?P<giro>GIR0AA))")


class PostcodeError(ValueError):
    """A postcode we cannot place on the map. `message` is written for the
    person who typed it, so views show it as the form error unchanged."""

    default_message = f"Enter a real postcode, like {EXAMPLE_POSTCODE}."

    def __init__(self, message: str | None = None, *, postcode: str = ""):
        self.message = message or self.default_message
        self.postcode = postcode
        super().__init__(self.message)


class InvalidPostcode(PostcodeError):
    """Text that is not in the shape of a UK postcode."""


class NorthernIrelandPostcode(PostcodeError):
    """A BT postcode: real, but OS Code-Point Open covers Great Britain only."""

    default_message = (
        "We cannot place Northern Ireland postcodes (starting BT) because our postcode "
        "data covers England, Scotland and Wales only. Search by name instead, or "
        "enter a postcode in Great Britain."
    )


class UnknownPostcode(PostcodeError):
    """Well-formed, but neither the postcode nor its district is in our data:
    usually a typing slip, sometimes a brand-new postcode."""

    default_message = "We could not find that postcode. Check it and try again."


def normalise_postcode(text: str) -> str:
    """The canonical form, "PR7 1DP", of a postcode typed in any case and with
    any spacing. Raises InvalidPostcode with a message fit to show."""
    compact = "".join((text or "").split()).upper()
    if not compact:
        raise InvalidPostcode(f"Enter a postcode, like {EXAMPLE_POSTCODE}.")
    if not _POSTCODE.fullmatch(compact):
        raise InvalidPostcode(postcode=compact)
    return f"{compact[:-3]} {compact[-3:]}"


def normalise_district(text: str) -> str:
    """The canonical form, "PR7", of a postcode district (an outward code
    alone) typed in any case and with any spacing. Raises InvalidPostcode."""
    compact = "".join((text or "").split()).upper()
    if not re.fullmatch(_OUTWARD, compact):
        raise InvalidPostcode(f"Enter a postcode district, like {EXAMPLE_POSTCODE.split()[0]}.")
    return compact


def outward_code(postcode: str) -> str:
    """The postcode district ("PR7" of "PR7 1DP"): what is left of a postcode
    when we know only roughly where it is."""
    return normalise_postcode(postcode).split(" ")[0]


def is_northern_ireland(postcode: str) -> bool:
    """Whether a postcode is in the BT area. Works on raw text and never raises,
    so it can be asked before or instead of validating."""
    compact = "".join((postcode or "").split()).upper()
    return bool(re.match(r"BT[0-9]", compact))


@dataclass(frozen=True, slots=True)
class Location:
    """Where a postcode is, and how exactly we know it: "postcode" for the
    postcode's own centroid, "district" when only its district's centre is
    known (a new postcode, or one outside the loaded area)."""

    postcode: str
    latitude: float
    longitude: float
    precision: Literal["postcode", "district"]
