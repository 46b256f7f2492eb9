"""One JSON line per request, with nothing a person typed in it."""

import json
import logging

import pytest

FIELDS = {"time", "method", "path", "status", "duration_ms", "request_id"}


class Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


@pytest.fixture
def request_log():
    handler = Lines()
    logger = logging.getLogger("website.requests")
    logger.addHandler(handler)
    try:
        yield handler.lines
    finally:
        logger.removeHandler(handler)


@pytest.mark.django_db
def test_each_request_is_one_json_line_without_the_query_string(client, demo_site, request_log):
    response = client.get("/search/?q=PR7+1AB+Priya")

    (line,) = request_log
    entry = json.loads(line)
    assert set(entry) == FIELDS
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/search/", 200)
    assert entry["duration_ms"] > 0
    assert entry["request_id"] == response["X-Request-ID"]
    assert "PR7" not in line and "Priya" not in line


@pytest.mark.django_db
def test_form_values_are_never_logged(client, demo_site, request_log):
    client.post(
        "/champions/join/",
        {"name": "Priya Shah", "email": "priya@example.org", "phone": "01632 960 123"},
    )
    (line,) = request_log
    assert json.loads(line)["path"] == "/champions/join/"
    for typed in ("Priya", "priya@example.org", "01632"):
        assert typed not in line


@pytest.mark.django_db
def test_signed_links_in_paths_are_redacted(client, demo_site, request_log):
    token = "0f3a9c2e7b1d4f6a8c0e2b4d6f8a0c2e-Xy7_Qp2mN4rT6vW8zA1bC3dE5fG7hJ9kL0"
    client.get(f"/courses/email-basics/bookings/{token}/cancel/")
    path = json.loads(request_log[0])["path"]
    assert path == "/courses/email-basics/bookings/[redacted]/cancel/"


@pytest.mark.django_db
def test_the_load_balancers_request_id_is_kept_when_well_formed(client, demo_site, request_log):
    kept = client.get("/", HTTP_X_REQUEST_ID="lb-4f2a9c1e-0001")
    replaced = client.get("/", HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    assert kept["X-Request-ID"] == "lb-4f2a9c1e-0001"
    assert replaced["X-Request-ID"] != "<script>alert(1)</script>"
    assert len(replaced["X-Request-ID"]) == 32
    assert [json.loads(line)["request_id"] for line in request_log] == [
        "lb-4f2a9c1e-0001",
        replaced["X-Request-ID"],
    ]
