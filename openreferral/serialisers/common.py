"""What every serialiser shares: leaving out empty values, plain text from
rich text, and the profile's formats for dates and times."""

import datetime
import html
import re

from django.utils.html import strip_tags

BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|ol|ul)>|<br\s*/?>", re.IGNORECASE)


def compact(data):
    """The object without its empty values. The profile's fields are typed
    (a string, a number), so an unknown value is left out, never null or
    an empty string; lists are kept, even empty, so that a consumer can
    tell "none" from "not published"."""
    return {key: value for key, value in data.items() if value is not None and value != ""}


def plain_text(rich_text):
    """Rich text as plain lines: one paragraph or list item a line."""
    text = html.unescape(strip_tags(BLOCK_END.sub("\n", rich_text or "")))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def paragraphs(*parts):
    return "\n\n".join(part for part in parts if part)


def date_text(value):
    return value.isoformat() if value else None


def datetime_text(moment):
    """RFC 3339 in UTC, to the millisecond, as the profile asks."""
    if moment is None:
        return None
    utc = moment.astimezone(datetime.UTC)
    return utc.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def time_text(value):
    """HH:MM, in UK time (Europe/London): see docs/oruk-api.md."""
    return value.strftime("%H:%M") if value else None
