"""What guards a signed-in admin session, on every request after
authentication: it ends after SESSION_IDLE_TIMEOUT seconds without a request,
and inside the admin a user with two-step verification must have passed it
(and a user who is required to have it must set it up first).

The rules for who needs two-step verification live here too, so the
middleware, the set-up page and the tests agree."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils.module_loading import import_string
from django_otp import user_has_device

from website.content_security import is_admin_path

LAST_ACTIVITY = "last_activity"
# Refresh the stored time at most this often, so that a busy session is not
# written back to the database on every request.
ACTIVITY_RESOLUTION = 60

# Admin addresses a user who has not yet passed two-step verification may
# open: signing in and out, the verification and set-up pages themselves,
# and what those pages load.
OPEN_BEFORE_VERIFYING = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_verify",
}
OPEN_BEFORE_SETTING_UP = OPEN_BEFORE_VERIFYING | {"two_factor_setup"}


def has_admin_access(user):
    return user.is_active and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def two_factor_required(user):
    """Once TWO_FACTOR_REQUIRED_GROUPS names any group (production): its
    members, superusers, and everyone TWO_FACTOR_REQUIRED_FOR says can see
    personal data (staff of any organisation read its referrals and
    bookings); nobody otherwise."""
    groups = settings.TWO_FACTOR_REQUIRED_GROUPS
    if not groups:
        return False
    if user.is_superuser or user.groups.filter(name__in=groups).exists():
        return True
    sees_personal_data = settings.TWO_FACTOR_REQUIRED_FOR
    return bool(sees_personal_data) and import_string(sees_personal_data)(user)


def two_factor_enabled(user):
    return user_has_device(user, confirmed=True)


class AdminSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            if idle_for_too_long(request):
                logout(request)
                messages.info(request, "You were signed out because you had been away a while.")
            else:
                note_activity(request)
                refusal = two_factor_gate(request)
                if refusal is not None:
                    return refusal
        return self.get_response(request)


def idle_for_too_long(request):
    last = request.session.get(LAST_ACTIVITY)
    return isinstance(last, int) and time.time() - last > settings.SESSION_IDLE_TIMEOUT


def note_activity(request):
    now = int(time.time())
    last = request.session.get(LAST_ACTIVITY)
    if not isinstance(last, int) or now - last >= ACTIVITY_RESOLUTION:
        request.session[LAST_ACTIVITY] = now


def two_factor_gate(request):
    """A redirect to verification or set-up, or None to carry on."""
    if not is_admin_path(request.path_info) or not has_admin_access(request.user):
        return None
    try:
        url_name = resolve(request.path_info).url_name
    except Resolver404:
        return None
    user = request.user
    if url_name in OPEN_BEFORE_VERIFYING or user.is_verified():
        return None
    if two_factor_enabled(user):
        return redirect_to_login(request.get_full_path(), reverse("two_factor_verify"))
    if url_name not in OPEN_BEFORE_SETTING_UP and two_factor_required(user):
        return redirect_to_login(request.get_full_path(), reverse("two_factor_setup"))
    return None


def locked_out(request, original_response=None, credentials=None):
    """What django-axes shows instead of signing in, once a username has had
    too many wrong passwords from one address (HTTP 429)."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return render(
        request,
        "wagtailadmin/account/locked_out.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes},
        status=429,
    )
