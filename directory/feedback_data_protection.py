"""Problem reports' part in data protection (see website/personal_data.py).
A report may hold a reply address and, in its free text, anything the
reporter chose to say. Found by its reply address for a subject access
request; erasing clears the address and the text, keeping the listing, the
kind of problem, the dates and the status (the partnership counts them).
Retention: the text of every report goes `problem_report_retention_months`
after it was made (resolving a report already drops its reply address)."""

from django.db import transaction

from website.personal_data import ERASED, months_before

from .models import ProblemReport


def record(report):
    return {
        "record": "Problem report",
        "listing": report.listing.title,
        "made": report.created_at,
        "kind": report.get_kind_display(),
        "details": report.details,
        "reply email": report.reply_email,
        "status": report.get_status_display(),
    }


def personal_data(who):
    # A report holds no phone number: only an email finds one.
    if not who.email:
        return []
    reports = ProblemReport.objects.filter(reply_email__iexact=who.email)
    return [record(report) for report in reports.select_related("listing")]


@transaction.atomic
def erase_personal_data(who):
    if not who.email:
        return 0
    return _erase(ProblemReport.objects.filter(reply_email__iexact=who.email))


@transaction.atomic
def apply_retention(settings, now):
    cutoff = months_before(now, settings.problem_report_retention_months)
    return _erase(ProblemReport.objects.filter(created_at__lt=cutoff).exclude(details=ERASED))


def _erase(reports):
    return reports.update(reply_email="", details=ERASED)
