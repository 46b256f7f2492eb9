"""The query parameters of each list endpoint, parsed and checked with
Django forms. Every bad value is a 400 naming the parameter and what a good
one looks like; parameters the profile defines that we cannot narrow by
(minimum_age, maximum_age: no listing records an age limit) are checked
and otherwise ignored, and unknown parameters are ignored."""

from django import forms

from directory import geo
from openreferral import ids, taxonomies
from openreferral.errors import ApiError

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
MAX_PROXIMITY_METRES = 1_000_000
METRES_PER_MILE = 1609.344
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def whole_number(name, maximum=None):
    limits = f"from 1 to {maximum:,}" if maximum else "of 1 or more"
    message = f"{name} must be a whole number {limits}."
    return forms.IntegerField(
        required=False,
        min_value=1,
        max_value=maximum,
        error_messages={"invalid": message, "min_value": message, "max_value": message},
    )


def uuid_text(name):
    return forms.CharField(
        required=False,
        max_length=36,
        error_messages={"max_length": f"{name} must be a UUID."},
    )


class PageParams(forms.Form):
    page = whole_number("page")
    per_page = whole_number("per_page", MAX_PER_PAGE)

    def checked(self):
        """The cleaned values, or ApiError(400) naming every bad one."""
        if not self.is_valid():
            errors = {name: list(messages) for name, messages in self.errors.items()}
            raise ApiError(400, " ".join(m for ms in errors.values() for m in ms), errors)
        data = dict(self.cleaned_data)
        data["page"] = data.get("page") or 1
        data["per_page"] = data.get("per_page") or DEFAULT_PER_PAGE
        return data


class TaxonomyParams(PageParams):
    """/taxonomy_terms: a page, of one taxonomy's terms or of all."""

    taxonomy_id = uuid_text("taxonomy_id")

    def clean_taxonomy_id(self):
        text = self.cleaned_data["taxonomy_id"]
        if not text:
            return None
        taxonomy_id = ids.parse(text)
        if taxonomy_id is None:
            raise forms.ValidationError("taxonomy_id must be a UUID.")
        taxonomy = taxonomies.find_taxonomy(taxonomy_id)
        if taxonomy is None:
            raise forms.ValidationError(f"There is no taxonomy with the id {text}.")
        return taxonomy


class ServiceParams(TaxonomyParams):
    """/services and /service_at_locations."""

    search = forms.CharField(
        required=False,
        max_length=200,
        error_messages={"max_length": "search must be 200 characters or fewer."},
    )
    taxonomy_term_id = uuid_text("taxonomy_term_id")
    modified_after = forms.DateTimeField(
        required=False,
        error_messages={
            "invalid": "modified_after must be a date and time in ISO 8601, "
            "like 2025-01-31T09:00:00Z."
        },
    )
    day = forms.CharField(required=False, max_length=12)
    start_time = forms.TimeField(
        required=False, error_messages={"invalid": "start_time must be a time, like 09:30."}
    )
    end_time = forms.TimeField(
        required=False, error_messages={"invalid": "end_time must be a time, like 17:00."}
    )
    minimum_age = forms.FloatField(
        required=False,
        min_value=0,
        error_messages={
            "invalid": "minimum_age must be a number.",
            "min_value": "minimum_age must not be negative.",
        },
    )
    maximum_age = forms.FloatField(
        required=False,
        min_value=0,
        error_messages={
            "invalid": "maximum_age must be a number.",
            "min_value": "maximum_age must not be negative.",
        },
    )

    def clean_taxonomy_term_id(self):
        text = self.cleaned_data["taxonomy_term_id"]
        if not text:
            return None
        term_id = ids.parse(text)
        if term_id is None:
            raise forms.ValidationError("taxonomy_term_id must be a UUID.")
        term = taxonomies.find_term(term_id)
        if term is None:
            raise forms.ValidationError(f"There is no taxonomy term with the id {text}.")
        return term

    def clean_day(self):
        """RFC 5545's two letters (MO … SU), as schedules' byday, or the
        day's English name; Monday is 0, as in directory.search."""
        text = self.cleaned_data["day"].strip()
        if not text:
            return None
        if text.upper() in DAYS:
            return DAYS.index(text.upper())
        if text.lower() in DAY_NAMES:
            return DAY_NAMES.index(text.lower())
        raise forms.ValidationError("day must be one of MO, TU, WE, TH, FR, SA or SU.")

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "end_time must be after start_time.")
        return data


class LocationParams(ServiceParams):
    """/service_at_locations: also near a postcode."""

    postcode = forms.CharField(required=False, max_length=20)
    proximity = forms.FloatField(
        required=False,
        min_value=1,
        max_value=MAX_PROXIMITY_METRES,
        error_messages={
            "invalid": "proximity must be a distance in metres, like 8000.",
            "min_value": "proximity must be at least 1 metre.",
            "max_value": f"proximity must be at most {MAX_PROXIMITY_METRES:,} metres.",
        },
    )

    def clean_postcode(self):
        text = self.cleaned_data["postcode"].strip()
        if not text:
            return None
        try:
            return geo.locate(text)
        except geo.PostcodeError as error:
            raise forms.ValidationError(f"postcode: {error}") from error

    def clean(self):
        data = super().clean()
        if data.get("proximity") and not data.get("postcode") and "postcode" not in self.errors:
            self.add_error("proximity", "proximity needs a postcode to measure from.")
        return data
