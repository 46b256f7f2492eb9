"""A learning resource's link must be a public web address."""

import pytest
from django.core.exceptions import ValidationError

from learning.links import INTERNAL, NOT_VALID, NOT_WEB, validate_public_web_address


@pytest.mark.parametrize(
    "url",
    [
        "https://www.learnmyway.com/",
        "http://example.org/course?id=3",
        "https://digital.wings.uk.barclays/",
        "https://8.8.8.8/",
    ],
)
def test_public_web_addresses_are_accepted(url):
    validate_public_web_address(url)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", NOT_WEB),
        ("JavaScript:alert(1)", NOT_WEB),
        ("file:///etc/passwd", NOT_WEB),
        ("ftp://example.org/", NOT_WEB),
        ("data:text/html,hello", NOT_WEB),
        ("www.learnmyway.com", NOT_WEB),
        ("https://", NOT_VALID),
        ("https://exa mple.org/", NOT_VALID),
        ("http://localhost:8000/admin/", INTERNAL),
        ("http://LOCALHOST/", INTERNAL),
        ("http://127.0.0.1/", INTERNAL),
        ("http://10.0.0.5/", INTERNAL),
        ("http://192.168.1.1/router", INTERNAL),
        ("http://172.16.0.1/", INTERNAL),
        ("http://169.254.169.254/latest/meta-data/", INTERNAL),
        ("http://[::1]/", INTERNAL),
        ("http://intranet/", INTERNAL),
        ("http://files.local/", INTERNAL),
        ("http://printer.internal/", INTERNAL),
        ("http://metadata.google.internal/", INTERNAL),
        ("http://foo.localhost/", INTERNAL),
        ("http://localhost./", INTERNAL),
        ("http://0.0.0.0/", INTERNAL),
        ("http://100.64.0.1/", INTERNAL),  # carrier-grade NAT
        ("http://[fd00::1]/", INTERNAL),
        ("http://[fe80::1]/", INTERNAL),
        ("http://[::ffff:127.0.0.1]/", INTERNAL),
        ("http://2130706433/", INTERNAL),  # 127.0.0.1 as one number
        ("http://0x7f000001/", INTERNAL),
        ("http://example.org@127.0.0.1/", INTERNAL),  # the host is after the @
        ("https://user:secret@localhost/", INTERNAL),
        ("http://127.1/", NOT_VALID),
        ("http://0177.0.0.1/", NOT_VALID),
        (" javascript:alert(1)", NOT_WEB),
        ("java\tscript:alert(1)", NOT_WEB),
        ("https://example.org/\nSet-Cookie:x", NOT_VALID),
    ],
)
def test_other_addresses_are_refused_with_the_reason(url, message):
    with pytest.raises(ValidationError) as caught:
        validate_public_web_address(url)
    assert caught.value.messages == [message]
