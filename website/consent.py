"""Consent on public forms, recorded with the words the person agreed to.

A form that collects personal data mixes in `ConsentFormMixin`, sets
`consent_wording`, and stores `form.consent_text` with the record, so the
register shows exactly what each person was told, even after the wording
changes."""

from django import forms
from django.utils.html import format_html

from website.models import DataProtectionSettings

CONSENT_REQUIRED = "Tick the box to agree to how we use your details."


def privacy_notice_url(request=None):
    notice = DataProtectionSettings.load(request_or_site=request).privacy_notice
    return notice.url if notice and notice.live else ""


class ConsentFormMixin(forms.Form):
    """A required 'I agree' checkbox whose label is the form's
    `consent_wording`, with a link to the privacy notice as its hint."""

    consent_wording = "I agree that the partnership can keep these details for this purpose."
    consent = forms.BooleanField(required=True, error_messages={"required": CONSENT_REQUIRED})

    def __init__(self, *args, privacy_url="", consent_wording=None, **kwargs):
        if consent_wording:
            self.consent_wording = consent_wording
        super().__init__(*args, **kwargs)
        # Last, as on the page: a mixin's fields would otherwise come first,
        # and so would its error in the error summary.
        field = self.fields["consent"] = self.fields.pop("consent")
        field.label = self.consent_wording
        if privacy_url:
            field.help_text = format_html(
                'Read our <a class="govuk-link" href="{}">privacy notice</a> to see how we '
                "use and protect your details and how long we keep them.",
                privacy_url,
            )

    @property
    def consent_text(self):
        return self.consent_wording
