"""The text with a referral's next steps, for a resident who chose it
(website/texts.py sends it): who it is from, the reference, the place that
suits them best (name, phone, address and today's hours) and a link to
their printable sheet, in at most two SMS fragments
(website/sms_fragments.py). What matters least goes first when it is too
long: who will be in touch, then the link (it needs data to open), today's
hours, the address and the phone number, in that order."""

from django.urls import reverse
from django.utils import timezone

from directory.models import AccessPointPage
from website import site_address, sms_fragments, texts

from .sheet_links import sheet_token

PURPOSE = "referral-next-steps"
STOP = "Reply STOP to stop texts."


def best_place(referral):
    """The first place the referral was matched with, as stored, or None."""
    return next((match for match in referral.matches if match["kind"] == "place"), None)


def hours_today(place_id, today):
    """'Open today 10am to 1pm.', 'Closed today.', or "" when the place's
    page is no longer published."""
    page = AccessPointPage.objects.live().filter(pk=place_id).first()
    if page is None:
        return ""
    if page.temporarily_closed:
        return "Closed for now."
    described = page.hours_on(today.weekday())
    return "Closed today." if described == "Closed" else f"Open today {described}."


def sheet_address(referral, now=None):
    path = reverse("referral_sheet_by_link", args=[sheet_token(referral, now)])
    return site_address.absolute(path)


def next_steps_text(referral, now=None):
    """The text's body."""
    now = now or timezone.now()
    place = best_place(referral)
    parts = [
        (f"{texts.sender_name()}:", 0),
        (f"referral {referral.reference}.", 0),
    ]
    if place:
        parts += [
            (f"Go to {place['title']}.", 0),
            (f"Tel {place['phone']}." if place.get("phone") else "", 1),
            (", ".join(place.get("address") or []) + "." if place.get("address") else "", 2),
            (hours_today(place["id"], timezone.localdate(now)), 3),
        ]
    parts += [
        (f"Next steps: {sheet_address(referral, now)}", 4),
        (f"{referral.receiver_name} will contact you.", 5),
        (STOP, 0),
    ]
    return sms_fragments.fit(parts)


def next_steps(referral, now=None):
    """Text the resident their next steps, if they chose texts."""
    if not referral.texts_to:
        return None
    return texts.send_text(referral.texts_to, next_steps_text(referral, now), PURPOSE, now)
