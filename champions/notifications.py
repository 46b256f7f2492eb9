"""Emails about champions. The volunteer is thanked; staff are told that
something happened, with a link to the admin (where access is checked) and
no personal data, since email is neither private nor easily erased."""

from django.core.mail import EmailMessage, send_mail
from django.urls import reverse

from directory.permissions import coordinators, editors_of
from website import site_address, texts


def admin_link(champion=None):
    """The champion's record in the admin, or the register's list."""
    if champion is None:
        path = reverse("champions_champion_modeladmin_index")
    else:
        path = reverse("champions_champion_modeladmin_inspect", args=[champion.pk])
    return site_address.absolute(path)


def emails_of(users):
    return sorted({user.email for user in users if user.email})


def already_registered(champion, partnership, update_url):
    """Someone signed up with an address that is already registered: nothing
    was changed, and the volunteer gets a link to change their details."""
    message = (
        f"Hello {champion.name},\n\n"
        "Someone (we hope you) signed up as a digital champion with this email address. "
        "You are already registered, so we have not changed anything.\n\n"
        "To change the details we have for you, use this link within 7 days:\n"
        f"{update_url}\n\n"
        "If it was not you, you can ignore this email.\n\n"
        f"{partnership}\n"
    )
    return send_mail(
        "You are already registered as a digital champion",
        message,
        from_email=None,
        recipient_list=[champion.email],
    )


def details_changed(champion):
    """The volunteer changed their details through their emailed link."""
    recipients = emails_of(coordinators())
    if not recipients:
        return 0
    return send_mail(
        subject="A digital champion volunteer has updated their details",
        message=(
            "A volunteer has updated their details through the link we emailed them.\n\n"
            f"See their details in the admin:\n{admin_link(champion)}\n"
        ),
        from_email=None,
        recipient_list=recipients,
    )


def reply_address(contact_email):
    """Where a volunteer's reply goes: the partnership's contact address
    (brand settings), else its coordinators; never the no-reply sender."""
    return [contact_email] if contact_email else emails_of(coordinators())


def thank_volunteer(result, partnership, contact_email=""):
    champion = result.champion
    subject = "Thank you for signing up as a digital champion"
    opening = "Thank you for offering to help people in your area get online."
    reply_to = reply_address(contact_email)
    if reply_to:
        withdraw = "reply to this email and we will delete your details."
    else:
        withdraw = "tell the coordinator who contacts you and they will delete your details."
    message = (
        f"Hello {champion.name},\n\n{opening}\n\n"
        "What happens next: one of our coordinators will contact you within two weeks to "
        "talk about volunteering and to introduce you to an organisation near you. That "
        "organisation will meet you and arrange your free training.\n\n"
        f"If you did not sign up, or you have changed your mind, {withdraw}\n\n"
        f"{partnership}\n"
    )
    email = EmailMessage(subject, message, to=[champion.email], reply_to=reply_to)
    return email.send()


def tell_coordinators_and_host(result):
    """A new sign-up: coordinators get a link to the record; the
    organisation the volunteer would like to help at hears that someone
    chose it, and will see them once a coordinator assigns them."""
    champion = result.champion
    sent = 0
    recipients = emails_of(coordinators())
    if recipients:
        sent += send_mail(
            subject="A digital champion volunteer has signed up",
            message=(
                "A volunteer has signed up to be a digital champion.\n\n"
                f"See their details and contact them from the admin:\n{admin_link(champion)}\n"
            ),
            from_email=None,
            recipient_list=recipients,
        )
    host = champion.preferred_host
    host_recipients = emails_of(editors_of(host)) if host else []
    if host_recipients:
        sent += send_mail(
            subject="A digital champion volunteer would like to help at your organisation",
            message=(
                f"A new volunteer has chosen {host.title} as the organisation they would like "
                "to help at. A coordinator will be in touch to introduce them.\n\n"
                "Once they are assigned to you, they appear in the Digital champions list in "
                f"the admin:\n{admin_link()}\n"
            ),
            from_email=None,
            recipient_list=host_recipients,
        )
    return sent


def host_assigned(champion):
    """A coordinator has assigned a champion to a host organisation."""
    recipients = emails_of(editors_of(champion.host))
    if not recipients:
        return 0
    return send_mail(
        subject=f"A digital champion has been assigned to {champion.host.title}",
        message=(
            f"A coordinator has assigned a digital champion to {champion.host.title}. "
            "Please contact them to arrange screening.\n\n"
            f"Their details are in the admin:\n{admin_link(champion)}\n"
        ),
        from_email=None,
        recipient_list=recipients,
    )


def text_volunteer(result, partnership):
    """A short text to a volunteer who chose texts: one SMS fragment, saying
    who sent it and how to stop them (website/texts.py)."""
    champion = result.champion
    if not champion.texts_to:
        return None
    body = (
        f"{partnership}: thank you for signing up as a digital champion. "
        "A coordinator will contact you within 2 weeks. Reply STOP to stop texts."
    )
    return texts.send_text(champion.texts_to, body, "champion-signed-up")
