"""The website's own part in data protection (see personal_data.py): what
the email and text outboxes hold for one person.

Found by email: the emails addressed to them. Found by mobile: the texts
sent to that number, and its STOP opt-out if it has one. Erasing deletes
the emails or texts but keeps the opt-out: it is what stops the site
texting a number that asked for no more texts, so erasing it would undo
the person's own request (docs/data-protection.md). The export shows it,
so the person can see it is held and why."""

from website import outbox, texts
from website.models import TextOptOut


def personal_data(who):
    if who.email:
        return [
            {
                "record": "Email",
                "subject": message.subject,
                "status": message.get_status_display(),
                "created": message.created_at,
                "sent": message.sent_at or "",
            }
            for message in outbox.addressed_to(who.email)
        ]
    found = [
        {
            "record": "Text",
            "to": text.to,
            "what it was for": text.purpose,
            "text": text.body,
            "status": text.get_status_display(),
            "created": text.created_at,
            "sent": text.sent_at or "",
        }
        for text in texts.to_number(who.mobile).order_by("created_at", "pk")
    ]
    found.extend(
        {
            "record": "Text opt-out (kept after erasure, so no more texts are sent)",
            "number": opt_out.number,
            "since": opt_out.created_at,
            "how": opt_out.how,
        }
        for opt_out in TextOptOut.objects.filter(number=who.mobile)
    )
    return found


def erase_personal_data(who):
    if who.email:
        deleted, _ = outbox.addressed_to(who.email).delete()
    else:
        deleted, _ = texts.to_number(who.mobile).delete()
    return deleted
