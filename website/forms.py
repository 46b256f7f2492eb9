from django import forms


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search this site",
        max_length=200,
        strip=True,
        error_messages={"required": "Enter what you are looking for."},
    )
