"""Spam and flood resistance for public forms, without a CAPTCHA: a hidden
honeypot field that people never fill in, and a per-address limit on
submissions counted in the shared cache (so it holds across app servers)."""

import ipaddress

from django import forms
from django.conf import settings
from django.core.cache import cache

HONEYPOT_FIELD = "website_url"

# The honeypot as crispy-forms layouts render it: off screen and hidden from
# assistive technology (class app-honeypot), out of the tab order.
HONEYPOT_HTML = (
    '<div class="app-honeypot" aria-hidden="true">'
    f'<label for="id_{HONEYPOT_FIELD}">Leave this field empty</label>'
    f'<input type="text" name="{HONEYPOT_FIELD}" id="id_{HONEYPOT_FIELD}" tabindex="-1" '
    'autocomplete="off"></div>'
)


class HoneypotFormMixin(forms.Form):
    """Adds a field hidden from people (and from screen readers) that bots
    tend to fill. A filled honeypot makes the form invalid with a generic
    message, so nothing is saved."""

    website_url = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website_url(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError("Your form could not be sent. Please try again.")
        return ""


def client_address(request):
    """The address to count submissions (and admin sign-in failures)
    against. With TRUSTED_PROXY_COUNT proxies in front of the site (the load
    balancer: 1 in production), each appends the address it saw to
    X-Forwarded-For, so the client is that many entries from the end; any
    entries before it were sent by the client and are not believed. With
    none, X-Forwarded-For is ignored: anyone could set it to dodge a limit.
    None when there is no valid address (a request made up in code): the
    lockout stores addresses in an IP column, which PostgreSQL checks."""
    connection = ip_or_none(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            entry.strip()
            for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if entry.strip()
        ]
        if len(forwarded) >= proxies:
            return ip_or_none(forwarded[-proxies]) or connection
    return connection


def ip_or_none(text):
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None


SEARCH_TOO_MANY = (
    "You have searched a lot in the last minute from your internet connection. "
    "Wait a minute, then search again."
)


def searches_over_limit(request):
    """Count this search; True once the address has made more than
    SEARCH_RATE_LIMIT in a minute (0 turns the limit off). Searches store
    nothing, so they need no honeypot, but each one costs the database."""
    limit = settings.SEARCH_RATE_LIMIT
    return bool(limit) and over_limit(request, "search", limit, window_seconds=60)


def counted_address(request):
    """The address limits count against: an IPv4 address as it is, an IPv6
    address by its /64 network (one home or phone has a whole /64, and
    could take a new address for every request)."""
    address = client_address(request)
    if address and ":" in address:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address) + "/64"
    return address


def over_limit(request, scope, limit, window_seconds):
    """Count this submission; True once the address has made more than
    `limit` in `window_seconds`."""
    return count_over_limit(f"{scope}:{counted_address(request)}", limit, window_seconds)


def count_over_limit(name, limit, window_seconds):
    """Count one more of `name` (a scope and whatever is limited: a client,
    an email address, a booking); True once there have been more than
    `limit` in `window_seconds`."""
    key = f"flood:{name}"
    if cache.add(key, 1, timeout=window_seconds):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return False
    return count > limit
