"""One person's data across every register, for subject access requests,
erasure requests and the retention schedule.

website imports no other app, so each app that keeps personal data offers
these on its AppConfig, where `who` is a `Person` (website/data_subject.py)
known by an email address or by a UK mobile number:

- `personal_data(who)`: a list of dicts, one per record that names the
  person, ready to export (plain strings, numbers and dates only);
- `erase_personal_data(who)`: anonymise exactly those records, keeping what
  the partnership counts (a booking still happened), and return how many;
- `apply_retention(settings, now)`: anonymise records older than the
  period in `DataProtectionSettings`, and return how many.
"""

import calendar

from django.apps import apps
from django.db import transaction

from website.data_subject import Person

__all__ = ["ERASED", "Person", "apply_retention", "erase", "find", "months_before", "registers"]


def registers():
    return [
        app_config
        for app_config in apps.get_app_configs()
        if hasattr(app_config, "personal_data") and hasattr(app_config, "erase_personal_data")
    ]


def find(who):
    """{register name: [record, …]} for every register that holds this
    person (a `Person`)."""
    found = {}
    for app_config in registers():
        records = app_config.personal_data(who)
        if records:
            found[str(app_config.verbose_name)] = records
    return found


@transaction.atomic
def erase(who):
    """Anonymise this person (a `Person`) everywhere, all or nothing;
    {register: count}."""
    return {
        str(app_config.verbose_name): app_config.erase_personal_data(who)
        for app_config in registers()
    }


@transaction.atomic
def apply_retention(settings, now):
    return {
        str(app_config.verbose_name): app_config.apply_retention(settings, now)
        for app_config in apps.get_app_configs()
        if hasattr(app_config, "apply_retention")
    }


ERASED = "(erased)"


def months_before(moment, months):
    """The same day and time `months` calendar months earlier (the last day
    of the month where that month is shorter): the start of a retention
    period."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)
