"""The referral inbox in the admin (wagtail-modeladmin). Partner staff see
the referrals sent to their organisation, coordinators see all; the scope is
checked on every list, search, export and record, so a guessed URL for
another organisation's referral is refused. Nobody edits a referral as a
form: the inspect view offers the moves inbox.py allows, and every view,
move, note and export is recorded as a ReferralEvent."""

from django.contrib import messages
from django.contrib.admin import SimpleListFilter
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import IndexView, InspectView

from directory.coordinator_admin import CoordinatorsOnlyHelper
from directory.models import OrganisationPage
from directory.permissions import sees_everything
from referrals.models import Referral, ReferralEvent, RoutingRule
from website.spreadsheets import SafeCsvExportMixin

from . import inbox, notifications


class ReferralPermissionHelper(PermissionHelper):
    """Read and act on what is in scope; never create, edit or delete."""

    def user_can_list(self, user):
        return inbox.may_use_inbox(user)

    def user_can_inspect_obj(self, user, obj):
        return inbox.referrals_for(user).filter(pk=obj.pk).exists()

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class OverdueFilter(SimpleListFilter):
    title = "contact"
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", "Not contacted within 5 working days")]

    def queryset(self, request, queryset):
        return inbox.overdue(queryset) if self.value() == "yes" else queryset


class ReferralIndexView(SafeCsvExportMixin, IndexView):
    def as_spreadsheet(self, queryset, spreadsheet_format):
        """Record the export against every referral in it."""
        ReferralEvent.objects.bulk_create(
            ReferralEvent(referral_id=pk, user=self.request.user, kind=ReferralEvent.Kind.EXPORTED)
            for pk in queryset.values_list("pk", flat=True)
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)


class ReferralInspectView(InspectView):
    def get(self, request, *args, **kwargs):
        inbox.record_view(self.instance, request.user)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        referral, user, data = self.instance, request.user, request.POST
        action = data.get("action")
        try:
            if action == "status":
                inbox.change_status(
                    referral,
                    user,
                    data.get("to_status", ""),
                    reason=data.get("reason", ""),
                    outcome=data.get("outcome", ""),
                )
                status = referral.get_status_display().lower()
                messages.success(request, f"{referral.reference} is now {status}.")
                if referral.status == Referral.Status.DECLINED:
                    notifications.tell_receiver(referral)  # back to the coordinators
            elif action == "note":
                inbox.add_note(referral, user, data.get("text", ""))
                messages.success(request, "Note added.")
            elif action == "reroute":
                inbox.reroute(
                    referral, user, self.chosen_organisation(data), data.get("reason", "")
                )
                notifications.tell_receiver(referral)
                messages.success(request, f"{referral.reference} sent to {referral.receiver_name}.")
        except (inbox.NotAllowed, ValueError) as error:
            messages.error(request, str(error))
        if inbox.referrals_for(user).filter(pk=referral.pk).exists():
            return redirect(self.url_helper.get_action_url("inspect", referral.pk))
        return redirect(self.url_helper.index_url)

    @staticmethod
    def chosen_organisation(data):
        pk = data.get("organisation", "")
        if not pk:
            return None
        return OrganisationPage.objects.live().filter(pk=pk).first() if pk.isdigit() else None

    def get_context_data(self, **kwargs):
        referral = self.instance
        return super().get_context_data(
            events=referral.events.select_related("user", "organisation"),
            next_statuses=[Referral.Status(s) for s in inbox.NEXT[referral.status]],
            outcomes=[c for c in Referral.Outcome.choices if c[0]],
            organisations=OrganisationPage.objects.live()
            .filter(accepts_referrals=True)
            .order_by("title"),
            overdue=inbox.is_overdue(referral),
            **kwargs,
        )


