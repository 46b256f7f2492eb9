from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Layout, Size
from django import forms


def search_words(text):
    """The words to look for, one space apart. Double quotes are dropped:
    SQLite's full-text search reads them as its own syntax and fails on a
    stray one (the only character found to; tests/security)."""
    return " ".join(text.replace('"', " ").split())


class SearchForm(forms.Form):
    """Site search: one field, rendered in the GOV.UK pattern by
    crispy-forms-gds."""

    q = forms.CharField(
        label="Search this site",
        max_length=200,
        strip=True,
        error_messages={
            "required": "Enter what you are looking for.",
            "max_length": "Search for 200 characters or fewer.",
        },
    )

    def clean_q(self):
        words = search_words(self.cleaned_data["q"])
        if not words:
            raise forms.ValidationError(self.fields["q"].error_messages["required"])
        return words

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field.text("q", label_size=Size.MEDIUM),
            # A nameless button keeps the address clean (?q=… only).
            HTML('<button class="govuk-button" data-module="govuk-button">Search</button>'),
        )
