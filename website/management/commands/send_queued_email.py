"""Send the outbox's waiting emails, ask GOV.UK Notify what became of those
it took (when email goes through Notify), and delete old sent ones. Run it
every few minutes (cron or a timer on one server)."""

from django.core.management.base import BaseCommand

from website import notify_email, outbox


class Command(BaseCommand):
    help = "Send emails waiting in the outbox (retrying failures) and delete old sent ones."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500, help="At most this many per run")

    def handle(self, *args, limit, **options):
        sent, not_sent = outbox.send_due(limit=limit)
        checked = notify_email.check_deliveries(limit=limit)
        deleted = outbox.purge()
        self.stdout.write(
            f"Sent {sent}, not sent {not_sent} (see Email outbox in the admin), "
            f"{checked} deliveries recorded, deleted {deleted} old."
        )
