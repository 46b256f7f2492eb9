"""The period chooser: a GET form, so a chosen period is a link someone
can bookmark or send. Its errors follow the GOV.UK date input pattern: one
message per problem, naming the date and the part that is wrong."""

import datetime

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, ConditionalQuestion, ConditionalRadios, Field, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from website.gds_forms import ErrorLinksMixin

from . import periods

EARLIEST_YEAR = 2000
LATEST_YEAR = 2100
CUSTOM_LABEL = "Between two dates"


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


class PeriodForm(ErrorLinksMixin, forms.Form):
    period = forms.ChoiceField(
        label="Which period?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select a period",
            "invalid_choice": "Select a period from the list",
        },
    )
    start = PeriodDateField("start date", label="Start date", help_text="For example, 1 4 2025")
    end = PeriodDateField("end date", label="End date", help_text="For example, 31 3 2026")

    def __init__(self, data=None, today=None, **kwargs):
        self.today = today
        super().__init__(data, **kwargs)
        self.fields["period"].choices = [
            (key, f"{periods.named(key, today).name}: {periods.named(key, today).dates_text}")
            for key in (periods.THIS_YEAR, periods.LAST_YEAR, periods.LAST_12_MONTHS)
        ] + [(periods.CUSTOM, CUSTOM_LABEL)]
        self.fields["period"].initial = periods.DEFAULT
        self.custom_label = CUSTOM_LABEL
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_tag = True
        self.helper.attrs = {"novalidate": "", "id": "period-form"}
        choices = [label for _key, label in self.fields["period"].choices]
        self.helper.layout = Layout(
            ConditionalRadios(
                "period",
                *choices[:-1],
                ConditionalQuestion(CUSTOM_LABEL, Field("start"), Field("end")),
            ),
            HTML('<button class="govuk-button" data-module="govuk-button">Show figures</button>'),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("period") != periods.CUSTOM:
            # Dates typed and then left for another period do not matter.
            for name in ("start", "end"):
                self._errors.pop(name, None)
            return cleaned
        start, end = cleaned.get("start"), cleaned.get("end")
        for name, what in (("start", "start date"), ("end", "end date")):
            if cleaned.get(name) is None and name not in self.errors:
                self.add_error(name, f"Enter the {what}")
        if start and end and end < start:
            self.add_error("end", "The end date must be the same as or after the start date")
        return cleaned

    @property
    def error_links(self):
        """Date errors link to the date's first box (the day); the period
        to its first radio (numbered from 0 by ConditionalRadios)."""
        first_box = {
            "#id_start": "#id_start_0",
            "#id_end": "#id_end_0",
            "#id_period_1": "#id_period_0",
        }
        return [(first_box.get(anchor, anchor), message) for anchor, message in super().error_links]

    def chosen_period(self):
        """The period asked for; the default when nothing was asked. Call
        only on a valid (or unbound) form."""
        if not self.is_bound:
            return periods.named(periods.DEFAULT, self.today)
        key = self.cleaned_data["period"]
        if key == periods.CUSTOM:
            return periods.between(self.cleaned_data["start"], self.cleaned_data["end"])
        return periods.named(key, self.today)
