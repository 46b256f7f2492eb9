"""The event page's admin form (checks that need several fields, or the
bookings, at once) and the filters of /events/ (a GET form, so a filtered
list has an address and works without JavaScript)."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Layout, Size
from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from website.field_cache import blank_cached

END_BEFORE_START = "The event must end after it starts."
VENUE_NEEDED = "Choose the access point where the event is held."
ADDRESS_NEEDED = "Enter the address where the event is held."


class EventPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start"), cleaned_data.get("end")
        if start and end and end <= start:
            self.add_error("end", END_BEFORE_START)
        where = cleaned_data.get("where")
        Where = self._meta.model.Where
        if where == Where.ACCESS_POINT and not cleaned_data.get("venue"):
            self.add_error("venue", VENUE_NEEDED)
        if where == Where.ADDRESS and not cleaned_data.get("address"):
            self.add_error("address", ADDRESS_NEEDED)
        self.clean_capacity_against_bookings(cleaned_data.get("capacity"))
        return cleaned_data

    def clean_capacity_against_bookings(self, capacity):
        """People who booked keep their places: the capacity cannot go
        below the places taken, nor be removed while anyone is booked."""
        from training.models import Booking

        if self.instance.pk is None or "capacity" in self.errors:
            return
        live = Booking.objects.filter(session__host_page_id=self.instance.pk).exclude(
            status=Booking.Status.CANCELLED
        )
        if capacity is None:
            if live.exists():
                self.add_error(
                    "capacity",
                    f"{live.count()} people have booked, so the event still needs a capacity. "
                    "Cancel their bookings in the register first, so that they are told.",
                )
            return
        taken = live.filter(status=Booking.Status.CONFIRMED).count()
        if capacity < taken:
            self.add_error(
                "capacity",
                f"{taken} people already have places, so the capacity cannot be less than {taken}.",
            )


class EventFilterForm(forms.Form):
    """What /events/ can be narrowed to. Unknown values (a tampered
    address) are ignored, never an error page."""

    WHEN = [("", "Any time"), ("week", "This week"), ("month", "This month")]
    ATTENDANCE = [("", "Online or in person"), ("in_person", "In person"), ("online", "Online")]

    when = forms.ChoiceField(label="When", required=False, choices=WHEN, widget=forms.RadioSelect)
    kind = forms.ChoiceField(label="Type of event", required=False)
    place = forms.ChoiceField(label="Town", required=False)
    attendance = forms.ChoiceField(
        label="Online or in person", required=False, choices=ATTENDANCE, widget=forms.RadioSelect
    )

    def __init__(self, *args, kinds=(), places=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Any type"), *kinds]
        self.fields["place"].choices = [("", "Anywhere"), *places]
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.attrs = {"novalidate": "", "id": "event-filters"}
        self.helper.layout = Layout(
            *blank_cached(
                Field.radios("when", small=True, legend_size=Size.SMALL),
                Field.select("kind"),
                Field.select("place"),
                Field.radios("attendance", small=True, legend_size=Size.SMALL),
            ),
            HTML(
                '<button class="govuk-button govuk-button--secondary" '
                'data-module="govuk-button">Apply filters</button>'
            ),
        )

    def chosen(self):
        """The filters asked for, each "" when not asked or not known."""
        self.is_valid()
        return {
            name: (self.cleaned_data.get(name) or "") if name not in self.errors else ""
            for name in self.fields
        }
