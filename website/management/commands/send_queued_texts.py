"""Send the text messages waiting to go, ask GOV.UK Notify what became of
those sent, record STOP replies, and delete old texts. Run it every few
minutes, like send_queued_email (docs/operations.md)."""

from django.core.management.base import BaseCommand

from website import texts


class Command(BaseCommand):
    help = "Send waiting texts through Notify (retrying failures), record deliveries and STOPs."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500, help="At most this many per run")

    def handle(self, *args, limit, **options):
        if not texts.configured():
            self.stdout.write(
                "Texts are not sent: set NOTIFY_API_KEY and NOTIFY_SMS_TEMPLATE_ID. "
                "Waiting texts are kept."
            )
            return
        stopped = texts.read_replies()
        sent, not_sent = texts.send_due(limit=limit)
        checked = texts.check_deliveries(limit=limit)
        deleted = texts.purge()
        self.stdout.write(
            f"Sent {sent}, not sent {not_sent}; {checked} deliveries recorded; "
            f"{stopped} numbers opted out; deleted {deleted} old."
        )
