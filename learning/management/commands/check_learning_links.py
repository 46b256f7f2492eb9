"""Check every learning resource's link (learning/link_check.py). Run it
daily with cron or the host's scheduler; a link that fails two runs in a
row is hidden from residents until it works again; coordinators get an
email naming the links that failed or were hidden in this run."""

from django.core.management.base import BaseCommand

from learning.link_check import DEFAULT_PER_SECOND, DEFAULT_TIMEOUT, HostPacer, check_resources
from learning.link_notifications import tell_coordinators
from learning.models import LearningResource


class Command(BaseCommand):
    help = "Check every learning resource's link; hide those that fail twice in a row."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
        parser.add_argument(
            "--per-second",
            type=float,
            default=DEFAULT_PER_SECOND,
            help="Requests a second to any one host, at most.",
        )

    def handle(self, *args, timeout, per_second, **options):
        resources = LearningResource.objects.order_by("url", "pk")
        run = check_resources(resources, pacer=HostPacer(per_second), timeout=timeout)
        hidden = len(run.newly_hidden)
        self.stdout.write(
            f"{run.working} links working, {run.failed} failed"
            + (f", {hidden} hidden from residents now." if hidden else ".")
        )
        if (run.newly_failed or run.newly_hidden) and not tell_coordinators(run):
            self.stderr.write("No coordinator with an email address to tell about the links.")
