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


def _send(booking, purpose, parts):
    if not booking.texts_to:
        return None
    return texts.send_text(booking.texts_to, _fit(parts), purpose)


def _opening(booking):
    return f"{texts.sender_name()}:"


def booking_received(booking, where, link):
    session, title = booking.session, booking.session.booked_through.title
    if booking.status == booking.Status.CONFIRMED:
        news = f"you have a place on {title}, {session.when}."
        purpose = "booking-confirmed"
    else:
        news = f"{title}, {session.when}, is full, so you are on the waiting list."
        purpose = "booking-waiting"
    return _send(
        booking,
        purpose,
        [
            (_opening(booking), False),
            (news, False),
            (f"At: {where}.", True),
            (f"Your booking: {link}", True),
            (STOP, False),
        ],
    )


def reminder(booking, where, link):
    session, title = booking.session, booking.session.booked_through.title
    return _send(
        booking,
        "session-reminder",
        [
            (_opening(booking), False),
            (f"reminder: {title} is tomorrow, {session.when}.", False),
            (f"At: {where}.", True),
            (f"Can't come? Cancel: {link}", True),
            (STOP, False),
        ],
    )


def place_offered(booking, where, link):
    session, title = booking.session, booking.session.booked_through.title
    return _send(
        booking,
        "place-offered",
        [
            (_opening(booking), False),
            (f"a place came up, so you are now booked on {title}, {session.when}.", False),
            (f"At: {where}.", True),
            (f"Your booking: {link}", True),
            (STOP, False),
        ],
    )


def cancelled(booking):
    session, title = booking.session, booking.session.booked_through.title
    return _send(
        booking,
        "booking-cancelled",
        [
            (_opening(booking), False),
            (f"your place on {title}, {session.when}, is cancelled.", False),
            (STOP, False),
        ],
    )
