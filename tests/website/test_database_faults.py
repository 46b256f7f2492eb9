"""With the database stopped, pages give the static error page at once and
a form submission is kept, ready to send again, on a page that needs no
database."""

import html
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.faults import database_stopped

ROOT = Path(__file__).resolve().parents[2]
TYPED = {
    "name": "Priya Shah",
    "email": "priya@example.org",
    "available_days": ["mon", "sat"],
    "experience": 'I help my <grandparents> & "neighbours".',
    "consent": "on",
}


@pytest.fixture
def stopped(django_db_blocker):
    with database_stopped(django_db_blocker):
        yield


def test_a_page_gives_the_static_500_page_quickly_when_the_database_is_stopped(
    client, stopped, capsys
):
    client.raise_request_exception = False
    started = time.perf_counter()
    response = client.get("/")
    elapsed_ms = (time.perf_counter() - started) * 1000
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
    with capsys.disabled():
        print(f"\n  500 page with the database stopped: {elapsed_ms:.0f} ms")


def test_a_form_sent_while_the_database_is_stopped_is_kept_to_send_again(client, stopped):
    response = client.post("/champions/join/", TYPED)

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert "Sorry, we could not save what you sent" in page
    assert "nothing has been saved or sent" in page
    assert '<form method="post" action="/champions/join/"' in page
    assert "Send it again" in page
    for name, values in TYPED.items():
        for value in values if isinstance(values, list) else [values]:
            hidden = f'<input type="hidden" name="{name}" value="{html.escape(value)}">'
            assert hidden in page
    assert page.count('name="csrfmiddlewaretoken"') == 1
    assert "<script" not in page


def test_postgresql_connections_give_up_after_a_few_seconds():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DB_CONNECT_TIMEOUT"},
        "DATABASE_URL": "postgres://user:pw@db.internal:5432/partnership",
    }
    code = "from django.conf import settings as s; print(s.DATABASES['default']['OPTIONS'])"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "'connect_timeout': 5" in result.stdout
