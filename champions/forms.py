"""The public sign-up form, and the small forms of the champion admin."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Layout, Size
from django import forms
from django.utils import timezone

from directory import geo
from directory.models import Language, OrganisationPage
from website.consent import ConsentFormMixin
from website.field_cache import blank_cached
from website.form_protection import HONEYPOT_HTML, HoneypotFormMixin
from website.gds_forms import ErrorLinksMixin, clean_uk_phone, email_widget
from website.text_choice import clean_texts, texts_field

from .models import AVAILABLE_DAYS, AVAILABLE_TIMES, HEARD_ABOUT, Activity, Skill

EMAIL_INVALID = "Enter an email address in the correct format, like name@example.org."
# The wording a volunteer agrees to by ticking the box; stored with their record.
TEXTS_CONSENT = "Text me about my volunteering"


def too_long(what, limit):
    return f"{what} must be {limit:,} characters or fewer."


class ChampionSignUpForm(ErrorLinksMixin, HoneypotFormMixin, ConsentFormMixin, forms.Form):
    """A volunteer offers to be a digital champion. Every text field has a
    limit with its own message; the browser is not asked to enforce it
    (no maxlength attribute), so nothing typed is silently cut off."""

    consent_wording = (
        "I agree that the partnership can keep these details to arrange my volunteering, "
        "and share them with the organisation that hosts me."
    )

    name = forms.CharField(
        label="Full name",
        max_length=100,
        error_messages={"required": "Enter your full name.", "max_length": too_long("Name", 100)},
    )
    email = forms.EmailField(
        widget=email_widget(),
        label="Email address",
        max_length=254,
        help_text="We will use this to contact you about volunteering.",
        error_messages={
            "required": "Enter your email address.",
            "invalid": EMAIL_INVALID,
            "max_length": too_long("Email address", 254),
        },
    )
    phone = forms.CharField(
        label="Phone number (optional)",
        required=False,
        max_length=30,
        error_messages={"max_length": too_long("Phone number", 30)},
    )
    wants_texts = texts_field(TEXTS_CONSENT)
    postcode = forms.CharField(
        label="Postcode",
        max_length=10,
        help_text="So we can match you with an organisation near you.",
        error_messages={
            "required": "Enter your postcode.",
            "max_length": too_long("Postcode", 10),
        },
    )
    available_days = forms.MultipleChoiceField(
        label="Which days could you help?",
        choices=AVAILABLE_DAYS,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply.",
        error_messages={"required": "Select the days you could help."},
    )
    available_times = forms.MultipleChoiceField(
        label="What times of day could you help?",
        choices=AVAILABLE_TIMES,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply.",
        error_messages={"required": "Select the times of day you could help."},
    )
    availability_notes = forms.CharField(
        label="Anything else about when you could help? (optional)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example: term time only, or one Saturday a month.",
        error_messages={"max_length": too_long("Notes on when you could help", 500)},
    )
    skills = forms.ModelMultipleChoiceField(
        label="What could you help people with?",
        queryset=Skill.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply. You do not need to be an expert.",
        error_messages={"required": "Select at least one thing you could help with."},
    )
    languages = forms.ModelMultipleChoiceField(
        label="Do you speak any languages other than English? (optional)",
        queryset=Language.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    preferred_host = forms.ModelChoiceField(
        label="Is there an organisation you would like to volunteer with? (optional)",
        queryset=OrganisationPage.objects.none(),
        required=False,
        empty_label="No preference",
        help_text="We will try to match you with it.",
        error_messages={"invalid_choice": "Choose an organisation from the list."},
    )
    experience = forms.CharField(
        label="Tell us about any relevant experience (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example: helping family with their phones, or other volunteering.",
        error_messages={"max_length": too_long("Experience", 2000)},
    )
    heard_about = forms.ChoiceField(
        label="How did you hear about digital champions? (optional)",
        choices=HEARD_ABOUT,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose one of the options."},
    )

    def __init__(self, *args, for_update=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_host"].queryset = OrganisationPage.objects.live().order_by("title")
        if for_update:
            # The address the link was sent to: the record's identity.
            self.fields["email"].disabled = True
        if not Skill.objects.exists():
            # Nothing to choose from until coordinators add to the list.
            self.fields["skills"].required = False
        for field in self.fields.values():
            field.widget.attrs.pop("maxlength", None)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": "", "id": "champion-sign-up"}
        self.helper.layout = Layout(
            *blank_cached(
                Field.text("name", field_width=20, autocomplete="name", spellcheck="false"),
                Field.text("email", field_width=20, autocomplete="email", spellcheck="false"),
                Field.text("phone", field_width=10, autocomplete="tel", type="tel"),
                Field.checkbox("wants_texts", small=True),
                Field.text("postcode", field_width=10, autocomplete="postal-code"),
                Field.checkboxes("available_days", legend_size=Size.SMALL, small=True),
                Field.checkboxes("available_times", legend_size=Size.SMALL, small=True),
                Field.textarea("availability_notes", max_characters=500),
                Field.checkboxes("skills", legend_size=Size.SMALL, small=True),
                Field.checkboxes("languages", legend_size=Size.SMALL, small=True),
                Field.select("preferred_host"),
                Field.textarea("experience", max_characters=2000),
                Field.radios("heard_about", legend_size=Size.SMALL, small=True),
                Field.checkbox("consent"),
                HTML(HONEYPOT_HTML),
                HTML(
                    '<button class="govuk-button" data-module="govuk-button">'
                    f"{'Save my details' if for_update else 'Sign up'}</button>"
                ),
            )
        )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_phone(self):
        return clean_uk_phone(self.cleaned_data["phone"])

    def clean(self):
        return clean_texts(self, super().clean())

    def clean_postcode(self):
        """Any postcode in the UK's format, normalised ("PR7 1DP"), even one
        our postcode data does not hold yet."""
        try:
            return geo.normalise_postcode(self.cleaned_data["postcode"])
        except geo.InvalidPostcode as error:
            raise forms.ValidationError(error.message) from error


class ActivityForm(forms.ModelForm):
    """A host logs a spell of helping."""

    class Meta:
        model = Activity
        fields = ["date", "hours", "people_helped"]
        labels = {"hours": "Hours spent helping", "people_helped": "How many people they helped"}
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError("The date cannot be in the future.")
        return date

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if not 0 < hours <= 24:
            raise forms.ValidationError("Enter the hours as a number between 0 and 24.")
        return hours


class BulkStatusForm(forms.Form):
    """Move every selected champion to one status."""

    status = forms.ChoiceField(label="New status")

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices
