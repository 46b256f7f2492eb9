"""The short links in booking texts (short_links.py): each sends the
browser on to the booking's own page, or its cancel page, by a fresh full
signed link."""

from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache

from training.notifications import booking_link
from training.short_links import booking_for


def _booking(token):
    booking = booking_for(token)
    if booking is None:
        raise Http404("No such booking link")
    return booking


@never_cache
def see_booking(request, token):
    return redirect(booking_link(_booking(token)))


@never_cache
def cancel_booking(request, token):
    return redirect(booking_link(_booking(token), "cancel_booking"))
