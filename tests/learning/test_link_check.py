"""manage.py check_learning_links, against a web server on this machine
(never the internet): redirects followed, dead links marked, hidden after
a second failure, shown again once they work, and requests to one host
paced."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from directory.permissions import coordinators_group
from learning.link_check import HostPacer, check_resources, link_problem
from learning.models import LearningResource
from tests.factories.learning import LearningResourceFactory
from tests.learning.test_admin import RESOURCES


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the standard library's name)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        self.send_response({"/ok": 200, "/gone": 404, "/broken": 500}.get(self.path, 404))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def local_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def silent_port():
    """A port that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    yield listener.getsockname()[1]
    listener.close()


def test_working_redirected_and_dead_links(local_site, silent_port):
    assert link_problem(f"{local_site}/ok") == ""
    assert link_problem(f"{local_site}/moved") == ""
    assert link_problem(f"{local_site}/gone") == "the site answered 404"
    assert link_problem(f"{local_site}/broken") == "the site answered 500"
    assert link_problem(f"http://127.0.0.1:{silent_port}/", timeout=0.2) == (
        "no answer within 0.2 seconds"
    )
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    assert link_problem(f"http://127.0.0.1:{port}/") == "the site could not be reached"


@pytest.fixture
def coordinator(demo_site):
    user = get_user_model().objects.create_user("coord", "coord@example.org", "x")
    user.groups.add(coordinators_group())
    return user


def test_a_dead_link_is_marked_then_hidden_after_a_second_failure(
    client, demo_site, skill_areas, local_site
):
    good = LearningResourceFactory(title="Works", url=f"{local_site}/moved")
    dead = LearningResourceFactory(title="Dead", url=f"{local_site}/gone")
    out = StringIO()

    call_command("check_learning_links", "--per-second", "1000", stdout=out)
    dead.refresh_from_db()
    assert dead.link_failures == 1
    assert dead.link_status == "Failed the last check (the site answered 404)"
    assert "Dead" in client.get("/learn-at-home/").content.decode()
    assert out.getvalue().strip() == "1 links working, 1 failed."

    call_command("check_learning_links", "--per-second", "1000", stdout=out)
    dead.refresh_from_db()
    assert dead.is_hidden
    assert "Dead" not in client.get("/learn-at-home/").content.decode()
    assert "1 hidden from residents now" in out.getvalue()
    good.refresh_from_db()
    assert (good.link_failures, good.link_status) == (0, "Working")

    LearningResource.objects.filter(pk=dead.pk).update(url=f"{local_site}/ok")
    call_command("check_learning_links", "--per-second", "1000", stdout=out)
    assert "Dead" in client.get("/learn-at-home/").content.decode()


def test_requests_to_one_host_are_paced_and_other_hosts_are_not_held_up(db):
    moments = []
    now = [0.0]

    def sleep(seconds):
        now[0] += seconds

    pacer = HostPacer(per_second=2, clock=lambda: now[0], sleep=sleep)
    resources = [
        LearningResourceFactory.build(url=url)
        for url in (
            "https://one.example.org/a",
            "https://one.example.org/b",
            "https://two.example.org/a",
            "https://one.example.org/c",
        )
    ]
    for resource in resources:
        resource.save = lambda **kwargs: None

    def problem_of(url, timeout):
        moments.append((url.split("/")[2], now[0]))
        return ""

    check_resources(resources, pacer=pacer, problem_of=problem_of)

    assert moments == [
        ("one.example.org", 0.0),
        ("one.example.org", 0.5),
        ("two.example.org", 0.5),
        ("one.example.org", 1.0),
    ]


def test_coordinators_are_told_of_newly_dead_and_hidden_links(
    client, coordinator, skill_areas, local_site, mailoutbox
):
    LearningResourceFactory(title="Works", url=f"{local_site}/ok")
    dead = LearningResourceFactory(title="Dead", provider="Example", url=f"{local_site}/gone")

    call_command("check_learning_links", "--per-second", "1000", stdout=StringIO())
    first = mailoutbox[-1]
    assert first.to == ["coord@example.org"]
    assert first.subject == "Learning resources: 1 link stopped working"
    assert "- Dead (Example): the site answered 404" in first.body
    assert f"http://testserver{RESOURCES}edit/{dead.pk}/" in first.body
    assert "Works" not in first.body

    call_command("check_learning_links", "--per-second", "1000", stdout=StringIO())
    second = mailoutbox[-1]
    assert second.subject == "Learning resources: 1 hidden from residents"
    assert "Hidden from residents now" in second.body and "Dead (Example)" in second.body

    # Still dead: already reported, so nothing more is sent.
    call_command("check_learning_links", "--per-second", "1000", stdout=StringIO())
    assert len(mailoutbox) == 2

    # And the admin's list shows it.
    client.force_login(coordinator)
    listing = client.get(RESOURCES).content.decode()
    assert "Hidden: failed 3 checks (the site answered 404)" in listing


def test_nobody_is_emailed_when_every_link_works(coordinator, skill_areas, local_site, mailoutbox):
    LearningResourceFactory(url=f"{local_site}/moved")
    call_command("check_learning_links", "--per-second", "1000", stdout=StringIO())
    assert mailoutbox == []
