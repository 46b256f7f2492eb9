"""Two-step verification for the admin, on django-otp's TOTP devices: a
code from an authenticator app after the password. Two pages inside the
admin: set-up (scan a QR code or type the key, then prove it with a code;
turn it off again when not required) and verification after signing in.
admin_security.py decides who must use it and sends them here."""

import base64

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from website.admin_security import two_factor_enabled, two_factor_required

DEVICE_NAME = "Authenticator app"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="Six digits. A new code appears every 30 seconds.",
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={"required": "Enter the six-digit code from your authenticator app."},
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Enter the six digits your authenticator app shows.")
        return code


def next_url(request):
    """Where to go once verified: the page asked for, if it is on this site."""
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters()
def verify(request):
    """The second step of signing in."""
    if not two_factor_enabled(request.user):
        return redirect(reverse("two_factor_setup"))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(next_url(request))
        form.add_error(
            "code",
            "That code is not right. Check the time on your phone is correct and try the "
            "newest code; after several wrong codes you must wait a little between tries.",
        )
    return TemplateResponse(
        request,
        "website/admin/two_factor_verify.html",
        {"form": form, "next": next_url(request)},
    )


@never_cache
@sensitive_post_parameters()
def setup(request):
    """Turn two-step verification on (or off, when it is not required)."""
    user = request.user
    required = two_factor_required(user)
    if two_factor_enabled(user):
        return _turn_off(request, user, required)

    device = unconfirmed_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, "Two-step verification is on.")
            return redirect(next_url(request))
        form.add_error(
            "code",
            "That code is not right. Scan the QR code again or check the key you typed, "
            "then enter the newest code.",
        )
    return TemplateResponse(
        request,
        "website/admin/two_factor_setup.html",
        {
            "form": form,
            "required": required,
            "next": next_url(request),
            "qr_code": qr_code_svg(device),
            "key": spaced_key(device),
        },
    )


def _turn_off(request, user, required):
    """Turning it off takes a current code from the device, so a session
    left open (or stolen) cannot quietly remove the second step."""
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not required and form.is_valid():
        devices = TOTPDevice.objects.devices_for_user(user, confirmed=True)
        if any(device.verify_token(form.cleaned_data["code"]) for device in devices):
            TOTPDevice.objects.devices_for_user(user, confirmed=None).delete()
            messages.success(request, "Two-step verification is off.")
            return redirect(reverse("two_factor_setup"))
        form.add_error("code", "That code is not right. Enter the newest code from your app.")
    return TemplateResponse(
        request, "website/admin/two_factor_on.html", {"required": required, "form": form}
    )


def unconfirmed_device(user):
    """The device being set up: kept until it is confirmed, so reloading the
    page does not change the key the person has just scanned."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def qr_code_svg(device):
    """The key as an inline SVG QR code (no image request, no script)."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, title=f"QR code for {settings.OTP_TOTP_ISSUER}"
    )
    return mark_safe(svg)  # noqa: S308 -- generated by segno from our own data


def spaced_key(device):
    """The key in base32, in groups of four, for typing into an app."""
    key = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
