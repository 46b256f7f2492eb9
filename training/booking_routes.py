"""Public booking pages, routed from the course page (and from any page
that owns a session, such as an event: training/models/sessions.py): book
a session, the confirmation (reached by a signed link that only the person
has) and cancellation. They parse the request with a form and call
booking.py; the course page reaches them through training/page_routes.py.
Until issue 16 this was training/booking_views.py."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from training import booking as booking_service
from training import notifications
from training.booking_links import booking_token, check_token
from training.forms import BookingForm
from training.models import sessions_booked_through
from website.consent import privacy_notice_url
from website.database_faults import DATABASE_UNAVAILABLE, NOT_SAVED, NOT_SAVED_STATUS
from website.form_protection import count_over_limit, over_limit

BAD_LINK = (
    "This link does not work. It may have been copied wrongly: try clicking the link in "
    "your email again, or contact the course runner."
)
EXPIRED_LINK = (
    "This link has expired. To see or cancel your booking, fill in the booking form for the "
    "session again with the same email address, and we will email you a new link."
)
# Fresh links for one booking, however many people ask: enough for someone
# who lost the email, too few to fill their inbox.
LINKS_RESENT_PER_DAY = 3


def book_session(request, course, pk):
    session = (
        sessions_booked_through(course).with_places().select_related("venue").filter(pk=pk).first()
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
    if course.booking_closed_reason:  # an imported course: booked with its provider
        return _unavailable(request, course, course.booking_closed_reason, status=410)
    full = session.places_left == 0
    form_kwargs = {
        "privacy_url": privacy_notice_url(request),
        "consent_wording": course.booking_consent_wording,
        "submit_label": "Join the waiting list" if full else "Book a place",
    }
    status = 200
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
                    texts_to=data["texts_to"],
                    texts_consent_text=data["texts_consent_text"],
                )
            except booking_service.BookingRefused as refusal:
                form.add_error(None, str(refusal))
            except DATABASE_UNAVAILABLE:
                form.add_error(None, NOT_SAVED)
                status = NOT_SAVED_STATUS
            else:
                if not result.created:
                    return _already_booked(request, course, session, result.booking)
                notifications.booking_received(result.booking)
                return redirect(
                    course.url
                    + course.reverse_subpage(
                        "booking", kwargs={"token": booking_token(result.booking)}
                    )
                )
    else:
        form = BookingForm(**form_kwargs)
    response = TemplateResponse(
        request,
        "training/book_session.html",
        {"page": course, "session": session, "full": full, "form": form},
        status=status,
    )
    return _private(response) if request.method == "POST" else response


def _already_booked(request, course, session, booking):
    """Someone gave the contact details of a booking already on this
    session. Whoever they are, nothing of the booking is shown: its link
    goes by email to the address it was made with."""
    if booking.email and not count_over_limit(
        f"booking-link:{booking.pk}", LINKS_RESENT_PER_DAY, 24 * 3600
    ):
        notifications.booking_link_again(booking)
    return TemplateResponse(
        request,
        "training/booking_check_email.html",
        {"page": course, "session": session, "organisation": course.booking_contact},
    )


def _unavailable(request, course, message, status):
    return TemplateResponse(
        request,
        "training/booking_unavailable.html",
        {"page": course, "message": message},
        status=status,
    )


def _booking_or_refusal(request, course, token):
    link = check_token(course, token)
    if link.expired:
        return None, _unavailable(request, course, EXPIRED_LINK, status=410)
    if link.booking is None:
        return None, _unavailable(request, course, BAD_LINK, status=404)
    return link.booking, None


def _private(response):
    """A page showing someone's booking or what they typed: never kept by
    the browser or anything between (a shared computer's Back button)."""
    add_never_cache_headers(response)
    return response


def booking_detail(request, course, token):
    booking, refusal = _booking_or_refusal(request, course, token)
    if refusal:
        return refusal
    return _private(
        TemplateResponse(
            request,
            "training/booking_confirmation.html",
            {
                "page": course,
                "booking": booking,
                # Only people with a place see it (an online event's joining link).
                "details_for_booked": course.details_for_booked(booking),
                "cancel_url": course.url
                + course.reverse_subpage("cancel_booking", kwargs={"token": token}),
            },
        )
    )


def cancel_booking(request, course, token):
    """GET asks to confirm (so that a mail scanner following the link
    cancels nothing); POST cancels."""
    booking, refusal = _booking_or_refusal(request, course, token)
    if refusal:
        return refusal
    cancelled_now = False
    if request.method == "POST" and booking.is_live:
        booking, promoted = booking_service.cancel(booking.reference)
        notifications.booking_cancelled(booking)
        for person in promoted:
            notifications.place_offered(person)
        cancelled_now = True
    return _private(
        TemplateResponse(
            request,
            "training/booking_cancel.html",
            {"page": course, "booking": booking, "cancelled_now": cancelled_now},
        )
    )
