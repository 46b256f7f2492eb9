"""What a resident types into a public form on a shared computer (a
library's, a drop-in's) must not wait there for the next person. A public
flow's draft lives in the session only:

- until the browser closes (the session cookie has no expiry date);
- for IDLE_LIMIT after the last step, and ABSOLUTE_LIMIT after the first,
  whichever comes first; an older draft is dropped when next read.

Pages that show what was typed send `Cache-Control: no-store`
(`never_cache`), so Back after closing the tab does not show them either."""

from datetime import timedelta

from django.utils import timezone
from django.utils.dateparse import parse_datetime

IDLE_LIMIT = timedelta(minutes=30)
ABSOLUTE_LIMIT = timedelta(hours=4)
STARTED, TOUCHED = "_started", "_touched"


def read(request, key):
    """The draft under `key`, or {} when there is none or it has expired."""
    draft = request.session.get(key)
    if not draft:
        return {}
    now = timezone.now()
    started = parse_datetime(draft.get(STARTED) or "")
    touched = parse_datetime(draft.get(TOUCHED) or "")
    if not started or not touched or now - touched > IDLE_LIMIT or now - started > ABSOLUTE_LIMIT:
        request.session.pop(key, None)
        return {}
    return draft


def save(request, key, draft):
    now = timezone.now().isoformat()
    draft.setdefault(STARTED, now)
    draft[TOUCHED] = now
    request.session[key] = draft
    # The cookie goes when the browser closes.
    request.session.set_expiry(0)
