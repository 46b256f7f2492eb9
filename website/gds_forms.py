"""What every public form in the GOV.UK pattern shares: the error summary's
links, and the UK phone number check."""

from django import forms

from website.form_protection import HONEYPOT_FIELD

PHONE_INVALID = "Enter a phone number, like 01632 960 001 or 07700 900 982."


def clean_uk_phone(text):
    """A UK phone number as typed (spaces, +44 and brackets allowed), or ''.
    Raises ValidationError for anything that cannot be one."""
    phone = (text or "").strip()
    if not phone:
        return ""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    if set(phone) - set("0123456789 +-()") or not 10 <= len(digits) <= 11:
        raise forms.ValidationError(PHONE_INVALID)
    return phone


def email_widget():
    """An email box that crispy-forms-gds gives the red border when it is
    in error: it does so for text inputs only, so this is a text input
    that it draws as type="email" (its `input_type` attribute)."""
    return forms.TextInput(attrs={"input_type": "email"})


class ErrorLinksMixin:
    """(anchor, message) pairs for templates/components/error_summary.html,
    in the order the fields appear. A group of checkboxes or radios is
    linked to its first option, the id crispy-forms-gds gives it (its own
    error summary links to the group's id, which no element has)."""

    @property
    def error_links(self):
        first_name = next(name for name in self.fields if name != HONEYPOT_FIELD)
        first = f"#{self[first_name].auto_id}"
        links = [(first, error) for error in self.non_field_errors()]
        for name, field in self.fields.items():
            anchor = f"#{self[name].auto_id}"
            if name == HONEYPOT_FIELD:
                anchor = first
            elif isinstance(field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                anchor = f"#id_{name}_1"
            links.extend((anchor, error) for error in self.errors.get(name, []))
        return links
