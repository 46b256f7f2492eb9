"""A place given from the waiting list is texted plainly, with a short
signed link (training/short_links.py) that fits in two fragments and opens
the booking, or its cancel page; a changed or old link is a 404."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests.factories.training import BookingFactory, SessionFactory, upcoming
from tests.training.test_booking_pages import book_url
from tests.training.test_booking_texts import MOBILE, WITH_TEXTS
from training import notifications, short_links
from training.booking_links import booking_token
from training.models import Booking
from website import texts
from website.sms_fragments import fragments

pytest_plugins = ["tests.fake_notify"]  # the fake_notify fixture


@pytest.fixture
def texts_to_mobile(fake_notify):
    """The texts sent to the booking's mobile, sent as send_queued_texts would."""
    cache.clear()

    def bodies():
        texts.send_due()
        return [
            t["personalisation"]["body"] for t in fake_notify.texts if t["phone_number"] == MOBILE
        ]

    return bodies


def test_a_place_from_the_waiting_list_is_texted_with_a_short_link(
    client, course, venue, texts_to_mobile
):
    session = SessionFactory(page=course, venue=venue, capacity=1, start=upcoming(days=3))
    ann = BookingFactory(session=session)
    client.post(book_url(course, session), WITH_TEXTS)
    cancel = course.url + course.reverse_subpage(
        "cancel_booking", kwargs={"token": booking_token(ann)}
    )
    client.post(cancel)

    offered = texts_to_mobile()[-1]
    assert "a place came up, so you are now booked on Email for beginners" in offered
    assert "At: Chorley Library" in offered  # room for both here
    assert fragments(offered) <= 2 and offered.endswith("Reply STOP to stop texts.")
    link = offered.split("See or cancel: ")[1].split()[0]
    assert link.startswith("http://testserver/b/") and len(link) <= 45

    # A longer course name: the address goes, the link stays.
    course.title = "Using email, video calls and messages to keep in touch with family"
    course.save_revision().publish()
    promoted = Booking.objects.get(email="ann@example.org")
    notifications.place_offered(promoted)
    longer = texts_to_mobile()[-1]
    assert "At: Chorley Library" not in longer and "See or cancel: http" in longer
    assert fragments(longer) <= 2

    path = link.removeprefix("http://testserver")
    page = client.get(path, follow=True)
    assert page.status_code == 200 and "/bookings/" in page.redirect_chain[0][0]
    assert "You are booked" in page.content.decode()
    cancel_page = client.get(path + "cancel/", follow=True)
    assert "Yes, cancel my booking" in cancel_page.content.decode()


def test_a_changed_another_s_or_old_short_link_is_a_404(client, course):
    session = SessionFactory(page=course, capacity=3, start=upcoming(days=3))
    mine, theirs = BookingFactory(session=session), BookingFactory(session=session)
    token = short_links.short_token(mine)
    assert client.get(f"/b/{token}/").status_code == 302
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    guessed = short_links.short_token(theirs).split("-")[0] + token[token.index("-") :]
    for bad in (tampered, guessed, "nonsense", "-", "zz-zz-zz"):
        assert client.get(f"/b/{bad}/").status_code == 404
    old = short_links.short_token(mine, timezone.now() - datetime.timedelta(days=91))
    assert client.get(f"/b/{old}/").status_code == 404


def test_a_short_link_stops_a_week_after_the_session(client, course):
    session = SessionFactory(page=course, capacity=3, start=upcoming(days=1))
    booking = BookingFactory(session=session)
    token = short_links.short_token(booking)
    assert short_links.booking_for(token) == booking
    assert short_links.booking_for(token, session.start + datetime.timedelta(days=8)) is None
