"""The coordinators' upload forms: a boundaries file or an indicator file
with what the command line asks for, and the confirmation that carries the
stored upload's key and the same details to the import."""

from django import forms

from neighbourhoods.models import AreaSet

DIRECTIONS = [
    ("worse", "A higher figure means more need (a risk score, % never online)"),
    ("better", "A higher figure means less need (% with decent broadband)"),
]


class AreasUploadForm(forms.Form):
    file = forms.FileField(
        label="Boundaries file (GeoJSON)",
        help_text="As the ONS Open Geography Portal gives it, in WGS84 or British National Grid.",
        error_messages={"required": "Choose a GeoJSON file of boundaries."},
    )
    set_name = forms.CharField(
        label="Name of the set of areas",
        max_length=100,
        initial="LSOA 2021",
        error_messages={"required": "Enter a name for the set of areas, e.g. LSOA 2021."},
    )
    source = forms.CharField(max_length=300, required=False)
    licence = forms.CharField(max_length=300, required=False)
    attribution = forms.CharField(max_length=500, required=False)

    def details(self):
        data = self.cleaned_data
        return {key: data[key] for key in ("set_name", "source", "licence", "attribution")}


class IndicatorUploadForm(forms.Form):
    file = forms.FileField(
        label="Indicator file (CSV)",
        help_text="One row an area: its code and the figure.",
        error_messages={"required": "Choose a CSV file of figures."},
    )
    area_set = forms.ModelChoiceField(
        queryset=AreaSet.objects.all(),
        empty_label=None,
        error_messages={
            "required": "Load the areas' boundaries first.",
            "invalid_choice": "Choose one of the sets of areas.",
        },
    )
    name = forms.CharField(
        max_length=200, error_messages={"required": "Enter the indicator's name."}
    )
    source = forms.CharField(
        max_length=300,
        error_messages={"required": "Enter who publishes the figures, and where."},
    )
    licence = forms.CharField(
        max_length=300,
        error_messages={"required": "Enter the licence, e.g. Open Government Licence v3.0."},
    )
    year = forms.CharField(
        max_length=20, error_messages={"required": "Enter the year the figures are for."}
    )
    direction = forms.ChoiceField(
        choices=DIRECTIONS,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether a higher figure means more need or less."},
    )
    value_column = forms.CharField(
        label="Column of figures",
        max_length=100,
        required=False,
        help_text='Leave empty when it is called "value" or is the only other column.',
    )

    def details(self):
        data = self.cleaned_data
        return {
            "area_set": data["area_set"].pk,
            **{key: data[key] for key in ("name", "source", "licence", "year", "value_column")},
            "direction": data["direction"],
        }
