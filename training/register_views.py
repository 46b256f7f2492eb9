"""A session's register for its provider: who has a place and who is
waiting, tick who attended and who completed, download it as CSV, and
message everyone with a place. Only coordinators and the editors of the
organisation that runs the course may open it."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from training import booking as booking_service
from training import notifications
from training.models import Booking
from training.register_admin import sessions_of
from website.spreadsheets import csv_response


class MessageForm(forms.Form):
    subject = forms.CharField(max_length=150)
    message = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))


def register(request, session_pk):
    session = get_object_or_404(
        sessions_of(request.user).select_related("page", "host_page", "venue"), pk=session_pk
    )
    bookings = list(
        session.bookings.exclude(status=Booking.Status.CANCELLED).order_by("status", "created_at")
    )
    if request.GET.get("format") == "csv":
        return _register_csv(session, bookings)
    message_form = MessageForm()
    if request.method == "POST" and request.POST.get("action") == "message":
        message_form = MessageForm(request.POST)
        if message_form.is_valid():
            sent, no_email = notifications.message_everyone_booked(
                session,
                message_form.cleaned_data["subject"],
                message_form.cleaned_data["message"],
                reply_to=request.user.email,
            )
            text = f"Message sent to {sent} {'person' if sent == 1 else 'people'}."
            if no_email:
                text += " These people have no email address, so ring them: " + ", ".join(no_email)
            messages.success(request, text)
            return redirect(request.path)
    elif request.method == "POST":
        marks = {
            booking.pk: (
                f"attended-{booking.pk}" in request.POST,
                f"completed-{booking.pk}" in request.POST,
            )
            for booking in bookings
            if booking.status == Booking.Status.CONFIRMED
        }
        changed = booking_service.record_register(session, marks, user=request.user)
        messages.success(request, f"Register saved ({changed} changed).")
        return redirect(request.path)
    return TemplateResponse(
        request,
        "training/admin/register.html",
        {
            "session": session,
            "confirmed": [b for b in bookings if b.status == Booking.Status.CONFIRMED],
            "waiting": [b for b in bookings if b.status == Booking.Status.WAITING],
            "message_form": message_form,
        },
    )


def _register_csv(session, bookings):
    rows = [
        (
            b.name,
            b.email,
            b.phone,
            b.accessibility_needs,
            b.get_status_display(),
            "yes" if b.attended else "no",
            "yes" if b.completed else "no",
        )
        for b in bookings
    ]
    headings = ["Name", "Email", "Phone", "Accessibility needs", "Status", "Attended", "Completed"]
    filename = f"register-{session.booked_through.slug}-{session.start:%Y-%m-%d}"
    return csv_response(filename, headings, rows)
