"""The text messages about a booking (website/texts.py sends them): short,
plain, each saying who sent it and how to stop texts, in at most two SMS
fragments (306 characters). Where a message would be longer, the link is
left out first (it needs data to open), then the place's address."""

from website import texts

STOP = "Reply STOP to stop texts."


def _fit(parts):
    """The (text, optional) parts joined, leaving out optional ones from
    the last until the message fits in two fragments."""
    kept = list(parts)
    while True:
        body = " ".join(text for text, _ in kept)
        optional = [number for number, (_, is_optional) in enumerate(kept) if is_optional]
        if len(body) <= texts.TWO_FRAGMENTS or not optional:
            return body[: texts.TWO_FRAGMENTS]
        del kept[optional[-1]]


def _send(booking, purpose, news, where=None, link=None):
    """A text to the booking's number, if it chose texts: who it is from,
    the news, then where and the link while they fit, and how to stop."""
    if not booking.texts_to:
        return None
    parts = [(f"{texts.sender_name()}:", False), (news, False)]
    if where:
        parts.append((f"At: {where}.", True))
    if link:
        parts.append((link, True))
    parts.append((STOP, False))
    return texts.send_text(booking.texts_to, _fit(parts), purpose)


def _course(booking):
    session = booking.session
    return f"{session.booked_through.title}, {session.when}"


def booking_received(booking, where, link):
    if booking.status == booking.Status.CONFIRMED:
        news, purpose = f"you have a place on {_course(booking)}.", "booking-confirmed"
    else:
        news = f"{_course(booking)} is full, so you are on the waiting list."
        purpose = "booking-waiting"
    return _send(booking, purpose, news, where, f"Your booking: {link}")


def reminder(booking, where, link):
    news = f"reminder: you have a place tomorrow on {_course(booking)}."
    return _send(booking, "session-reminder", news, where, f"Can't come? Cancel: {link}")


def place_offered(booking, where, link):
    news = f"a place came up, so you are now booked on {_course(booking)}."
    return _send(booking, "place-offered", news, where, f"Your booking: {link}")


def cancelled(booking):
    news = f"your place on {_course(booking)} is cancelled."
    return _send(booking, "booking-cancelled", news)
