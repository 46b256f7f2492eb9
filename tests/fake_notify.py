"""A fake GOV.UK Notify API on loopback, for the real Notify client to talk
to (NOTIFY_BASE_URL points at it): the endpoints the site uses, with the
answers Notify documents, and switches for its failures."""

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506"
API_KEY = f"test_key-{SERVICE_ID}-3d844edf-8d35-48ac-975b-e847b4f122b0"
SMS_TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a"
EMAIL_TEMPLATE_ID = "0c1e9bcb-5d6f-4a4c-9f1c-2b8f3b0f4e21"
PAGE_END = "9b2d7ab2-4a4f-4f7a-8a8a-5d2f6c1e0b11"


class FakeNotify:
    def __init__(self):
        self.texts = []  # the JSON each send was given, in order
        self.emails = []  # likewise for emails
        self.statuses = {}  # notification id: status to report
        self.replies = []  # received text messages, newest first
        # Status codes to answer the next sends with (0: answer as normal).
        self.fail_next = []
        self.hanging = False  # while True, sends never answer
        self.released = threading.Event()
        self.requests = 0

    def answer_send(self, data, kind="sms"):
        code = self.fail_next.pop(0) if self.fail_next else 0
        if code:
            errors = [
                {"error": "BadRequestError", "message": "phone_number Not a UK mobile number"}
            ]
            if code >= 500:
                errors = [{"error": "Exception", "message": "Internal server error"}]
            return code, {"status_code": code, "errors": errors}
        notification_id = str(uuid.uuid4())
        (self.emails if kind == "email" else self.texts).append({**data, "id": notification_id})
        self.statuses.setdefault(notification_id, "sending")
        personalisation = data.get("personalisation", {})
        content = {"body": personalisation.get("body", ""), "from_number": "GetOnline"}
        if kind == "email":
            content = {
                "body": personalisation.get("body", ""),
                "subject": personalisation.get("subject", ""),
                "from_email": "get.online@notifications.service.gov.uk",
            }
        body = {
            "id": notification_id,
            "reference": data.get("reference"),
            "content": content,
            "uri": f"/v2/notifications/{notification_id}",
            "template": {"id": data["template_id"], "version": 1, "uri": ""},
        }
        return 201, body


def handler_for(fake):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, code, body):
            payload = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def authorised(self):
            fake.requests += 1
            if not self.headers.get("Authorization", "").startswith("Bearer "):
                self.reply(403, {"status_code": 403, "errors": [{"error": "AuthError"}]})
                return False
            return True

        def do_POST(self):
            if not self.authorised():
                return
            length = int(self.headers.get("Content-Length", "0"))
            data = json.loads(self.rfile.read(length) or b"{}")
            if self.path in ("/v2/notifications/sms", "/v2/notifications/email"):
                if fake.hanging:
                    fake.released.wait(timeout=5)  # longer than the client waits
                    return
                self.reply(*fake.answer_send(data, self.path.rsplit("/", 1)[-1]))
            else:
                self.reply(404, {"status_code": 404, "errors": [{"error": "NotFound"}]})

        def do_GET(self):
            if not self.authorised():
                return
            if self.path.startswith("/v2/notifications/"):
                notification_id = self.path.rsplit("/", 1)[-1]
                if notification_id not in fake.statuses:
                    self.reply(404, {"status_code": 404, "errors": [{"error": "NoResultFound"}]})
                    return
                self.reply(
                    200,
                    {
                        "id": notification_id,
                        "type": "sms",
                        "status": fake.statuses[notification_id],
                    },
                )
            elif self.path.startswith("/v2/received-text-messages"):
                # One page of replies, then an empty one (older_than the last).
                replies = [] if "older_than=" in self.path else fake.replies
                links = {"current": self.path}
                if replies:
                    links["next"] = f"/v2/received-text-messages?older_than={PAGE_END}"
                self.reply(200, {"received_text_messages": replies, "links": links})
            else:
                self.reply(404, {"status_code": 404, "errors": [{"error": "NotFound"}]})

    return Handler


@pytest.fixture
def fake_notify_email(fake_notify, settings):
    """The fake Notify taking the site's emails too: the outbox in front
    of it, with an email template set."""
    settings.EMAIL_BACKEND = "website.outbox.OutboxEmailBackend"
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.NOTIFY_EMAIL_TEMPLATE_ID = EMAIL_TEMPLATE_ID
    return fake_notify


@pytest.fixture
def fake_notify(settings):
    """The fake Notify, running, with the site's settings pointing at it."""
    fake = FakeNotify()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(fake))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.NOTIFY_API_KEY = API_KEY
    settings.NOTIFY_SMS_TEMPLATE_ID = SMS_TEMPLATE_ID
    settings.NOTIFY_BASE_URL = f"http://127.0.0.1:{server.server_port}"
    settings.NOTIFY_TIMEOUT_SECONDS = 0.5
    try:
        yield fake
    finally:
        fake.released.set()
        server.shutdown()
        server.server_close()
