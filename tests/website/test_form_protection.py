"""Whose address a form's flood limit counts: X-Forwarded-For only when
the settings say a proxy of ours sets it."""

from django.test import RequestFactory

from website.form_protection import client_address


def request_from(remote, forwarded):
    return RequestFactory().post("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)


def test_a_clients_own_forwarded_header_is_ignored_without_a_proxy(settings):
    settings.TRUST_X_FORWARDED_FOR = False
    assert client_address(request_from("192.0.2.7", "198.51.100.1")) == "192.0.2.7"


def test_behind_the_proxy_the_address_it_saw_counts(settings):
    settings.TRUST_X_FORWARDED_FOR = True
    # The client claimed 198.51.100.1; the proxy appended what it saw.
    request = request_from("10.0.0.2", "198.51.100.1, 203.0.113.9")
    assert client_address(request) == "203.0.113.9"
