"""Signing in to the admin: lockout after repeated wrong passwords (per
username and address, behind the proxy), strong passwords, idle sessions,
and two-step verification."""

import logging
import time
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.permissions import COORDINATORS, coordinators_group
from website.admin_password_reset import RESETS_PER_ADDRESS, RESETS_PER_CLIENT
from website.admin_security import LAST_ACTIVITY
from website.form_protection import client_address

PASSWORD = "a-long-enough-passphrase-42"
LOGIN = "/admin/login/"


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", "editor@example.org", PASSWORD)
    user.groups.add(coordinators_group())
    return user


def sign_in(client, password=PASSWORD, username="editor", **headers):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, **headers
    )


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


# Lockout.


def test_right_password_signs_in(client, editor):
    response = sign_in(client)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_five_wrong_passwords_pause_signing_in_with_a_clear_message(client, editor):
    for _ in range(4):
        response = sign_in(client, password="wrong")
        assert response.status_code == 200  # the form again, with its error
    response = sign_in(client, password="wrong")
    assert response.status_code == 429
    # Even the right password is refused until the pause is over.
    response = sign_in(client)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Signing in is paused" in text
    assert "15 minutes" in text
    assert "_auth_user_id" not in client.session


def test_lockout_is_for_that_username_from_that_address_only(client, editor):
    for _ in range(5):
        sign_in(client, password="wrong", REMOTE_ADDR="203.0.113.9")
    assert sign_in(client, REMOTE_ADDR="203.0.113.9").status_code == 429
    # The same person at another address, and others at the same address.
    assert sign_in(client, REMOTE_ADDR="198.51.100.7").status_code == 302
    get_user_model().objects.create_user("colleague", password=PASSWORD)
    assert sign_in(client, username="colleague", REMOTE_ADDR="203.0.113.9").status_code == 302


