"""Telling coordinators about dead links (manage.py check_learning_links):
one email through the outbox (website/outbox.py) to every active
coordinator, naming the links that failed for the first time (marked in
the admin's list, still shown to residents) and those hidden from
residents now (a second failure in a row). A link still failing, already
reported, is not reported again; a run with nothing new sends nothing."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from directory.permissions import coordinators


def admin_address(resource):
    path = reverse("wagtailsnippets_learning_learningresource:edit", args=[resource.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def subject(run):
    parts = []
    if run.newly_hidden:
        count = len(run.newly_hidden)
        parts.append(f"{count} hidden from residents")
    if run.newly_failed:
        count = len(run.newly_failed)
        parts.append(f"{count} link{'' if count == 1 else 's'} stopped working")
    return "Learning resources: " + ", ".join(parts)


def lines_for(resources):
    lines = []
    for resource in resources:
        lines += [
            f"- {resource.title} ({resource.provider}): {resource.link_problem}",
            f"  Link: {resource.url}",
            f"  Edit: {admin_address(resource)}",
        ]
    return lines


def body(run):
    lines = ["Hello,", "", "Last night's check of the learning-at-home links found:"]
    if run.newly_hidden:
        lines += [
            "",
            "Hidden from residents now (the link failed two checks in a row). Fix the link, or "
            "remove the resource; a later check that finds it working shows it again:",
            "",
            *lines_for(run.newly_hidden),
        ]
    if run.newly_failed:
        lines += [
            "",
            "Stopped working (still shown to residents; hidden if the next check fails too):",
            "",
            *lines_for(run.newly_failed),
        ]
    lines += [
        "",
        "The list of learning resources in the admin shows each link's last check.",
        "",
        "Thank you.",
    ]
    return "\n".join(lines)


def tell_coordinators(run):
    """Returns how many were told (0 when nothing is new or nobody can be)."""
    if not run.newly_failed and not run.newly_hidden:
        return 0
    recipients = sorted({user.email for user in coordinators() if user.email})
    if recipients:
        EmailMessage(subject=subject(run), body=body(run), to=recipients).send()
    return len(recipients)
