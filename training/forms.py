"""The course page's admin form: checks that ask for the course's format
and its sessions together, which neither model can see alone."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Layout
from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from website.consent import ConsentFormMixin
from website.field_cache import blank_cached
from website.form_protection import HONEYPOT_HTML, HoneypotFormMixin
from website.gds_forms import ErrorLinksMixin, clean_uk_phone, email_widget
from website.text_choice import clean_texts, texts_field

# The wording a person agrees to by ticking the box; stored with the booking.
TEXTS_CONSENT = "Text me about this booking"

VENUE_NEEDED = "An in-person course needs a venue for every session."


class CoursePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        self.clean_sessions_against_bookings()
        if cleaned_data.get("format") != self._meta.model.Format.IN_PERSON:
            return cleaned_data
        for form in self.formsets["sessions"].forms:
            if form.empty_permitted and not form.has_changed():
                continue  # a blank extra form, which will not be saved
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            if not form.cleaned_data.get("venue"):
                form.add_error("venue", VENUE_NEEDED)
        return cleaned_data

    def clean_sessions_against_bookings(self):
        """People who booked keep their places: a session with bookings
        cannot be deleted, nor its capacity cut below the places taken."""
        for form in self.formsets["sessions"].forms:
            session = form.instance
            if session.pk is None or not form.is_valid():
                continue
            live = session.bookings.exclude(status="cancelled")
            if form.cleaned_data.get("DELETE") and live.exists():
                # On the page form: a formset ignores errors on forms marked
                # for deletion.
                self.add_error(
                    None,
                    f"The session on {session.when} has {live.count()} booking(s). Cancel them "
                    "in the session's register before removing it, so the people are told.",
                )
                continue
            taken = live.filter(status="confirmed").count()
            capacity = form.cleaned_data.get("capacity")
            if capacity is not None and capacity < taken:
                form.add_error(
                    "capacity",
                    f"{taken} people already have places, so the capacity cannot be less "
                    f"than {taken}.",
                )


class BookingForm(ErrorLinksMixin, HoneypotFormMixin, ConsentFormMixin, forms.Form):
    """A resident books a place (or a waiting-list place) on one session."""

    name = forms.CharField(
        label="Your name",
        max_length=100,
        error_messages={
            "required": "Enter your name.",
            "max_length": "Your name must be 100 characters or fewer.",
        },
    )
    email = forms.EmailField(
        label="Email address (optional)",
        required=False,
        max_length=254,
        help_text="We email your booking and a link to cancel it.",
        widget=email_widget(),
        error_messages={
            "invalid": "Enter an email address like name@example.org.",
            "max_length": "The email address must be 254 characters or fewer.",
        },
    )
    phone = forms.CharField(
        label="Phone number (optional)",
        required=False,
        max_length=30,
        help_text="If you have no email address, the course runner will ring you.",
        error_messages={"max_length": "The phone number must be 30 characters or fewer."},
    )
    wants_texts = texts_field(TEXTS_CONSENT)
    accessibility_needs = forms.CharField(
        label="Anything we should know to make the session work for you? (optional)",
        required=False,
        max_length=1000,
        help_text="For example: I use a wheelchair, or I need large print.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Tell us in 1,000 characters or fewer."},
    )

    def __init__(self, *args, submit_label="Book a place", **kwargs):
        super().__init__(*args, **kwargs)
        label = submit_label
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            *blank_cached(
                Field.text("name", field_width=20, autocomplete="name"),
                Field.text("email", field_width=20, autocomplete="email", spellcheck="false"),
                Field.text("phone", field_width=10, autocomplete="tel", type="tel"),
                Field.checkbox("wants_texts", small=True),
                Field.textarea("accessibility_needs", max_characters=1000),
                Field.checkbox("consent"),
                HTML(HONEYPOT_HTML),
                HTML(f'<button class="govuk-button" data-module="govuk-button">{label}</button>'),
            )
        )

    def clean_phone(self):
        return clean_uk_phone(self.cleaned_data["phone"])

    def clean(self):
        cleaned_data = super().clean()
        if (
            "email" not in self.errors
            and "phone" not in self.errors
            and not cleaned_data.get("email")
            and not cleaned_data.get("phone")
        ):
            self.add_error(
                "email", "Enter an email address or a phone number, so we can reach you."
            )
        return clean_texts(self, cleaned_data)
