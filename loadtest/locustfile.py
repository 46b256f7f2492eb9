"""The people of a busy day, for `make loadtest` (scripts/loadtest):
residents searching and reading, staff sending referrals through the
whole /refer/ flow, volunteers signing up and residents booking courses.

Every submission a simulated person saw succeed is counted, and the counts
are written to LOADTEST_RESULTS when the run stops, so that the script can
check that each one is a new row in the database. Each person (and each
new submission) sends its own X-Forwarded-For from the IPv6 documentation
range, so the per-address form limits count simulated people separately;
see website/settings/loadtest.py. Those addresses are only header values:
every request goes to the one --host on loopback."""

import itertools
import json
import os
import random
import re
import uuid
from collections import Counter

from locust import HttpUser, between, events, task

TARGETS = json.loads(open(os.environ["LOADTEST_TARGETS"]).read())  # noqa: SIM115
THINK = [float(part) for part in os.environ.get("LOADTEST_THINK", "1,4").split(",")]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SUBMITTED = Counter()
ADDRESSES = itertools.count(1)
WORDS = ["wifi", "tablet", "email", "library", "benefits", "data", "computer", "help"]

REFERRAL = {
    "referrer_name": "Sam Adviser",
    "referrer_organisation": "Chorley Jobcentre",
    "referrer_role": "Work coach",
    "referrer_email": "sam@example.org",
    "contact_method": "phone",
    "resident_phone": "01632 960 555",
    "age_band": "18_to_64",
    "barriers": ["no_device", "low_skills"],
    "goals": ["benefits"],
    "available_days": ["1", "3"],
}


def new_address():
    """A new simulated person's address, each in a /64 of its own: the form
    limits count an IPv6 client by its /64 (website/form_protection.py)."""
    number = next(ADDRESSES)
    return f"2001:db8:{number >> 16 & 0xFFFF:x}:{number & 0xFFFF:x}::1"


def token(response):
    match = CSRF.search(response.text)
    if match is None:
        response.failure("no CSRF token on the page")
        return None
    return match.group(1)


class Person(HttpUser):
    abstract = True
    wait_time = between(*THINK)

    def on_start(self):
        self.client.headers["X-Forwarded-For"] = new_address()

    def page(self, url, name, expect=200):
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != expect:
                response.failure(f"{response.status_code}, expected {expect}")
            return response

    def form(self, url, name):
        """GET a form page; its CSRF token, or None on failure."""
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
                return None
            return token(response)

    def submit(self, url, data, name, then):
        """POST and expect a redirect to a path starting with `then`; the
        redirect target, or None on failure."""
        with self.client.post(
            url, data=data, name=name, allow_redirects=False, catch_response=True
        ) as response:
            location = response.headers.get("Location", "")
            if response.status_code != 302 or not location.startswith(then):
                problem = "the form showed an error" if response.status_code == 200 else ""
                response.failure(f"{response.status_code} {location} {problem}".strip())
                return None
            return location


class Resident(Person):
    weight = 10

    @task(4)
    def search_the_directory(self):
        postcode = random.choice(TARGETS["postcodes"]) if TARGETS["postcodes"] else "PR7 1AB"
        query = {"postcode": postcode}
        if random.random() < 0.3:
            query["q"] = random.choice(WORDS)
        self.client.get("/find-help/", params=query, name="/find-help/?postcode")

    @task(3)
    def read_a_place(self):
        self.page(random.choice(TARGETS["places"]), "access point page")

    @task(1)
    def read_a_course(self):
        self.page(random.choice(TARGETS["courses"]), "course page")

    @task(1)
    def search_the_site(self):
        self.client.get("/search/", params={"q": random.choice(WORDS)}, name="/search/?q")

    @task(1)
    def home(self):
        self.page("/", "/")


class Referrer(Person):
    """Staff at an advice desk referring a resident, start to finish."""

    weight = 2

    @task
    def refer(self):
        self.client.headers["X-Forwarded-For"] = new_address()
        csrf = self.form("/refer/", "/refer/ (start)")
        if not csrf:
            return
        start = {"csrfmiddlewaretoken": csrf, "mode": "referrer", "consent": "yes"}
        if not self.submit("/refer/", start, "/refer/ (start) POST", "/refer/details/"):
            return
        csrf = self.form("/refer/details/", "/refer/details/")
        if not csrf:
            return
        details = {
            **REFERRAL,
            "csrfmiddlewaretoken": csrf,
            "resident_name": f"Resident {uuid.uuid4().hex[:8]}",
            "postcode": random.choice(TARGETS["postcodes"] or ["PR7 1AB"]),
        }
        if not self.submit("/refer/details/", details, "/refer/details/ POST", "/refer/check/"):
            return
        csrf = self.form("/refer/check/", "/refer/check/")
        if not csrf:
            return
        sent = {"csrfmiddlewaretoken": csrf}
        if not self.submit("/refer/check/", sent, "/refer/check/ POST", "/refer/done/"):
            return
        SUBMITTED["referrals"] += 1
        with self.client.get("/refer/done/", name="/refer/done/", catch_response=True) as done:
            if "REF-" not in done.text:
                done.failure("no reference on the confirmation")


class Volunteer(Person):
    weight = 1

    @task
    def sign_up(self):
        self.client.headers["X-Forwarded-For"] = new_address()
        csrf = self.form("/champions/join/", "/champions/join/")
        if not csrf:
            return
        data = {
            "csrfmiddlewaretoken": csrf,
            "name": "Load Test Volunteer",
            "email": f"volunteer-{uuid.uuid4().hex}@example.org",
            "postcode": random.choice(TARGETS["postcodes"] or ["PR7 1AB"]),
            "available_days": ["mon", "sat"],
            "available_times": ["evening"],
            "skills": TARGETS["skills"][:1],
            "consent": "on",
        }
        if self.submit("/champions/join/", data, "/champions/join/ POST", "/champions/join/done/"):
            SUBMITTED["champions"] += 1
            self.page("/champions/join/done/", "/champions/join/done/")


class Learner(Person):
    """A resident booking a place on a course (or its waiting list)."""

    weight = 1

    @task
    def book(self):
        if not TARGETS["sessions"]:
            return
        self.client.headers["X-Forwarded-For"] = new_address()
        session = random.choice(TARGETS["sessions"])
        self.page(session["course"], "course page")
        csrf = self.form(session["book"], "booking form")
        if not csrf:
            return
        data = {
            "csrfmiddlewaretoken": csrf,
            "name": "Load Test Learner",
            "email": f"learner-{uuid.uuid4().hex}@example.org",
            "consent": "on",
        }
        confirmation = self.submit(session["book"], data, "booking form POST", session["course"])
        if confirmation:
            SUBMITTED["bookings"] += 1
            self.page(confirmation, "booking confirmation")


@events.test_stop.add_listener
def write_counts(environment, **kwargs):
    with open(os.environ["LOADTEST_RESULTS"], "w") as out:
        json.dump(dict(SUBMITTED), out)
