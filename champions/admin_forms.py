"""The champion's edit form in the admin, in two shapes: coordinators change
everything; a host's staff change only the status (within the stages the
host runs) and the training date. Two classes, not one with hidden fields,
so a host's form cannot even carry a host or contact details."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList

from directory.models import OrganisationPage

from .access import is_coordinator, statuses_for
from .models import AVAILABLE_DAYS, AVAILABLE_TIMES, Champion


class ChampionStatusForm(WagtailAdminModelForm):
    """The status field offers only what this user may move a champion to,
    plus where the champion is now, so saving without a change is valid."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = statuses_for(self.for_user)
        current = self.instance.status
        if current not in {value for value, _label in allowed}:
            allowed = [(current, self.instance.get_status_display()), *allowed]
        self.fields["status"].choices = allowed


class CoordinatorChampionForm(ChampionStatusForm):
    host = forms.ModelChoiceField(
        queryset=OrganisationPage.objects.order_by("title"),
        required=False,
        empty_label="Not yet assigned",
        help_text="The organisation that screens, trains and supervises them.",
    )
    preferred_host = forms.ModelChoiceField(
        queryset=OrganisationPage.objects.order_by("title"),
        required=False,
        empty_label="No preference",
    )
    available_days = forms.MultipleChoiceField(
        choices=AVAILABLE_DAYS, required=False, widget=forms.CheckboxSelectMultiple
    )
    available_times = forms.MultipleChoiceField(
        choices=AVAILABLE_TIMES, required=False, widget=forms.CheckboxSelectMultiple
    )

    def clean_email(self):
        # Stored lower-case, so compare lower-case: one record per address.
        email = self.cleaned_data["email"].strip().lower()
        others = Champion.objects.exclude(pk=self.instance.pk)
        if email and others.filter(email=email).exists():
            raise forms.ValidationError("Another champion already has this email address.")
        return email


class HostChampionForm(ChampionStatusForm):
    pass


PROGRESS = [FieldPanel("status"), FieldPanel("trained_on")]

COORDINATOR_PANELS = ObjectList(
    [
        MultiFieldPanel([*PROGRESS, FieldPanel("host")], heading="Progress"),
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("area")]),
            ],
            heading="Contact details",
        ),
        MultiFieldPanel(
            [
                FieldPanel("available_days"),
                FieldPanel("available_times"),
                FieldPanel("availability_notes"),
            ],
            heading="When they can help",
        ),
        FieldPanel("skills", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("preferred_host"),
        FieldPanel("experience"),
        FieldPanel("heard_about"),
    ],
    base_form_class=CoordinatorChampionForm,
)
HOST_PANELS = ObjectList(
    [MultiFieldPanel(PROGRESS, heading="Progress")], base_form_class=HostChampionForm
)


def edit_handler_for(user):
    panels = COORDINATOR_PANELS if is_coordinator(user) else HOST_PANELS
    return panels.bind_to_model(Champion)
