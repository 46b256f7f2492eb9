"""The choice of text messages on a public form: a box to tick under the
phone number, the number then checked as a UK mobile, and the wording the
person agreed to kept with what they sent (docs/text-messages.md).

A form that offers texts adds `texts_field(wording)` as "wants_texts" and
calls `clean_texts(self, cleaned)` from its `clean()`; the cleaned data then
holds "texts_to" (E.164, or "" without texts) and "texts_consent_text"."""

from django import forms

from website.mobile_numbers import clean_uk_mobile

STOP_HELP = (
    "To the phone number above, which must be a mobile. Reply STOP to any text to stop them."
)


def texts_field(wording):
    return forms.BooleanField(label=wording, required=False, help_text=STOP_HELP)


def clean_texts(form, cleaned, phone_field="phone"):
    """Check the phone number as a mobile when texts were chosen; the error
    is the phone box's, so the error summary links to it."""
    wording = form.fields["wants_texts"].label
    cleaned["texts_to"] = ""
    cleaned["texts_consent_text"] = wording
    if not cleaned.get("wants_texts") or phone_field in form.errors:
        return cleaned
    if not cleaned.get(phone_field):
        form.add_error(phone_field, f"Enter a mobile number for texts, or untick ‘{wording}’.")
        return cleaned
    try:
        cleaned["texts_to"] = clean_uk_mobile(cleaned[phone_field])
    except forms.ValidationError as error:
        form.add_error(phone_field, error)
    return cleaned
