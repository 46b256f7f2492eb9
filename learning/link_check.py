"""Checking learning resources' links (manage.py check_learning_links):
each link is fetched with a timeout, redirects followed, and no more than a
few requests a second to any one host. A link that fails is marked for
coordinators (the admin's "Link" column); one that fails a second check
in a row is hidden from residents (LearningResource.objects.listed) until
a check finds it working again.

Only a status is read, never the page: a link works when it answers
below 400 after its redirects."""

import dataclasses
import http.client
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.utils import timezone

USER_AGENT = "check_learning_links (digital inclusion partnership; checks links once a day)"
DEFAULT_TIMEOUT = 10.0
DEFAULT_PER_SECOND = 2.0


class HostPacer:
    """Waits, when needed, so that requests to one host are at least
    1 / per_second apart. The clock and sleep are given, so tests run it
    without waiting."""

    def __init__(self, per_second=DEFAULT_PER_SECOND, clock=time.monotonic, sleep=time.sleep):
        self.gap = 1 / per_second
        self.clock = clock
        self.sleep = sleep
        self.last = {}

    def wait(self, host):
        now = self.clock()
        last = self.last.get(host)
        if last is not None and now - last < self.gap:
            self.sleep(self.gap - (now - last))
            now = self.clock()
        self.last[host] = now


def link_problem(url, timeout=DEFAULT_TIMEOUT):
    """What is wrong with the link, in a few words, or "" when it works."""
    if urlsplit(url).scheme not in ("http", "https"):
        return "not a web address"
    # Only http and https (just checked): S310 warns of file: and others.
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as error:
        return f"the site answered {error.code}"
    except TimeoutError:
        return f"no answer within {timeout:g} seconds"
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            return f"no answer within {timeout:g} seconds"
        return "the site could not be reached"
    except (http.client.HTTPException, OSError, ValueError):
        return "the site could not be reached"
    return "" if status < 400 else f"the site answered {status}"


@dataclasses.dataclass
class CheckRun:
    """What one run found: how many links worked and failed, and the
    resources whose state changed for the worse, which coordinators are
    told about (learning/link_notifications.py)."""

    working: int = 0
    failed: int = 0
    newly_failed: list = dataclasses.field(default_factory=list)  # first failure: marked
    newly_hidden: list = dataclasses.field(default_factory=list)  # second: hidden now


def check_resources(resources, pacer=None, timeout=DEFAULT_TIMEOUT, problem_of=link_problem):
    """Check each resource's link and record the result on it (a CheckRun)."""
    pacer = pacer or HostPacer()
    run = CheckRun()
    for resource in resources:
        pacer.wait(urlsplit(resource.url).hostname or "")
        problem = problem_of(resource.url, timeout=timeout)
        was_hidden = resource.is_hidden
        resource.link_checked_at = timezone.now()
        if problem:
            resource.link_failures += 1
            resource.link_problem = problem[:200]
            run.failed += 1
            if resource.link_failures == 1:
                run.newly_failed.append(resource)
            elif resource.is_hidden and not was_hidden:
                run.newly_hidden.append(resource)
        else:
            resource.link_failures = 0
            resource.link_problem = ""
            run.working += 1
        resource.save(update_fields=["link_failures", "link_problem", "link_checked_at"])
    return run
