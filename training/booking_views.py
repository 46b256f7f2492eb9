"""Public booking pages, routed from the course page: book a session, the
confirmation (reached by a signed link that only the person has) and
cancellation. Views parse the request with a form and call booking.py."""

import uuid

from django.core import signing
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.crypto import constant_time_compare

from training import booking as booking_service
from training import notifications
from training.forms import BookingForm
from training.models import Booking, Session
from website.consent import privacy_notice_url
from website.form_protection import over_limit

SIGNING_SALT = "training.booking"
BAD_LINK = (
    "This link does not work. It may have been copied wrongly: try clicking the link in "
    "your email again, or contact the course runner."
)


def booking_token(booking):
    """The booking's reference with a signature, in characters that Wagtail
    page URLs allow (letters, digits, - and _), so no one can make a link
    to another person's booking without the site's secret key."""
    reference = booking.reference.hex
    return f"{reference}-{_signer().signature(reference)}"


def _signer():
    return signing.Signer(salt=SIGNING_SALT)


def booking_from_token(course, token):
    """The booking a signed link names, on this course; None if the link
    was altered, or names a booking that no longer exists or is elsewhere."""
    reference, _, signature = token.partition("-")
    if not constant_time_compare(signature, _signer().signature(reference)):
        return None
    try:
        reference = uuid.UUID(hex=reference)
    except ValueError:
        return None
    return (
        Booking.objects.select_related("session", "session__venue")
        .filter(reference=reference, session__page=course)
        .first()
    )


def consent_wording(course):
    organisation = course.get_parent().title
    return (
        f"I agree that {organisation} and the partnership can keep these details to manage "
        "my place, and delete them after the course."
    )


def book_session(request, course, pk):
    session = (
        Session.objects.with_places().select_related("venue").filter(page=course, pk=pk).first()
    )
    if session is None:
        return _unavailable(request, course, "We could not find that session.", status=404)
    if session.has_started:
        return _unavailable(
            request,
            course,
            "This session has already started, so it cannot be booked.",
            status=410,
        )
    full = session.places_left == 0
    form_kwargs = {
        "privacy_url": privacy_notice_url(request),
        "consent_wording": consent_wording(course),
        "submit_label": "Join the waiting list" if full else "Book a place",
    }
    if request.method == "POST":
        form = BookingForm(request.POST, **form_kwargs)
        if over_limit(request, "booking", limit=10, window_seconds=3600):
            form.add_error(None, "You have made a lot of bookings. Please try again in an hour.")
        elif form.is_valid():
            data = form.cleaned_data
            try:
                result = booking_service.book(
                    session.pk,
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    accessibility_needs=data["accessibility_needs"],
                    consent_text=form.consent_text,
                )
            except booking_service.BookingRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                if result.created:
                    notifications.booking_received(result.booking)
                url = course.url + course.reverse_subpage(
                    "booking", kwargs={"token": booking_token(result.booking)}
                )
                return redirect(url if result.created else url + "?again=1")
    else:
        form = BookingForm(**form_kwargs)
    return TemplateResponse(
        request,
        "training/book_session.html",
        {"page": course, "session": session, "full": full, "form": form},
    )


def _unavailable(request, course, message, status):
    return TemplateResponse(
        request,
        "training/booking_unavailable.html",
        {"page": course, "message": message},
        status=status,
    )


def booking_detail(request, course, token):
    booking = booking_from_token(course, token)
    if booking is None:
        return _unavailable(request, course, BAD_LINK, status=404)
    return TemplateResponse(
        request,
        "training/booking_confirmation.html",
        {
            "page": course,
            "booking": booking,
            "again": request.GET.get("again") == "1",
            "cancel_url": course.url
            + course.reverse_subpage("cancel_booking", kwargs={"token": token}),
        },
    )


def cancel_booking(request, course, token):
    """GET asks to confirm (so that a mail scanner following the link
    cancels nothing); POST cancels."""
    booking = booking_from_token(course, token)
    if booking is None:
        return _unavailable(request, course, BAD_LINK, status=404)
    cancelled_now = False
    if request.method == "POST" and booking.is_live:
        booking, promoted = booking_service.cancel(booking.reference)
        for person in promoted:
            notifications.place_offered(person)
        cancelled_now = True
    return TemplateResponse(
        request,
        "training/booking_cancel.html",
        {"page": course, "booking": booking, "cancelled_now": cancelled_now},
    )
