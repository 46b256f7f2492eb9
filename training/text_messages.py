"""The text messages about a booking (website/texts.py sends them): short,
plain, each saying who sent it and how to stop texts, in at most two SMS
fragments (website/sms_fragments.py). Where a message would be longer, the
link is left out first (it needs data to open), then the place's address;
for a place that came up from the waiting list, the address goes first."""

from website import sms_fragments, texts

STOP = "Reply STOP to stop texts."


def _send(booking, purpose, news, where=None, link=None, link_before_where=False):
    """A text to the booking's number, if it chose texts: who it is from,
    the news, then where and the link while they fit, and how to stop.
    The link goes first unless `link_before_where` keeps it longer."""
    if not booking.texts_to:
        return None
    link_drop, where_drop = (1, 2) if link_before_where else (2, 1)
    parts = [
        (f"{texts.sender_name()}:", 0),
        (news, 0),
        (f"At: {where}." if where else "", where_drop),
        (link or "", link_drop),
        (STOP, 0),
    ]
    return texts.send_text(booking.texts_to, sms_fragments.fit(parts), purpose)


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
    """Someone cancelled and the first on the waiting list got the place:
    it is theirs already, with nothing to accept (training/booking.py), so
    the text says so, and the link to see or cancel it outlasts the
    address, which they had when they joined the waiting list."""
    news = f"a place came up, so you are now booked on {_course(booking)}."
    return _send(
        booking, "place-offered", news, where, f"See or cancel: {link}", link_before_where=True
    )


def cancelled(booking):
    news = f"your place on {_course(booking)} is cancelled."
    return _send(booking, "booking-cancelled", news)
