"""The directory search form. Each filter is validated on its own: a bad
value is reported and left out, and every other filter still applies, so
nothing the user chose is lost."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Layout, Size
from django import forms

from directory import geo
from directory.hours import DAY_NAMES
from directory.models import AccessibilityFeature, ProblemReport, ServiceType
from directory.search import DirectoryQuery
from website.form_protection import HONEYPOT_HTML, HoneypotFormMixin

RADIUS_CHOICES = [("1", "1 mile"), ("3", "3 miles"), ("5", "5 miles"), ("10", "10 miles")]
DEFAULT_RADIUS = "5"
WHEN_CHOICES = [
    ("", "Any day"),
    ("now", "Open now"),
    *[(str(number), name) for number, name in enumerate(DAY_NAMES)],
]


class KnownSlugsField(forms.MultipleChoiceField):
    """Several choices from a coordinator-managed list. Slugs that are not
    (or no longer) on the list are dropped quietly: an old bookmarked link
    still works, with the filters that still exist."""

    def to_python(self, value):
        known = {choice for choice, _label in self.choices}
        return [slug for slug in super().to_python(value) if slug in known]


class DirectorySearchForm(forms.Form):
    q = forms.CharField(
        label="What are you looking for?",
        required=False,
        max_length=200,
        help_text="For example: wifi, Universal Credit, tablet",
        error_messages={"max_length": "Search for 200 characters or fewer."},
    )
    postcode = forms.CharField(
        label="Postcode",
        required=False,
        max_length=20,
        help_text="To see the nearest places first",
        error_messages={"max_length": "Enter a real postcode, like PR7 1DP."},
    )
    radius = forms.ChoiceField(
        label="Within",
        choices=RADIUS_CHOICES,
        required=False,
        error_messages={"invalid_choice": "Choose a distance from the list."},
    )
    service = KnownSlugsField(
        label="Help with", required=False, widget=forms.CheckboxSelectMultiple
    )
    when = forms.ChoiceField(
        label="When",
        choices=WHEN_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose a day from the list."},
    )
    access = KnownSlugsField(
        label="Accessibility", required=False, widget=forms.CheckboxSelectMultiple
    )
    free = forms.BooleanField(label="Free only", required=False)

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("radius"):
            data = data.copy()
            data["radius"] = DEFAULT_RADIUS
        super().__init__(data, *args, **kwargs)
        self.fields["service"].choices = list(ServiceType.objects.values_list("slug", "name"))
        self.fields["access"].choices = list(
            AccessibilityFeature.objects.values_list("slug", "name")
        )
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.attrs = {"novalidate": "", "id": "directory-search"}
        self.helper.layout = Layout(
            Field.text("q", label_size=Size.SMALL),
            Field.text("postcode", label_size=Size.SMALL, field_width=10),
            Field.select("radius"),
            HTML('<button class="govuk-button" data-module="govuk-button">Search</button>'),
            HTML(
                '<details class="govuk-details app-filters"{% if filters_open %} open{% endif %}>'
                '<summary class="govuk-details__summary"><span class="govuk-details__summary-text">'
                'Filter results</span></summary><div class="govuk-details__text">'
            ),
            Field.checkboxes("service", small=True, legend_size=Size.SMALL),
            Field.radios("when", small=True, legend_size=Size.SMALL),
            Field.checkboxes("access", small=True, legend_size=Size.SMALL),
            Field.checkbox("free", small=True),
            HTML(
                '<button class="govuk-button govuk-button--secondary" '
                'data-module="govuk-button">Apply filters</button></div></details>'
            ),
        )

    def clean_postcode(self):
        text = self.cleaned_data["postcode"].strip()
        if not text:
            self.location = None
            return ""
        try:
            self.location = geo.locate(text)
        except geo.PostcodeError as error:
            self.location = None
            raise forms.ValidationError(str(error)) from error
        return self.location.postcode

    def directory_query(self):
        """The query made of every filter that validated; invalid ones are
        left out (and shown as errors)."""
        self.is_valid()  # run validation; partial cleaned_data is what we use
        data = self.cleaned_data
        when = data.get("when") or ""
        location = getattr(self, "location", None) if "postcode" in data else None
        radius = data.get("radius") or DEFAULT_RADIUS
        return DirectoryQuery(
            text=data.get("q", ""),
            location=location,
            radius_miles=float(radius) if location else None,
            services=tuple(data.get("service") or ()),
            accessibility=tuple(data.get("access") or ()),
            weekday=int(when) if when.isdigit() else None,
            open_now=when == "now",
            free_only=bool(data.get("free")),
        )

    @property
    def has_filters(self):
        data = getattr(self, "cleaned_data", {})
        return bool(
            data.get("service") or data.get("access") or data.get("when") or data.get("free")
        )


class ProblemReportForm(HoneypotFormMixin, forms.ModelForm):
    """Anyone can tell us a listing is wrong, without an account."""

    class Meta:
        model = ProblemReport
        fields = ["kind", "details", "reply_email"]
        labels = {
            "kind": "What is the problem?",
            "details": "Tell us more",
            "reply_email": "Your email address (optional)",
        }
        help_texts = {
            "details": "For example, the new opening hours or what has changed.",
            "reply_email": "Only if you would like a reply. We delete it once we have replied.",
        }
        widgets = {"kind": forms.RadioSelect}
        error_messages = {
            "kind": {"required": "Select what the problem is."},
            "details": {
                "required": "Tell us what is wrong.",
                "max_length": "Tell us in 2,000 characters or fewer.",
            },
            "reply_email": {"invalid": "Enter an email address like name@example.org."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = ProblemReport.Kind.choices
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field.radios("kind", legend_size=Size.MEDIUM),
            Field.textarea("details", label_size=Size.SMALL, max_characters=2000),
            Field.text("reply_email", label_size=Size.SMALL, field_width=20),
            HTML(HONEYPOT_HTML),
            HTML('<button class="govuk-button" data-module="govuk-button">Send report</button>'),
        )


class ShortlistEmailForm(HoneypotFormMixin, forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text="We send the list once and do not keep the address.",
        error_messages={
            "required": "Enter the email address to send the list to.",
            "invalid": "Enter an email address like name@example.org.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field.text("email", label_size=Size.SMALL, field_width=20),
            HTML(HONEYPOT_HTML),
            HTML(
                '<button class="govuk-button govuk-button--secondary" name="action" '
                'value="email" data-module="govuk-button">Email the list</button>'
            ),
        )
