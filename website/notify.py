"""What texts (texts.py) and emails (notify_email.py) share about GOV.UK
Notify: the official client pointed at NOTIFY_BASE_URL with a timeout, and
which of its errors a retry cannot mend.

Notify answers 4xx when the message itself is refused (an address or
number it cannot send to, a team-only key, a missing template field): no
retry will help, so the outbox gives up at once. Timeouts, connection
faults, its 5xx and 429 (too many requests) pass, so the outbox tries
again later."""

from django.conf import settings
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient

DEFAULT_BASE_URL = "https://api.notifications.service.gov.uk"


def api_client():
    return NotificationsAPIClient(
        settings.NOTIFY_API_KEY,
        base_url=getattr(settings, "NOTIFY_BASE_URL", DEFAULT_BASE_URL),
        timeout=getattr(settings, "NOTIFY_TIMEOUT_SECONDS", 10),
    )


def permanent(error):
    code = getattr(error, "status_code", 0)
    return isinstance(error, APIError) and 400 <= code < 500 and code != 429


def error_kind(error):
    """The error by kind and code only: Notify's messages can quote the
    address or number."""
    code = getattr(error, "status_code", None)
    return f"{type(error).__name__} {code}" if code else type(error).__name__
