"""Email everyone with a place on a session that starts tomorrow. Run it
every hour or once each morning (docs/operations.md): each person is
reminded once, however often it runs and on however many servers."""

from django.core.management.base import BaseCommand

from training.reminders import send_reminders


class Command(BaseCommand):
    help = "Send the day-before reminders for courses and events (each booking once)."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"Reminded {sent} people of tomorrow's sessions.")
