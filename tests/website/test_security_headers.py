"""Response headers on real responses: the Content Security Policy (strict on
the public site, loosened only for the admin's own inline code), the other
security headers, and production's transport settings (HSTS, secure
cookies, HTTPS redirect) from the production settings module itself."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from tests.website.test_settings import PRODUCTION_ENV, manage


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.fixture
def editor_client(client, demo_site):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_public_pages_allow_no_inline_script_style_plugins_or_framing(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]


@pytest.mark.django_db
def test_map_tiles_are_allowed_from_their_own_server_only(client, demo_site, settings):
    # The policy follows MAP_TILES_URL: none without tiles, else their server.
    settings.MAP_TILES_URL = ""
    assert policy(client.get("/"))["img-src"] == ["'self'", "data:"]
    settings.MAP_TILES_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    # A new setting comes with a restart; pages kept from before (with the
    # old policy) go within PAGE_CACHE_SECONDS. Here, at once.
    cache.clear()
    assert policy(client.get("/"))["img-src"] == ["'self'", "data:", "https://tiles.example.org"]


@pytest.mark.django_db
def test_public_forms_carry_the_strict_policy(client, demo_site):
    for url in ("/search/?q=help", "/champions/join/", "/refer/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert policy(response)["script-src"] == ["'self'"], url


@pytest.mark.django_db
def test_the_admin_may_run_its_own_inline_scripts_but_not_be_framed_elsewhere(editor_client):
    response = editor_client.get("/admin/")
    assert response.status_code == 200
    csp = policy(response)
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_admin_sign_in_page_has_the_admin_policy(client, db):
    response = client.get("/admin/login/")
    assert policy(response)["script-src"] == ["'self'", "'unsafe-inline'"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/admin/login/", "/no-such-page/"])
def test_every_response_has_the_other_security_headers(client, demo_site, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


@pytest.mark.django_db
def test_the_csrf_cookie_is_not_sent_on_cross_site_posts(client, demo_site):
    response = client.get("/champions/join/")
    cookie = response.cookies["csrftoken"]
    assert cookie["samesite"] == "Lax"


PRODUCTION_REQUESTS = """
import json
from django.conf import settings as s
from django.test import Client
client = Client(enforce_csrf_checks=True, HTTP_HOST="digital.example.org")
plain = client.get("/admin/login/")
# Refused for want of a CSRF token: a response that needs no database.
secure = client.post("/admin/login/", secure=True)
print(json.dumps({
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
    "hsts": secure.get("Strict-Transport-Security", ""),
    "csp": secure.get("Content-Security-Policy", ""),
    "frame": secure.get("X-Frame-Options", ""),
    "nosniff": secure.get("X-Content-Type-Options", ""),
    "cookies": [s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_SECURE],
    "proxies": s.TRUSTED_PROXY_COUNT,
    "two_factor_for": s.TWO_FACTOR_REQUIRED_GROUPS,
}))
"""


def test_production_sends_hsts_redirects_to_https_and_secures_cookies():
    """One subprocess with production settings (starting one costs seconds)."""
    result = manage("shell", "-v", "0", "-c", PRODUCTION_REQUESTS, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["plain_status"] == 301
    assert seen["plain_location"] == "https://digital.example.org/admin/login/"
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert "upgrade-insecure-requests" in seen["csp"]
    assert seen["frame"] == "DENY"
    assert seen["nosniff"] == "nosniff"
    assert seen["cookies"] == [True, True, True]
    # Behind one load balancer; coordinators must use two-step verification.
    assert seen["proxies"] == 1
    assert seen["two_factor_for"] == ["Coordinators"]
