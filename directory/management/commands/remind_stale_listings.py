"""Email each organisation's editors one reminder listing their listings that
nobody has confirmed for six months, with a link to edit each in the admin.

An organisation with no active editors with an email address is reported to
the coordinators instead, so that no stale listing goes unnoticed. What
else coordinators keep with a "last checked" date (learning at home's
resources, directory/stale_listings.py) goes to them in one more email. One run
sends at most one email per organisation; schedule it (say monthly) with
cron or the host's scheduler.
"""

from itertools import groupby

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils.dateformat import format as format_date
from wagtail.models import Page

from directory.models import OrganisationPage
from directory.permissions import coordinators, editors_of
from directory.stale_listings import other_stale, stale_listings


def admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def parent_path(page):
    return page.path[: -Page.steplen]


def reminder_body(organisation, listings, to_coordinators=False):
    lines = ["Hello,", ""]
    if to_coordinators:
        lines += [
            f"{organisation.title} has no editors with an email address, so this reminder "
            "comes to the partnership's coordinators.",
            "",
        ]
    lines += [
        f"These listings for {organisation.title} on {settings.WAGTAIL_SITE_NAME} were last "
        "checked more than six months ago. Residents and referrers rely on them being right.",
        "Please open each one, confirm every detail, set “Last checked” to today and submit it "
        "for approval.",
        "",
    ]
    for page in listings:
        lines += [
            f"- {page.title} (last checked {format_date(page.last_checked, 'j F Y')})",
            f"  {admin_url('wagtailadmin_pages:edit', page.pk)}",
        ]
    lines += [
        "",
        f"All your listings to check: {admin_url('directory_listings_to_check')}",
        "",
        "Thank you.",
    ]
    return "\n".join(lines)


def others_body(kinds):
    """The coordinators' reminder about what else they keep (learning
    resources…) that nobody has checked for six months."""
    lines = [
        "Hello,",
        "",
        f"These entries on {settings.WAGTAIL_SITE_NAME} were last checked more than six months "
        "ago, as long as a listing that needs checking. Please open each one, check that its "
        "link works and its details are right, and set “Last checked” to today.",
    ]
    for kind in kinds:
        lines += ["", f"{kind.singular[:1].upper()}{kind.singular[1:]}s:", ""]
        for entry in kind.entries:
            lines += [
                f"- {entry.title} (last checked {format_date(entry.last_checked, 'j F Y')})",
                f"  {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{entry.edit_path}",
            ]
    lines += ["", "Thank you."]
    return "\n".join(lines)


def others_subject(kinds):
    return f"{' and '.join(kind.counted for kind in kinds)} to check"


class Command(BaseCommand):
    help = "Email each organisation's editors a list of their listings not checked for six months."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print the emails that would be sent, and send none.",
        )

    def handle(self, *args, dry_run=False, **options):
        listings = sorted(stale_listings(), key=lambda page: (parent_path(page), page.path))
        organisations = {
            organisation.path: organisation
            for organisation in OrganisationPage.objects.filter(
                path__in={parent_path(page) for page in listings}
            )
        }
        fallback = sorted({user.email for user in coordinators() if user.email})
        messages, unsent = [], []
        for path, group in groupby(listings, key=parent_path):
            organisation, pages = organisations[path], list(group)
            recipients = sorted({user.email for user in editors_of(organisation) if user.email})
            to_coordinators = not recipients
            if to_coordinators:
                recipients = fallback
            if not recipients:
                unsent.append(organisation.title)
                continue
            messages.append(
                EmailMessage(
                    subject=f"{len(pages)} listing{'' if len(pages) == 1 else 's'} to check "
                    f"for {organisation.title}",
                    body=reminder_body(organisation, pages, to_coordinators),
                    to=recipients,
                )
            )
        others = other_stale()
        if others and fallback:
            messages.append(
                EmailMessage(subject=others_subject(others), body=others_body(others), to=fallback)
            )
        elif others:
            unsent.append(" and ".join(f"{kind.singular}s" for kind in others))
        if dry_run:
            for message in messages:
                self.stdout.write(
                    f"To: {', '.join(message.to)}\nSubject: {message.subject}\n\n{message.body}\n"
                )
        elif messages:
            get_connection().send_messages(messages)
        for title in unsent:
            self.stderr.write(f"No one to remind about {title}: it has no editors or coordinators.")
        verb = "Would send" if dry_run else "Sent"
        also = "".join(f" and {kind.counted}" for kind in others)
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {len(messages)} reminder{'' if len(messages) == 1 else 's'} "
                f"about {len(listings)} stale listing{'' if len(listings) == 1 else 's'}{also}."
            )
        )