def test_a_forged_forwarded_for_header_does_not_reset_the_count(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for number in range(5):
        sign_in(client, password="wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    assert sign_in(client, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_behind_the_load_balancer_the_address_it_saw_is_counted(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(5):
        # The client forges the first entry; the proxy appends the real one.
        sign_in(client, password="wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 203.0.113.9")
    assert sign_in(client, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 429
    assert sign_in(client, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 302


def test_a_right_password_resets_the_count(client, editor):
    for _ in range(4):
        sign_in(client, password="wrong")
    assert sign_in(client).status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, password="wrong").status_code == 200


def test_failed_sign_ins_log_no_username_or_address(client, editor, caplog):
    caplog.set_level(logging.INFO)
    for _ in range(5):
        sign_in(client, password="wrong", REMOTE_ADDR="203.0.113.9")
    assert "Locking out" in caplog.text
    assert "editor" not in caplog.text
    assert "203.0.113.9" not in caplog.text


# Passwords.


@pytest.mark.parametrize(
    "password", ["short-pw-1", "password1234", "123456789012", "editor-example"]
)
def test_weak_passwords_are_refused(editor, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=editor)


def test_a_long_passphrase_is_accepted(editor):
    validate_password("correct horse battery staple", user=editor)


# Idle sessions.


def test_a_session_idle_for_longer_than_the_timeout_is_signed_out(client, editor, settings):
    settings.SESSION_IDLE_TIMEOUT = 60 * 60
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[LAST_ACTIVITY] = int(time.time()) - 60 * 60 - 5
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session


def test_a_session_in_use_stays_signed_in(client, editor, settings):
    settings.SESSION_IDLE_TIMEOUT = 60 * 60
    client.force_login(editor)
    client.get("/admin/")
    session = client.session
    session[LAST_ACTIVITY] = int(time.time()) - 60 * 59
    session.save()
    assert client.get("/admin/").status_code == 200
    assert client.session[LAST_ACTIVITY] >= int(time.time()) - 5


# Two-step verification.


def test_setting_up_two_step_verification(client, editor):
    client.force_login(editor)
    page = client.get(reverse("two_factor_setup"))
    assert page.status_code == 200
    assert b"<svg" in page.content  # the QR code, inline
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    wrong = client.post(reverse("two_factor_setup"), {"code": "000000"})
    assert "That code is not right" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code makes the next try wait a second
    response = client.post(reverse("two_factor_setup"), {"code": code_for(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200  # verified in this session


def test_with_two_step_verification_on_a_password_alone_does_not_open_the_admin(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    sign_in(client)
    response = client.get("/admin/reports/locked/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))
    wrong = client.post(
        reverse("two_factor_verify"), {"code": "12345x", "next": "/admin/reports/locked/"}
    )
    assert "Enter the six digits" in wrong.content.decode()  # not even tried
    right = client.post(
        reverse("two_factor_verify"), {"code": code_for(device), "next": "/admin/reports/locked/"}
    )
    assert right["Location"] == "/admin/reports/locked/"
    assert client.get("/admin/reports/locked/").status_code == 200


def test_verification_never_sends_people_to_another_site(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client.force_login(editor)
    response = client.post(
        reverse("two_factor_verify"), {"code": code_for(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_optional_by_default(client, editor, settings):
    settings.TWO_FACTOR_REQUIRED_GROUPS = []
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_required_for_coordinators_when_the_setting_says_so(client, editor, settings):
    settings.TWO_FACTOR_REQUIRED_GROUPS = [COORDINATORS]
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_setup"))
    assert client.get(reverse("two_factor_setup")).status_code == 200
    # Someone outside the group carries on without it.
    other = get_user_model().objects.create_user("partner", password=PASSWORD)
    other.groups.add(Group.objects.create(name="Partner editors"))
    other.user_permissions.add(*coordinators_group().permissions.filter(codename="access_admin"))
    client.force_login(other)
    assert client.get("/admin/").status_code == 200


def test_a_required_device_cannot_be_turned_off(client, editor, settings):
    settings.TWO_FACTOR_REQUIRED_GROUPS = [COORDINATORS]
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client.force_login(editor)
    client.post(reverse("two_factor_verify"), {"code": code_for(device)})
    page = client.get(reverse("two_factor_setup"))
    assert "cannot be turned off" in page.content.decode()
    client.post(reverse("two_factor_setup"), {"action": "turn_off"})
    assert TOTPDevice.objects.filter(user=editor).exists()


def test_an_optional_device_is_turned_off_only_with_a_current_code(client, editor, settings):
    settings.TWO_FACTOR_REQUIRED_GROUPS = []
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client.force_login(editor)
    client.post(reverse("two_factor_verify"), {"code": code_for(device)})
    refused = client.post(reverse("two_factor_setup"), {"action": "turn_off"})
    assert "Enter the six-digit code" in refused.content.decode()
    wrong = client.post(reverse("two_factor_setup"), {"action": "turn_off", "code": "000000"})
    assert "That code is not right" in wrong.content.decode()
    assert TOTPDevice.objects.filter(user=editor).exists()
    device.refresh_from_db()
    # The verify above used this period's code, and the wrong code slowed
    # the device down (django-otp's throttling): as a later minute would.
    device.last_t = -1
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    client.post(reverse("two_factor_setup"), {"action": "turn_off", "code": code_for(device)})
    assert not TOTPDevice.objects.filter(user=editor).exists()


@pytest.fixture
def directory_for_two_factor(demo_site):
    from tests.factories.directory import DirectoryIndexPageFactory, OrganisationPageFactory
    from website.models import HomePage

    index = DirectoryIndexPageFactory(parent=HomePage.objects.get())
    return OrganisationPageFactory(parent=index, title="Chorley Digital")


def test_required_for_every_organisations_staff_who_read_personal_data(
    client, settings, directory_for_two_factor
):
    settings.TWO_FACTOR_REQUIRED_GROUPS = [COORDINATORS]
    staff = get_user_model().objects.create_user("staff", password=PASSWORD)
    staff.groups.add(directory_for_two_factor.editors_group)
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_setup"))


def test_reset_two_factor_command_removes_the_device(editor):
    TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    out = StringIO()
    call_command("reset_two_factor", "editor", stdout=out)
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert "Removed 1" in out.getvalue()


# The client's address.


def address_of(settings, proxies, remote="", forwarded=None):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/")
    request.META["REMOTE_ADDR"] = remote
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(request)


def test_without_a_proxy_the_connection_is_the_client(settings):
    assert address_of(settings, 0, "203.0.113.9", "192.0.2.1") == "203.0.113.9"


def test_behind_one_proxy_its_entry_is_the_client(settings):
    assert address_of(settings, 1, "10.0.0.2", "192.0.2.1, 203.0.113.9") == "203.0.113.9"
    assert address_of(settings, 2, "10.0.0.2", "192.0.2.1, 203.0.113.9") == "192.0.2.1"
    # Too few entries: the header did not come through the proxies.
    assert address_of(settings, 2, "10.0.0.2", "203.0.113.9") == "10.0.0.2"


def test_a_request_without_a_valid_address_has_none(settings):
    """Not "unknown": PostgreSQL refuses that in the lockout's IP column."""
    assert address_of(settings, 0, "") is None
    assert address_of(settings, 1, "not-an-address", "also not one") is None
    assert address_of(settings, 1, "10.0.0.2", "garbage") == "10.0.0.2"


RESET = "/admin/password_reset/"


def test_password_resets_are_limited_per_connection_with_a_clear_message(client, editor):
    for n in range(RESETS_PER_CLIENT):
        response = client.post(RESET, {"email": f"nobody{n}@example.org"})
        assert response.status_code == 302
    response = client.post(RESET, {"email": editor.email})
    assert response.status_code == 200
    assert "a lot of password resets" in response.content.decode()
    assert not mail.outbox


def test_one_address_gets_a_few_reset_emails_an_hour_whoever_asks(client, editor):
    for n in range(RESETS_PER_ADDRESS + 3):
        response = client.post(RESET, {"email": editor.email}, REMOTE_ADDR=f"203.0.113.{n + 1}")
        assert response.status_code == 302  # the same answer every time
    assert len(mail.outbox) == RESETS_PER_ADDRESS
    assert all(message.to == [editor.email] for message in mail.outbox)
