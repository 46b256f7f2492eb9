"""One JSON line per request on the "website.requests" logger: time,
method, path, status, duration in milliseconds and a request id.

Nothing a person typed is logged: no query string (searches hold
postcodes), no form values, no headers, no user. Path segments that look
like secrets (the signed links to a booking, password-reset tokens) are
replaced with "[redacted]". The request id comes from the load balancer's
X-Request-ID when it is well formed, otherwise it is made here, and is sent
back in the response's X-Request-ID so that a person's report of a fault
can be matched to its log line."""

import json
import logging
import re
import time
import uuid

from django.utils import timezone

logger = logging.getLogger("website.requests")

INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# A run this long without a hyphen is a token or a hash, not a slug.
SECRET_LOOKING = re.compile(r"[A-Za-z0-9_]{20,}")
REDACTED = "[redacted]"


def loggable_path(path):
    return "/".join(
        REDACTED if SECRET_LOOKING.search(segment) else segment for segment in path.split("/")
    )


def request_id_for(request):
    incoming = request.META.get("HTTP_X_REQUEST_ID", "")
    return incoming if INCOMING_ID.match(incoming) else uuid.uuid4().hex


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request.request_id = request_id_for(request)
        response = self.get_response(request)
        duration_ms = (time.perf_counter() - started) * 1000
        response["X-Request-ID"] = request.request_id
        logger.info(
            json.dumps(
                {
                    "time": timezone.now().isoformat(timespec="milliseconds"),
                    "method": request.method,
                    "path": loggable_path(request.path),
                    "status": response.status_code,
                    "duration_ms": round(duration_ms, 1),
                    "request_id": request.request_id,
                }
            )
        )
        return response
