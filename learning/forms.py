"""The public forms of the skills check and learning at home, in the GOV.UK
pattern (crispy-forms-gds). Every error says what to do, and a form with
an error is shown again with everything chosen or typed."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Layout, Size
from django import forms

from directory import geo
from learning.choices import ANSWERS, LEVELS
from website.field_cache import blank_cached
from website.form_protection import HONEYPOT_HTML, HoneypotFormMixin
from website.gds_forms import ErrorLinksMixin, email_widget

BUTTON = '<button class="govuk-button" data-module="govuk-button">{}</button>'
SECONDARY = (
    '<button class="govuk-button govuk-button--secondary" name="action" value="{}" '
    'data-module="govuk-button">{}</button>'
)


class KnownChoicesField(forms.MultipleChoiceField):
    """Several choices from a list; values not on it (an old or changed
    link) are dropped quietly, and the rest still filter."""

    def to_python(self, value):
        known = {choice for choice, _label in self.choices}
        return [slug for slug in super().to_python(value) if slug in known]


class AreaAnswersForm(ErrorLinksMixin, forms.Form):
    """One area's statements, each answered Yes, With help or Not yet.
    The fields are named by statement id, so answers to a statement stay
    with it when coordinators reorder them."""

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        for statement in area.statements:
            self.fields[statement.key] = forms.ChoiceField(
                label=statement.text,
                choices=ANSWERS,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Select Yes, With help or Not yet for “{statement.text}”",
                    "invalid_choice": f"Select Yes, With help or Not yet for “{statement.text}”",
                },
            )
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": "", "id": "skills-check-step"}
        self.helper.layout = Layout(
            *blank_cached(
                *(
                    Field.radios(statement.key, legend_size=Size.SMALL, inline=True)
                    for statement in area.statements
                )
            ),
            HTML(BUTTON.format("Continue")),
        )

    @property
    def error_links(self):
        # Each question's radios: linked to the first, "id_<statement>_1".
        return [
            (f"#id_{name}_1", error) for name in self.fields for error in self.errors.get(name, [])
        ]


class PostcodeForm(ErrorLinksMixin, forms.Form):
    """An optional postcode on the result page, to see courses nearest first."""

    postcode = forms.CharField(
        label="Your postcode (optional)",
        required=False,
        max_length=20,
        help_text="To see the nearest courses first. We do not keep it.",
        error_messages={"max_length": f"Enter a real postcode, like {geo.EXAMPLE_POSTCODE}."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.location = None
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_action = "#next-steps"
        self.helper.attrs = {"novalidate": "", "id": "skills-check-postcode"}
        self.helper.layout = Layout(
            *blank_cached(Field.text("postcode", label_size=Size.SMALL, field_width=10)),
            HTML(
                '<button class="govuk-button govuk-button--secondary" '
                'data-module="govuk-button">Show courses near me</button>'
            ),
        )

    def clean_postcode(self):
        text = self.cleaned_data["postcode"].strip()
        if not text:
            return ""
        try:
            self.location = geo.locate(text)
        except geo.PostcodeError as error:
            raise forms.ValidationError(str(error)) from error
        return self.location.postcode


class ResultEmailForm(ErrorLinksMixin, HoneypotFormMixin, forms.Form):
    email = forms.EmailField(
        widget=email_widget(),
        label="Email address",
        help_text="We send your result once and do not keep the address.",
        error_messages={
            "required": "Enter the email address to send your result to.",
            "invalid": "Enter an email address like name@example.org.",
        },
    )
    postcode = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": "", "id": "skills-check-email"}
        self.helper.layout = Layout(
            *blank_cached(Field.text("email", label_size=Size.SMALL, field_width=20)),
            "postcode",
            HTML(HONEYPOT_HTML),
            HTML(SECONDARY.format("email", "Email my result")),
        )


class ResourceFilterForm(forms.Form):
    """The filters of /learn-at-home/: a GET form, so a filtered list has
    an address and works without JavaScript."""

    area = KnownChoicesField(
        label="Skill area", required=False, widget=forms.CheckboxSelectMultiple
    )
    level = KnownChoicesField(
        label="Level", required=False, choices=LEVELS, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = list(areas)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.attrs = {"novalidate": "", "id": "learning-filters"}
        self.helper.layout = Layout(
            Field.checkboxes("area", small=True, legend_size=Size.SMALL),
            Field.checkboxes("level", small=True, legend_size=Size.SMALL),
            HTML(
                '<button class="govuk-button govuk-button--secondary" '
                'data-module="govuk-button">Apply filters</button>'
            ),
        )

    def chosen(self):
        self.is_valid()
        data = self.cleaned_data
        return list(data.get("area") or ()), list(data.get("level") or ())
