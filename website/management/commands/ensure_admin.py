"""Create the first admin login, once. Prints the password only when it
creates the account; later runs say the account exists and change nothing."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create an 'admin' superuser with a random password if there is no superuser yet."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@example.org")

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        existing = User.objects.filter(is_superuser=True).order_by("pk").first()
        if existing:
            self.stdout.write(
                f"Admin login exists: user '{existing.get_username()}'. Its password was printed "
                f"when it was created; to set a new one run: "
                f".venv/bin/python manage.py changepassword {existing.get_username()}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=email, password=password)
        banner = "=" * 60
        self.stdout.write(
            self.style.SUCCESS(
                f"\n{banner}\nAdmin login created (shown once, keep it safe):\n"
                f"  URL:      http://127.0.0.1:8000/admin/\n"
                f"  Username: {username}\n  Password: {password}\n{banner}\n"
            )
        )
