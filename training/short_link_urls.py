"""The short links in booking texts, mounted at /b/ (website/urls.py)."""

from django.urls import path

from training import short_link_views

urlpatterns = [
    path("<str:token>/", short_link_views.see_booking, name="booking_short"),
    path("<str:token>/cancel/", short_link_views.cancel_booking, name="booking_short_cancel"),
]
