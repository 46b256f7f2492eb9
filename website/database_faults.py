"""What a public form does when the database fails under it: nobody's
submission is lost without them being told.

Two layers:

- Views catch DATABASE_UNAVAILABLE around the save and show the same form
  again, with what the person typed and the NOT_SAVED message, as a 503.
  That works when the database fails at the write (a dropped connection,
  a failover, a full disk) but the page can still be drawn.
- When even drawing the page needs the database and it is gone, the
  middleware answers any POST with a page that needs no database: it says
  nothing was saved and carries everything that was typed in hidden fields
  behind a "Send it again" button. Other requests fall through to the
  static 500 page.

Nothing typed is logged: only the path and the kind of error."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string

from website.request_log import loggable_path

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
NOT_SAVED = (
    "Sorry, we could not save this because of a problem on our side, so nothing has been "
    "sent. What you typed is still here: please try again in a few minutes."
)
# A form shown again because its save failed: the service is unavailable.
NOT_SAVED_STATUS = 503
RETRY_AFTER_SECONDS = 60
NOT_COPIED = {"csrfmiddlewaretoken"}


class DatabaseUnavailableMiddleware:
    """Turns a database failure during a POST into a 503 page, drawn without
    the database, that keeps the submission ready to send again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None
        logger.warning(
            "Database unavailable during %s %s (%s)",
            request.method,
            loggable_path(request.path),
            type(exception).__name__,
        )
        if request.method != "POST":
            return None  # the static 500 page
        return unsaved_response(request)


def unsaved_response(request):
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in NOT_COPIED
        for value in values
    ]
    html = render_to_string(
        "database_unavailable.html",
        {"action": request.path, "fields": fields, "csrf_token": get_token(request)},
    )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # What was typed is in the page: no cache may keep it.
    response["Cache-Control"] = "no-store"
    return response
