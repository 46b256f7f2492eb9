"""What a learning resource's link may be: a public web address, http or
https, on a host name the public internet can reach. Coordinators paste
these from other sites and residents follow them from ours, so a
`javascript:` link, a `file:` address or one pointing inside the
partnership's own network (localhost, a private or link-local address, a
bare intranet name) is refused before it is saved, with a message that
says why. Plain functions; no network is asked (no DNS lookup)."""

import ipaddress
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

NOT_WEB = "Enter a web address that starts with http:// or https://."
NOT_VALID = "Enter a full web address, like https://www.learnmyway.com/."
INTERNAL = (
    "Enter a public web address. Addresses on this computer or a private network "
    "(like localhost or 192.168.0.1) cannot be opened by residents."
)
INTERNAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".intranet")


def internal_host(host):
    """Whether `host` (as urlsplit gives it, lower case, no port) names this
    machine or a private network rather than the public internet."""
    host = host.strip("[]").rstrip(".")
    if not host:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        # A name: one with no dot is an intranet name (http://intranet/).
        return host == "localhost" or "." not in host or host.endswith(INTERNAL_SUFFIXES)
    return not address.is_global


def validate_public_web_address(value):
    """A model field validator: raises ValidationError naming what is wrong."""
    text = (value or "").strip()
    scheme = urlsplit(text).scheme.lower()
    if scheme not in ("http", "https"):
        raise ValidationError(NOT_WEB, code="scheme")
    host = (urlsplit(text).hostname or "").lower()
    if not host:
        raise ValidationError(NOT_VALID, code="invalid")
    if internal_host(host):
        raise ValidationError(INTERNAL, code="internal")
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        raise ValidationError(NOT_VALID, code="invalid") from None
