"""The directory search form. Each filter is validated on its own: a bad
value is reported and left out, and every other filter still applies, so
nothing the user chose is lost.

The course filters' choices come from the course listing source (see
training/search.py), so this module imports nothing from the training app;
without that source the form has no listing-type or course filters."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Layout, Size
from django import forms

from directory import geo, search_cache
from directory.hours import DAY_NAMES
from directory.models import AccessibilityFeature, ProblemReport, ServiceType
from directory.search import DirectoryQuery, source_named
from website.form_protection import HONEYPOT_HTML, HoneypotFormMixin
from website.forms import search_words
from website.gds_forms import ErrorLinksMixin, email_widget

RADIUS_CHOICES = [("1", "1 mile"), ("3", "3 miles"), ("5", "5 miles"), ("10", "10 miles")]
DEFAULT_RADIUS = "5"
WHEN_CHOICES = [
    ("", "Any day"),
    ("now", "Open now"),
    *[(str(number), name) for number, name in enumerate(DAY_NAMES)],
]
TYPE_CHOICES = [("both", "Places and courses"), ("places", "Places"), ("courses", "Courses")]
DEFAULT_TYPE = "both"
KINDS_BY_TYPE = {
    "both": frozenset(),
    "places": frozenset({"place"}),
    "courses": frozenset({"course"}),
}
STARTS_CHOICES = [
    ("", "Any time"),
    ("7", "In the next 7 days"),
    ("14", "In the next 14 days"),
    ("28", "In the next 28 days"),
]
COURSE_FIELDS = ("type", "skill", "level", "format", "starts")


class KnownSlugsField(forms.MultipleChoiceField):
    """Several choices from a coordinator-managed list. Slugs that are not
    (or no longer) on the list are dropped quietly: an old bookmarked link
    still works, with the filters that still exist."""

    def to_python(self, value):
        known = {choice for choice, _label in self.choices}
        return [slug for slug in super().to_python(value) if slug in known]


class Cached:
    """A crispy-forms field whose HTML is cached for its value and errors
    (search_cache.cached_field_html): drawing the filters' sixty-odd
    checkboxes and radios through the template pack took longer than the
    search itself."""

    def __init__(self, field):
        self.field = field
        self.fields = field.fields

    def render(self, form, context, **kwargs):
        return search_cache.cached_field_html(
            form[self.fields[0]], lambda: self.field.render(form, context, **kwargs)
        )


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
    type = forms.ChoiceField(
        label="Show",
        choices=TYPE_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose places, courses or both."},
    )
    service = KnownSlugsField(
        label="Help with",
        help_text="Places only",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    when = forms.ChoiceField(
        label="When",
        choices=WHEN_CHOICES,
        help_text="A day finds places open that day and courses with a session that day",
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose a day from the list."},
    )
    access = KnownSlugsField(
        label="Accessibility", required=False, widget=forms.CheckboxSelectMultiple
    )
    free = forms.BooleanField(label="Free only", required=False)
    skill = KnownSlugsField(
        label="Skills to learn",
        help_text="Courses only",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    level = KnownSlugsField(
        label="Course level", required=False, widget=forms.CheckboxSelectMultiple
    )
    format = KnownSlugsField(
        label="How the course is run", required=False, widget=forms.CheckboxSelectMultiple
    )
    starts = forms.ChoiceField(
        label="Next session",
        choices=STARTS_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose when the course starts from the list."},
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not (data.get("radius") and data.get("type")):
            data = data.copy()
            data["radius"] = data.get("radius") or DEFAULT_RADIUS
            data["type"] = data.get("type") or DEFAULT_TYPE
        super().__init__(data, *args, **kwargs)
        self.fields["service"].choices = list(ServiceType.objects.values_list("slug", "name"))
        self.fields["access"].choices = list(
            AccessibilityFeature.objects.values_list("slug", "name")
        )
        courses = source_named("course")
        if courses:
            for name, choices in courses.filter_choices().items():
                self.fields[name].choices = choices
        else:
            for name in COURSE_FIELDS:
                del self.fields[name]
        self.helper = FormHelper()
        self.helper.form_method = "get"
        # The results come back scrolled to: on a phone they are otherwise
        # under the open filters (the page drops the target when the form
        # has errors, so the error summary is seen first).
        self.helper.form_action = "#results"
        self.helper.attrs = {"novalidate": "", "id": "directory-search"}
        self.helper.layout = Layout(*self.layout_fields())

    def layout_fields(self):
        """The words, postcode and listing type first; the rest folded away
        under "Filter results". Fields the form does not have are left out."""

        def radios(name):
            return Cached(Field.radios(name, small=True, legend_size=Size.SMALL))

        def checkboxes(name):
            return Cached(Field.checkboxes(name, small=True, legend_size=Size.SMALL))

        layout = [
            Field.text("q", label_size=Size.SMALL),
            Field.text("postcode", label_size=Size.SMALL, field_width=10),
            Cached(Field.select("radius")),
            radios("type"),
            HTML('<button class="govuk-button" data-module="govuk-button">Search</button>'),
            HTML(
                '<details class="govuk-details app-filters"{% if filters_open %} open{% endif %}>'
                '<summary class="govuk-details__summary"><span class="govuk-details__summary-text">'
                'Filter results</span></summary><div class="govuk-details__text">'
            ),
            checkboxes("service"),
            radios("when"),
            checkboxes("access"),
            Cached(Field.checkbox("free", small=True)),
            checkboxes("skill"),
            checkboxes("level"),
            checkboxes("format"),
            radios("starts"),
            HTML(
                '<button class="govuk-button govuk-button--secondary" '
                'data-module="govuk-button">Apply filters</button></div></details>'
            ),
        ]
        return [item for item in layout if isinstance(item, HTML) or item.fields[0] in self.fields]

    def clean_q(self):
        return search_words(self.cleaned_data["q"])

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
        starts = data.get("starts") or ""
        return DirectoryQuery(
            text=data.get("q", ""),
            location=location,
            radius_miles=float(radius) if location else None,
            kinds=KINDS_BY_TYPE[data.get("type") or DEFAULT_TYPE],
            services=tuple(data.get("service") or ()),
            accessibility=tuple(data.get("access") or ()),
            weekday=int(when) if when.isdigit() else None,
            open_now=when == "now",
            free_only=bool(data.get("free")),
            skill_areas=tuple(data.get("skill") or ()),
            levels=tuple(data.get("level") or ()),
            formats=tuple(data.get("format") or ()),
            starts_within_days=int(starts) if starts else None,
        )

    @property
    def has_filters(self):
        """Whether any filter inside "Filter results" is chosen."""
        data = getattr(self, "cleaned_data", {})
        names = ("service", "when", "access", "free", "skill", "level", "format", "starts")
        return any(data.get(name) for name in names)


class ProblemReportForm(ErrorLinksMixin, HoneypotFormMixin, forms.ModelForm):
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
        widget=email_widget(),
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
