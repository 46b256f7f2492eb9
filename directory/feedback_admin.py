"""The admin for problem reports and internal notes (wagtail-modeladmin).
Every queryset and every object is scoped to who is asking: coordinators see
all; an organisation's editors see only reports on their own listings and
never the internal notes."""

from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup
from wagtail_modeladmin.views import CreateView

from directory.models import ListingNote, ProblemReport
from directory.permissions import sees_everything, within_organisations_of


def listings_of(user):
    """A filter for the listings in the organisations the user edits."""
    return within_organisations_of(user, "listing__path")


class ScopedPermissionHelper(PermissionHelper):
    """Django model permissions, plus: the object must be one the user may
    see (so a guessed URL for another organisation's report is refused)."""

    def _in_scope(self, user, obj):
        if sees_everything(user):
            return True
        return self.model.objects.filter(listings_of(user), pk=obj.pk).exists()

    def user_can_edit_obj(self, user, obj):
        return super().user_can_edit_obj(user, obj) and self._in_scope(user, obj)

    def user_can_inspect_obj(self, user, obj):
        return super().user_can_inspect_obj(user, obj) and self._in_scope(user, obj)

    def user_can_delete_obj(self, user, obj):
        return super().user_can_delete_obj(user, obj) and self._in_scope(user, obj)


class ProblemReportAdmin(ModelAdmin):
    model = ProblemReport
    menu_label = "Problem reports"
    menu_icon = "warning"
    list_display = ("listing", "kind", "created_at", "status")
    list_filter = ("status", "kind")
    search_fields = ("details", "listing__title")
    permission_helper_class = ScopedPermissionHelper
    inspect_view_enabled = True
    # modeladmin's history page checks no scope.
    history_view_enabled = False
    panels = [
        FieldPanel("listing", read_only=True),
        FieldPanel("kind", read_only=True),
        FieldPanel("details", read_only=True),
        FieldPanel("reply_email", read_only=True),
        FieldPanel("status"),
    ]

    def get_queryset(self, request):
        reports = super().get_queryset(request).select_related("listing")
        if sees_everything(request.user):
            return reports
        return reports.filter(listings_of(request.user))


class NoteCreateView(CreateView):
    def form_valid(self, form):
        form.instance.author = self.request.user
        return super().form_valid(form)


class ListingNoteAdmin(ModelAdmin):
    model = ListingNote
    menu_label = "Internal notes"
    menu_icon = "doc-full"
    list_display = ("listing", "author", "created_at")
    search_fields = ("text", "listing__title")
    create_view_class = NoteCreateView
    history_view_enabled = False
    panels = [
        PageChooserPanel("listing", ["directory.AccessPointPage", "directory.OrganisationPage"]),
        FieldPanel("text"),
    ]

    def get_queryset(self, request):
        notes = super().get_queryset(request).select_related("listing", "author")
        return notes if sees_everything(request.user) else notes.none()


class ListingFeedbackGroup(ModelAdminGroup):
    menu_label = "Listing feedback"
    menu_icon = "warning"
    menu_order = 250
    items = (ProblemReportAdmin, ListingNoteAdmin)
