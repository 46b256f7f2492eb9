"""Walking the admin as one person: GET every address and name what came
back in the terms the matrix uses."""

from django.conf import settings
from django.contrib.messages import get_messages
from django.test import Client

from tests.security.admin_urls import admin_patterns, path_for

DENIED_MESSAGE = "Sorry, you do not have permission to access this area."


def outcome(response):
    """200, 404, 405 … as they are; a redirect as where it goes: "login"
    (the sign-in page), "denied" (Wagtail's "no permission" bounce to the
    dashboard), "home" (the dashboard for another reason) or "redirect"."""
    if response.status_code not in (301, 302):
        return str(response.status_code)
    location = response["Location"]
    if location.startswith("/admin/login/"):
        return "login"
    if location == "/admin/":
        shown = " ".join(str(message) for message in get_messages(response.wsgi_request))
        return "denied" if DENIED_MESSAGE in shown else "home"
    return "redirect"


def walk(world, role):
    """{url name: outcome} for every admin address, as `role` (an attribute
    of the world holding a user, or "anonymous")."""
    # Errors come back as 500 responses rather than exceptions, so one
    # broken view shows in the matrix instead of stopping the walk.
    client = Client(raise_request_exception=False)
    user = None if role == "anonymous" else getattr(world, role)
    seen = {}
    for name, route in admin_patterns():
        cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
        if user is not None and (cookie is None or not cookie.value):
            # Signed in again whenever a view (the sign-out page, even
            # refusing a GET) dropped the session cookie.
            client.force_login(user)
        # Only this request's messages tell a refusal from other redirects.
        client.cookies.pop("messages", None)
        seen[name] = outcome(client.get(path_for(name, route, world)))
    return seen
