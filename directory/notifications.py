"""Emails about listings. They carry no personal data: only what happened
and a link to the admin, where access is checked."""

from django.core.mail import send_mail
from django.urls import reverse

from directory.permissions import coordinators, editors_of
from website import site_address


def problem_reported(report):
    recipients = sorted(
        {user.email for user in [*editors_of(report.listing), *coordinators()] if user.email}
    )
    if not recipients:
        return 0
    link = site_address.absolute(reverse("wagtailadmin_pages:edit", args=[report.listing_id]))
    return send_mail(
        subject=f"Problem reported: {report.listing.title}",
        message=(
            f"Someone reported a problem with the listing “{report.listing.title}”: "
            f"{report.get_kind_display().lower()}.\n\n"
            f"Read the report under Problem reports in the admin, and check the listing:\n{link}\n"
        ),
        from_email=None,
        recipient_list=recipients,
    )
