"""/healthz for the load balancer: is the database answering, is the cache?

Answered by the first middleware, before anything else runs: no host check
(a load balancer asks by IP address), no HTTPS redirect, no session, no
rate limit and no request log line, so it stays cheap to call every few
seconds. The answer names only the checks, never data:
200 {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}, or 503
with "fail" for what failed."""

import json
import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseNotAllowed

logger = logging.getLogger(__name__)

PATHS = {"/healthz", "/healthz/"}


def database_ok():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_ok():
    key, value = f"healthz:{secrets.token_hex(8)}", secrets.token_hex(8)
    cache.set(key, value, timeout=10)
    answer = cache.get(key)
    cache.delete(key)
    return answer == value


CHECKS = {"database": database_ok, "cache": cache_ok}


def run_checks():
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "fail"
        except Exception as error:  # any failure is the answer, not a 500
            logger.warning("Health check %s failed (%s)", name, type(error).__name__)
            results[name] = "fail"
    return results


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info not in PATHS:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        checks = run_checks()
        healthy = all(result == "ok" for result in checks.values())
        response = HttpResponse(
            json.dumps({"status": "ok" if healthy else "fail", "checks": checks}),
            content_type="application/json",
            status=200 if healthy else 503,
        )
        response["Cache-Control"] = "no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