class ReferralAdmin(ModelAdmin):
    model = Referral
    # The admin addresses referrals had in the directory app, kept.
    base_url_path = "directory/referral"
    menu_label = "Referral inbox"
    menu_icon = "mail"
    permission_helper_class = ReferralPermissionHelper
    index_view_class = ReferralIndexView
    inspect_view_class = ReferralInspectView
    inspect_view_enabled = True
    # The audit trail is the referral's own events; modeladmin's history
    # page would check no scope.
    history_view_enabled = False
    inspect_template_name = "referrals/admin/inspect.html"
    list_display = ("reference", "created_at", "status", "receiver", "contact_flag")
    list_filter = ("status", "outcome", OverdueFilter)
    search_fields = ("reference", "resident_name", "postcode")
    list_export = (
        "reference",
        "created_at",
        "status",
        "outcome",
        "receiver",
        "mode",
        "referrer_name",
        "referrer_organisation",
        "referrer_email",
        "referrer_phone",
        "resident_name",
        "contact_method",
        "resident_phone",
        "resident_email",
        "resident_address",
        "postcode",
        "age_band",
        "barrier_list",
        "skills_check_list",
        "goal_list",
        "other_needs",
    )
    export_filename = "referrals"
    inspect_view_fields = (
        "reference",
        "created_at",
        "status",
        "outcome",
        "mode",
        "referrer_name",
        "referrer_organisation",
        "referrer_kind",
        "referrer_role",
        "referrer_email",
        "referrer_phone",
        "resident_name",
        "contact_method",
        "resident_phone",
        "resident_email",
        "resident_address",
        "postcode",
        "age_band",
        "barrier_list",
        "skills_check_list",
        "goal_list",
        "support_list",
        "availability",
        "accessibility_needs",
        "language",
        "other_needs",
        "consent_text",
        "consented_at",
    )

    def get_queryset(self, request):
        return inbox.referrals_for(request.user).select_related("organisation")

    @staticmethod
    def receiver(referral):
        return referral.receiver_name

    @staticmethod
    def contact_flag(referral):
        return "Not contacted within 5 working days" if inbox.is_overdue(referral) else ""

    contact_flag.short_description = "Contact"


class RoutingRuleAdmin(ModelAdmin):
    model = RoutingRule
    base_url_path = "directory/routingrule"
    menu_label = "Routing rules"
    menu_icon = "resubmit"
    permission_helper_class = CoordinatorsOnlyHelper
    list_display = ("trigger", "service_list", "course_level")
    list_filter = ("course_level",)

    def history_view(self, request, instance_pk):
        if not sees_everything(request.user):
            raise PermissionDenied
        return super().history_view(request, instance_pk)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("services")

    @staticmethod
    def service_list(rule):
        return ", ".join(service.name for service in rule.services.all())

    service_list.short_description = "Services"


class ReferralGroup(ModelAdminGroup):
    menu_label = "Referrals"
    menu_icon = "mail"
    menu_order = 240
    items = (ReferralAdmin, RoutingRuleAdmin)


modeladmin_register(ReferralGroup)


class ReferralsWaitingPanel(Component):
    """The dashboard's reminder of referrals nobody has contacted within 5
    working days: the coordinators see all of them, a partner its own."""

    name = "referrals_waiting"
    order = 220
    template_name = "wagtailadmin/shared/panel.html"

    def __init__(self, count, url):
        self.count, self.url = count, url

    def get_context_data(self, parent_context=None):
        referrals = "referral has" if self.count == 1 else "referrals have"
        return {
            "id": "referrals-waiting",
            "heading": "Referrals waiting",
            "icon": "mail",
            "classname": "w-panel--dashboard",
            "children": format_html(
                '<p class="help-block help-warning">{} {} not been contacted within 5 working '
                'days. <a href="{}">See which</a>.</p>',
                self.count,
                referrals,
                self.url,
            ),
        }


@hooks.register("construct_homepage_panels")
def add_referrals_waiting_panel(request, panels):
    if not inbox.may_use_inbox(request.user):
        return
    count = inbox.overdue(inbox.referrals_for(request.user)).count()
    if count:
        url = reverse("directory_referral_modeladmin_index") + "?overdue=yes"
        panels.append(ReferralsWaitingPanel(count, url))
