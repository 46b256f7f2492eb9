"""The champion register's part in data protection (see
website/personal_data.py): one person's records for a subject access
request, erasure, and the retention schedule.

Erasing anonymises rather than deletes: the name, contact details, free
text and languages go; the status history, training date, skills, area
and activity stay, so the partnership can still count champions trained
and people helped."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import ModelLogEntry

from website import texts
from website.personal_data import ERASED, months_before

from .models import Champion, Status, StatusChange
from .pipeline import change_status

# Champions who never went beyond applying, or who left, are kept only for
# the retention period after their last change.
RETAINED_STATUSES = (Status.APPLIED, Status.LEFT)


def records(champion):
    """Everything the register holds on one champion, as export-ready dicts
    (strings, numbers and dates only): the record itself, then each status
    change and each activity."""
    found = [
        {
            "record": "Digital champion",
            "name": champion.name,
            "email": champion.email,
            "phone": champion.phone,
            "postcode": champion.postcode,
            "area": str(champion.area or ""),
            "availability": champion.availability_text,
            "availability notes": champion.availability_notes,
            "can help with": ", ".join(skill.name for skill in champion.skills.all()),
            "languages": ", ".join(language.name for language in champion.languages.all()),
            "preferred host": champion.preferred_host.title if champion.preferred_host else "",
            "host": champion.host.title if champion.host else "",
            "relevant experience": champion.experience,
            "how they heard about us": champion.get_heard_about_display(),
            "consent wording": champion.consent_text,
            "consented at": champion.consented_at,
            "texts to": champion.texts_to,
            "texts consent wording": champion.texts_consent_text,
            "texts consented at": champion.texts_consented_at,
            "status": champion.get_status_display(),
            "trained on": champion.trained_on,
            "signed up": champion.created_at,
        }
    ]
    for change in champion.status_changes.select_related("changed_by"):
        found.append(
            {
                "record": "Status change",
                "from": change.get_from_status_display(),
                "to": change.get_to_status_display(),
                "when": change.changed_at,
                "how": change.get_source_display(),
            }
        )
    for activity in champion.activities.all():
        found.append(
            {
                "record": "Activity",
                "date": activity.date,
                "hours": float(activity.hours),
                "people helped": activity.people_helped,
            }
        )
    return found


def champions_of(who):
    """The champions who are this person: by email, or by mobile in the
    typed phone or the number for texts (one query; typed phones are
    checked here, website/data_subject.py)."""
    if who.email:
        return list(Champion.objects.filter(email=who.email))
    candidates = Champion.objects.filter(Q(texts_to=who.mobile) | who.phone_rows("phone"))
    return [
        champion
        for champion in candidates
        if champion.texts_to == who.mobile or who.has_phone(champion.phone)
    ]


def personal_data(who):
    found = []
    for champion in champions_of(who):
        found.extend(records(champion))
    return found


@transaction.atomic
def anonymise(champion, now=None):
    """Erase one champion's personal details, keeping what is counted.
    Someone still in the pipeline is moved to "left" first, on the record."""
    now = now or timezone.now()
    if champion.status != Status.LEFT:
        change_status(champion, Status.LEFT, source=StatusChange.Source.ERASURE, when=now)
    if champion.texts_to:
        texts.to_number(champion.texts_to).delete()
    Champion.objects.filter(pk=champion.pk).update(
        name=ERASED,
        email="",
        phone="",
        texts_to="",
        texts_consent_text="",
        texts_consented_at=None,
        postcode="",
        availability_notes="",
        experience="",
        erased_at=now,
    )
    champion.languages.clear()
    # The admin's edit log names the record it was about.
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Champion), object_id=str(champion.pk)
    ).update(label=ERASED)
    champion.refresh_from_db()
    return champion


def erase_personal_data(who):
    champions = champions_of(who)
    for champion in champions:
        anonymise(champion)
    return len(champions)


def apply_retention(settings, now):
    """Anonymise champions who left or never went beyond applying, and
    whose record has not changed for the retention period."""
    cutoff = months_before(now, settings.champion_retention_months)
    expired = Champion.objects.filter(
        Q(status__in=RETAINED_STATUSES), erased_at__isnull=True, updated_at__lt=cutoff
    )
    count = 0
    for champion in expired:
        anonymise(champion, now)
        count += 1
    return count
