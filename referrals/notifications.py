"""Emails about referrals. The receiving partner's email holds no personal
data, only the reference and a link to the admin, where access is checked.
The referrer's email holds the reference and where the resident may go."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import NoReverseMatch, reverse

from directory.permissions import coordinators
from website import site_address

WORKING_DAYS_TO_CONTACT = 5


def admin_link(referral):
    try:
        path = reverse("directory_referral_modeladmin_inspect", args=[referral.pk])
    except NoReverseMatch:
        path = reverse("wagtailadmin_home")
    return site_address.absolute(path)


def emails_of(users):
    return sorted({user.email for user in users if user.email})


def receivers(referral):
    """The receiving organisation's active editors, or the coordinators."""
    if referral.organisation_id and referral.organisation.editors_group_id:
        users = get_user_model().objects.filter(
            is_active=True, groups=referral.organisation.editors_group_id
        )
    else:
        users = coordinators()
    return emails_of(users)


def tell_receiver(referral):
    """The receiving organisation's staff; else the coordinators; else,
    where the partnership has no coordinators yet (a new site, the demo),
    its superusers, so that a referral is never left unannounced."""
    superusers = get_user_model().objects.filter(is_active=True, is_superuser=True)
    recipients = receivers(referral) or emails_of(coordinators()) or emails_of(superusers)
    if not recipients:
        return 0
    return send_mail(
        subject=f"New referral {referral.reference}",
        message=(
            f"A new referral, {referral.reference}, has been sent to you.\n\n"
            f"Read it and accept or decline it in the admin (you will need to log in). "
            f"Please contact the person within {WORKING_DAYS_TO_CONTACT} working days.\n"
            f"{admin_link(referral)}\n"
        ),
        from_email=None,
        recipient_list=recipients,
    )


def confirm_to_sender(referral, partnership_name):
    """The reference and the suggested places, to the referrer (or to the
    resident who referred themselves by email)."""
    address = referral.referrer_email
    if not address and referral.mode == referral.Mode.SELF:
        address = referral.resident_email
    if not address:
        return 0
    places = "\n\n".join(
        "\n".join([match["title"], *match.get("address", []), match.get("phone", "")]).strip()
        for match in referral.matches
        if match["kind"] == "place"
    )
    return send_mail(
        subject=f"Referral {referral.reference} received",
        message=(
            f"Thank you. Your referral reference is {referral.reference}.\n\n"
            f"{referral.receiver_name} will be in touch within {WORKING_DAYS_TO_CONTACT} "
            "working days.\n"
            + (f"\nPlaces that could help:\n\n{places}\n" if places else "")
            + f"\n{partnership_name}\n"
        ),
        from_email=None,
        recipient_list=[address],
    )
