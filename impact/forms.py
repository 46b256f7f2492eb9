"""The period chooser: a GET form, so a chosen period is a link someone
can bookmark or send. Its errors follow the GOV.UK date input pattern: one
message per problem, naming the date and the part that is wrong."""

import dataclasses
import datetime

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from website.gds_forms import ErrorLinksMixin

from . import periods

EARLIEST_YEAR = 2000
LATEST_YEAR = 2100
# Each quarter of a period is counted on its own too (public.py), so a
# period is at most this long: 20 quarters' counts for one page.
LONGEST_YEARS = 5


class PeriodDateField(DateInputField):
    """A day, month and year, with messages that say which date (`what`,
    e.g. "start date") and which part is wrong."""

    def __init__(self, what, **kwargs):
        super().__init__(required=False, require_all_fields=False, **kwargs)
        self.what = what
        message = f"Enter the {what}"
        self.error_messages.update(required=message, incomplete=message)
        for field, part in zip(self.fields, ("day", "month", "year"), strict=True):
            field.error_messages["incomplete"] = f"The {what} must include a {part}"
            field.validators = [
                validator
                for validator in field.validators
                if getattr(validator, "regex", None) is None
            ]
            field.validators.append(RegexValidator(r"^[0-9]+$", f"The {what} must be a real date"))

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        try:
            value = datetime.date(int(year), int(month), int(day))
        except ValueError as error:
            raise ValidationError(f"The {self.what} must be a real date") from error
        if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            raise ValidationError(
                f"The {self.what} must be a year between {EARLIEST_YEAR} and {LATEST_YEAR}"
            )
        return value


class FixedPeriodForm(ErrorLinksMixin, forms.Form):
    """This year, last year or the last 12 months."""

    period = forms.ChoiceField(
        label="Which period?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select a period",
            "invalid_choice": "Select a period from the list",
        },
    )

    def __init__(self, data=None, today=None, chosen=None, **kwargs):
        super().__init__(data, **kwargs)
        self.today = today
        self.fields["period"].choices = [
            (key, f"{periods.named(key, today).name}: {periods.named(key, today).dates_text}")
            for key in periods.FIXED
        ]
        self.fields["period"].initial = periods.DEFAULT if chosen is None else chosen
        self.helper = gds_helper(
            "period-form",
            Field.radios("period", legend_size=Size.SMALL),
            HTML(BUTTON.format("Show figures")),
        )

    def chosen_period(self):
        return periods.named(self.cleaned_data["period"], self.today)


class DatesForm(ErrorLinksMixin, forms.Form):
    """Any two dates. A form of its own, rather than a fourth choice that
    reveals the dates, so that it needs no JavaScript and no date typed
    here can be quietly overruled by a choice above it."""

    start = PeriodDateField("start date", label="Start date", help_text="For example, 1 4 2025")
    end = PeriodDateField("end date", label="End date", help_text="For example, 31 3 2026")

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.helper = gds_helper(
            "dates-form",
            Field("start", context=SMALL_LEGEND),
            Field("end", context=SMALL_LEGEND),
            HTML(BUTTON.format("Show figures for these dates")),
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        for name, what in (("start", "start date"), ("end", "end date")):
            if cleaned.get(name) is None and name not in self.errors:
                self.add_error(name, f"Enter the {what}")
        if start and end and end < start:
            self.add_error("end", "The end date must be the same as or after the start date")
        elif start and end and end >= periods.add_years(start, LONGEST_YEARS):
            self.add_error(
                "end",
                f"The end date must be less than {LONGEST_YEARS} years after the start date",
            )
        return cleaned

    @property
    def error_links(self):
        """Date errors link to the date's first box (the day)."""
        return [(anchor + "_0", message) for anchor, message in super().error_links]

    def chosen_period(self):
        return periods.between(self.cleaned_data["start"], self.cleaned_data["end"])


SMALL_LEGEND = {"legend_size": Size.for_legend(Size.SMALL)}
BUTTON = '<button class="govuk-button" data-module="govuk-button">{}</button>'


def gds_helper(form_id, *items):
    helper = FormHelper()
    helper.form_method = "get"
    helper.attrs = {"novalidate": "", "id": form_id}
    helper.layout = Layout(*items)
    return helper


DATE_KEYS = ("start_0", "start_1", "start_2", "end_0", "end_1", "end_2")


@dataclasses.dataclass
class PeriodChoice:
    """The two forms as the page draws them, the one the query string
    filled in (if any), and the period to show (None while the filled-in
    form has errors)."""

    fixed: FixedPeriodForm
    dates: DatesForm
    bound: forms.Form | None
    period: periods.Period | None

    @property
    def errors_form(self):
        return self.bound if self.bound is not None and self.bound.errors else None


def choose_period(params, today):
    """Read the query string: two dates if any date box was sent, else a
    named period if one was, else this year."""
    if any(key in params for key in DATE_KEYS):
        dates = DatesForm(params)
        period = dates.chosen_period() if dates.is_valid() else None
        fixed = FixedPeriodForm(today=today, chosen="")  # no period ticked
        return PeriodChoice(fixed, dates, dates, period)
    if "period" in params:
        fixed = FixedPeriodForm(params, today=today)
        period = fixed.chosen_period() if fixed.is_valid() else None
        return PeriodChoice(fixed, DatesForm(), fixed, period)
    period = periods.named(periods.DEFAULT, today)
    return PeriodChoice(FixedPeriodForm(today=today), DatesForm(), None, period)
