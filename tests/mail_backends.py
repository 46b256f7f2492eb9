"""Mail servers that refuse, for the outbox tests."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class SMTPRefusing(BaseEmailBackend):
    """Accepts the connection, then refuses every message."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPDataError(451, b"4.3.0 Try again later")


class ConnectionRefused(BaseEmailBackend):
    """The mail server is not there at all."""

    def open(self):
        raise ConnectionRefusedError(111, "Connection refused")

    def send_messages(self, email_messages):
        self.open()
