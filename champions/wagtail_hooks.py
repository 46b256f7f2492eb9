"""The champion register in the admin: the champions (wagtail-modeladmin)
and the coordinators' list of what champions help with (a snippet).

Instance views first look the champion up in the user's own scope, so a
guessed address for another organisation's champion is "not found"; the
permission helper then decides what the user may do with it."""

from django.contrib.admin import RelatedFieldListFilter
from django.http import Http404
from django.urls import re_path, reverse
from django.utils.html import format_html
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from . import admin_views
from .access import champions_for, is_coordinator
from .models import Champion, Skill


class InScopeFilter(RelatedFieldListFilter):
    """A filter on a related list (host, area, skills, languages) offering
    only the entries that the user's own champions have, so a host's staff
    are not shown other hosts' names. Orders by the related model's own
    ordering: there is no Django admin site to ask."""

    def field_admin_ordering(self, field, request, model_admin):
        return ()

    def field_choices(self, field, request, model_admin):
        in_use = model_admin.get_queryset(request).values_list(f"{self.field_path}__pk", flat=True)
        return field.get_choices(include_blank=False, limit_choices_to={"pk__in": in_use})


class ChampionAdmin(ModelAdmin):
    model = Champion
    menu_label = "Digital champions"
    menu_icon = "group"
    menu_order = 260
    list_display = ("selection", "name", "status", "host", "area", "created_at")
    list_display_add_buttons = "name"
    list_filter = (
        "status",
        ("area", InScopeFilter),
        ("host", InScopeFilter),
        ("skills", InScopeFilter),
        ("languages", InScopeFilter),
    )
    search_fields = ("name", "email", "postcode")
    list_export = ("name",)  # shows the CSV button; the columns are CSV_COLUMNS
    ordering = ("-created_at", "pk")
    inspect_view_enabled = True
    history_view_enabled = False
    permission_helper_class = admin_views.ChampionPermissionHelper
    index_view_class = admin_views.ChampionIndexView
    edit_view_class = admin_views.ChampionEditView
    inspect_view_class = admin_views.ChampionInspectView
    index_template_name = "champions/admin/index.html"
    inspect_template_name = "champions/admin/inspect.html"

    def get_queryset(self, request):
        return champions_for(request.user).select_related("host", "area").order_by(*self.ordering)

    def selection(self, champion):
        return format_html(
            '<input type="checkbox" name="id" value="{}" form="champion-bulk" '
            'aria-label="Select {}">',
            champion.pk,
            champion,
        )

    selection.short_description = "Select"

    def action_url(self, action, *args):
        return reverse(self.url_helper.get_action_url_name(action), args=args)

    def champion_in_scope(self, request, instance_pk):
        champion = None
        if str(instance_pk).isdigit():
            champion = self.get_queryset(request).filter(pk=instance_pk).first()
        if champion is None:
            raise Http404("No such champion.")
        return champion

    # modeladmin's own views, behind the scope check.

    def inspect_view(self, request, instance_pk):
        self.champion_in_scope(request, instance_pk)
        return super().inspect_view(request, instance_pk)

    def edit_view(self, request, instance_pk):
        self.champion_in_scope(request, instance_pk)
        return super().edit_view(request, instance_pk)

    def delete_view(self, request, instance_pk):
        self.champion_in_scope(request, instance_pk)
        return super().delete_view(request, instance_pk)

    # Views of our own.

    def log_activity_view(self, request, instance_pk):
        champion = self.champion_in_scope(request, instance_pk)
        return admin_views.log_activity(request, self, champion)

    def bulk_status_view(self, request):
        if not self.permission_helper.user_can_list(request.user):
            raise Http404
        return admin_views.bulk_status(request, self)

    def export_person_view(self, request, instance_pk):
        champion = self.champion_in_scope(request, instance_pk)
        if not is_coordinator(request.user):
            raise Http404
        return admin_views.export_person(request, self, champion)

    def erase_person_view(self, request, instance_pk):
        champion = self.champion_in_scope(request, instance_pk)
        if not is_coordinator(request.user):
            raise Http404
        return admin_views.erase_person(request, self, champion)

    def get_admin_urls_for_registration(self):
        helper = self.url_helper
        return (
            *super().get_admin_urls_for_registration(),
            re_path(
                rf"^{helper.base_url_path}/bulk-status/$",
                self.bulk_status_view,
                name=helper.get_action_url_name("bulk_status"),
            ),
            *(
                re_path(
                    helper.get_action_url_pattern(action.replace("_", "-")),
                    getattr(self, f"{action}_view"),
                    name=helper.get_action_url_name(action),
                )
                for action in ("log_activity", "export_person", "erase_person")
            ),
        )


modeladmin_register(ChampionAdmin)


class CoordinatorsKeepPolicy(ModelPermissionPolicy):
    """Coordinators keep the list, by their group rather than a model
    permission that setup_partnership would have to grant."""

    def user_has_permission(self, user, action):
        return is_coordinator(user) or super().user_has_permission(user, action)


class SkillViewSet(SnippetViewSet):
    model = Skill
    icon = "tick"
    menu_label = "Champion skills"
    menu_order = 261
    add_to_admin_menu = False
    list_display = ["name", "description", "sort_order"]
    search_fields = ["name", "description"]
    search_backend_name = None
    ordering = ["sort_order", "name"]
    copy_view_enabled = False


register_permission_policy(Skill, CoordinatorsKeepPolicy(Skill))
register_snippet(SkillViewSet)
