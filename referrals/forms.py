"""The public referral forms: who is referring and whether the resident
agreed (asked first), then the details on one page. Every field has its own
error message; no maxlength attribute, so nothing typed is silently cut."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Fieldset, Layout, Size
from django import forms

from directory import geo
from directory.models import AccessibilityFeature, Language
from website.field_cache import blank_cached
from website.form_protection import HONEYPOT_HTML, HoneypotFormMixin
from website.gds_forms import ErrorLinksMixin, clean_uk_phone, email_widget
from website.text_choice import clean_texts, texts_field

from . import choices
from .models import Referral

CONSENT_WORDING = (
    "The person who needs help agrees to be referred, and to have these details shared "
    "with the partner organisation that will contact them. If the referral is for you, "
    "that person is you."
)
# The wording a person agrees to by ticking the box; kept with the referral.
TEXTS_CONSENT = "Text them their next steps"
TEXTS_CONSENT_SELF = "Text me my next steps"
EMAIL_INVALID = "Enter an email address in the correct format, like name@example.org."
# Messages about "them" in a referral become messages about "you" when
# residents refer themselves.
SELF_WORDING = [
    ("stops them", "stops you"),
    ("they want", "you want"),
    ("their", "your"),
    ("Their", "Your"),
]
BUTTON = '<button class="govuk-button" data-module="govuk-button">{}</button>'
SKILLS_CHECK_LABEL = "Do the skills check with them"
SKILLS_CHECK_BUTTON = (
    '<button class="govuk-button govuk-button--secondary" name="action" value="skills-check" '
    'data-module="govuk-button">{}</button>'
)
SKILLS_CHECK_HINT = (
    "Select all that apply. Not sure about their skills? Use the skills check button at the "
    "end of this page: a few short “I can …” questions, and the answers tick the skills "
    "boxes here. Nothing typed is lost."
)


def too_long(what, limit):
    return f"{what} must be {limit:,} characters or fewer."


def text_field(label, limit, required=False, what="", **kwargs):
    messages = {"max_length": too_long(what or label, limit)}
    if required:
        messages["required"] = f"Enter {what.lower() if what else label.lower()}."
    return forms.CharField(
        label=label, max_length=limit, required=required, error_messages=messages, **kwargs
    )


def gds_helper(form_id, *items):
    helper = FormHelper()
    helper.attrs = {"novalidate": "", "id": form_id}
    helper.layout = Layout(*blank_cached(*items))
    return helper


class StartForm(ErrorLinksMixin, forms.Form):
    """Consent first: without the resident's agreement the form stops."""

    mode = forms.ChoiceField(
        label="Who is this referral for?",
        choices=[
            (Referral.Mode.REFERRER, "Someone I work with or support"),
            (Referral.Mode.SELF, "Me: I would like help myself"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select who the referral is for."},
    )
    consent = forms.ChoiceField(
        label="Does the person who needs help agree to this referral?",
        help_text=CONSENT_WORDING,
        choices=[("yes", "Yes"), ("no", "No, or not asked yet")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the person agrees to be referred."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            "referral-start",
            Field.radios("mode", legend_size=Size.MEDIUM),
            Field.radios("consent", legend_size=Size.MEDIUM),
            HTML(BUTTON.format("Continue")),
        )


class DetailsForm(ErrorLinksMixin, HoneypotFormMixin, forms.Form):
    """About the referrer (when someone refers another person) and the
    resident. Lists of answers are stored as the slugs in choices.py."""

    referrer_name = text_field("Your name", 120, what="Your name")
    referrer_organisation = text_field("Your organisation", 120, what="Your organisation")
    referrer_kind = forms.ChoiceField(
        label="What kind of organisation is it? (optional)",
        choices=choices.REFERRER_KINDS,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select the kind of organisation from the list."},
    )
    referrer_role = text_field("Your role (optional)", 120, what="Your role")
    referrer_email = forms.EmailField(
        widget=email_widget(),
        label="Your email address",
        required=False,
        max_length=254,
        help_text="We email you the reference number.",
        error_messages={"invalid": EMAIL_INVALID, "max_length": too_long("Email", 254)},
    )
    referrer_phone = text_field("Your phone number (optional)", 30, what="Your phone number")

    resident_name = text_field("Their full name", 120, required=True, what="Their full name")
    contact_method = forms.ChoiceField(
        label="How should the partner contact them?",
        choices=Referral.Contact.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the partner should contact them."},
    )
    resident_phone = text_field("Their phone number", 30, what="Their phone number")
    wants_texts = texts_field(TEXTS_CONSENT)
    resident_email = forms.EmailField(
        widget=email_widget(),
        label="Their email address",
        required=False,
        max_length=254,
        error_messages={"invalid": EMAIL_INVALID, "max_length": too_long("Email", 254)},
    )
    resident_address = text_field(
        "Their postal address", 500, what="Their address", widget=forms.Textarea(attrs={"rows": 3})
    )
    postcode = text_field(
        "Their postcode",
        10,
        required=True,
        what="Their postcode",
        help_text="To find help near them, for example PR7 1DP.",
    )
    age_band = forms.ChoiceField(
        label="Their age (optional)",
        choices=[c for c in Referral.AgeBand.choices if c[0]],
        required=False,
        widget=forms.RadioSelect,
        help_text="Free mobile data from the National Databank is for people aged 18 or over.",
    )
    barriers = forms.MultipleChoiceField(
        label="What stops them getting online?",
        choices=choices.BARRIERS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply.",
    )
    goals = forms.MultipleChoiceField(
        label="What do they want to do online?",
        choices=choices.GOALS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply.",
    )
    preferred_support = forms.MultipleChoiceField(
        label="What kind of help would suit them? (optional)",
        choices=choices.SUPPORT,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    available_days = forms.TypedMultipleChoiceField(
        label="Which days are they free? (optional)",
        choices=choices.WEEKDAYS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave empty if any day suits them.",
    )
    available_times = forms.MultipleChoiceField(
        label="What times of day are they free? (optional)",
        choices=choices.TIMES_OF_DAY,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    accessibility_needs = forms.ModelMultipleChoiceField(
        label="Do they need any of these? (optional)",
        queryset=AccessibilityFeature.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="We only suggest places that have them.",
    )
    language = forms.ModelChoiceField(
        label="Do they need help in a language other than English? (optional)",
        queryset=Language.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="No, English is fine",
        error_messages={"invalid_choice": "Choose a language from the list."},
    )
    other_needs = text_field(
        "Anything else the partner should know? (optional)",
        2000,
        what="Anything else",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Do not include health details they have not agreed to share.",
    )

    def __init__(self, *args, mode=Referral.Mode.REFERRER, offer_skills_check=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.mode = mode
        for field in self.fields.values():
            field.widget.attrs.pop("maxlength", None)
        if mode == Referral.Mode.REFERRER:
            for name in ("referrer_name", "referrer_organisation", "referrer_email"):
                self.fields[name].required = True
                self.fields[name].error_messages["required"] = {
                    "referrer_name": "Enter your name.",
                    "referrer_organisation": "Enter your organisation.",
                    "referrer_email": "Enter your email address.",
                }[name]
            about_you = Fieldset(
                Field.text("referrer_name", field_width=20, autocomplete="name"),
                Field.text("referrer_organisation", field_width=20, autocomplete="organization"),
                Field.radios("referrer_kind", legend_size=Size.SMALL, small=True),
                Field.text("referrer_role", field_width=20),
                Field.text("referrer_email", field_width=20, autocomplete="email"),
                Field.text("referrer_phone", field_width=10, autocomplete="tel", type="tel"),
                legend="About you",
                legend_size=Size.MEDIUM,
            )
        else:
            for name in [n for n in self.fields if n.startswith("referrer_")]:
                del self.fields[name]
            self.relabel_for_self()
            about_you = None
        resident = Fieldset(
            Field.text("resident_name", field_width=20),
            Field.radios("contact_method", legend_size=Size.SMALL, small=True),
            Field.text("resident_phone", field_width=10, type="tel"),
            Field.checkbox("wants_texts", small=True),
            Field.text("resident_email", field_width=20, spellcheck="false"),
            Field.textarea("resident_address"),
            Field.text("postcode", field_width=10),
            Field.radios("age_band", legend_size=Size.SMALL, small=True),
            legend="About them" if about_you else "About you",
            legend_size=Size.MEDIUM,
        )
        needs = Fieldset(
            Field.checkboxes("barriers", legend_size=Size.SMALL, small=True),
            Field.checkboxes("goals", legend_size=Size.SMALL, small=True),
            Field.checkboxes("preferred_support", legend_size=Size.SMALL, small=True),
            Field.checkboxes("available_days", legend_size=Size.SMALL, small=True),
            Field.checkboxes("available_times", legend_size=Size.SMALL, small=True),
            Field.checkboxes("accessibility_needs", legend_size=Size.SMALL, small=True),
            Field.select("language"),
            Field.textarea("other_needs", max_characters=2000),
            legend="The help they need" if about_you else "The help you need",
            legend_size=Size.MEDIUM,
        )
        if offer_skills_check:
            self.fields["barriers"].help_text = self.worded(SKILLS_CHECK_HINT)
        self.helper = gds_helper(
            "referral-details",
            *[part for part in (about_you, resident, needs) if part],
            HTML(HONEYPOT_HTML),
            HTML(self.buttons(offer_skills_check)),
        )

    def buttons(self, offer_skills_check):
        """Continue first, so Enter in a field continues; then, when there
        are statements to ask, the way into the skills check."""
        if not offer_skills_check:
            return BUTTON.format("Continue")
        return (
            '<div class="govuk-button-group">'
            + BUTTON.format("Continue")
            + SKILLS_CHECK_BUTTON.format(
                "Do the skills check" if self.mode == Referral.Mode.SELF else SKILLS_CHECK_LABEL
            )
            + "</div>"
        )

    def relabel_for_self(self):
        """The same questions, asked of the resident themselves."""
        for field in self.fields.values():
            field.label = (
                str(field.label)
                .replace("Their full name", "Your full name")
                .replace("contact them", "contact you")
                .replace("Their ", "Your ")
                .replace("stops them", "stops you")
                .replace("do they", "do you")
                .replace("Do they", "Do you")
                .replace("suit them", "suit you")
                .replace("are they", "are you")
                .replace("Their age", "Your age")
            )
        self.fields["wants_texts"].label = TEXTS_CONSENT_SELF
        for field in self.fields.values():
            field.error_messages = {
                key: self.worded(str(message)) for key, message in field.error_messages.items()
            }
        self.fields["contact_method"].choices = [
            c for c in Referral.Contact.choices if c[0] != Referral.Contact.REFERRER
        ]

    def worded(self, message):
        """A message about "them", or about "you" in a self-referral."""
        if self.mode != Referral.Mode.SELF:
            return message
        for them, you in SELF_WORDING:
            message = message.replace(them, you)
        return message

    def clean_postcode(self):
        try:
            return geo.normalise_postcode(self.cleaned_data["postcode"])
        except geo.InvalidPostcode as error:
            raise forms.ValidationError(error.message) from error

    def clean_resident_phone(self):
        return clean_uk_phone(self.cleaned_data["resident_phone"])

    def clean_referrer_phone(self):
        return clean_uk_phone(self.cleaned_data["referrer_phone"])

    def clean(self):
        cleaned = super().clean()
        method = cleaned.get("contact_method")
        needed = {
            Referral.Contact.PHONE: ("resident_phone", "Enter their phone number."),
            Referral.Contact.EMAIL: ("resident_email", "Enter their email address."),
            Referral.Contact.POST: ("resident_address", "Enter their postal address."),
        }.get(method)
        if needed and not cleaned.get(needed[0]) and needed[0] not in self.errors:
            self.add_error(needed[0], self.worded(needed[1]))
        if (
            not cleaned.get("barriers")
            and not cleaned.get("goals")
            and "barriers" not in self.errors
        ):
            self.add_error(
                "barriers",
                self.worded(
                    "Select what stops them getting online, or what they want to do online."
                ),
            )
        return clean_texts(self, cleaned, phone_field="resident_phone")
