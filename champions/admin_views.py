"""The champion register's admin views, on top of wagtail-modeladmin's.
Each one works on `ChampionAdmin.get_queryset(request)`, which holds only
the champions the user may see, so another organisation's champion is a
404 however its address was found."""

import json

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Sum
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.views import EditView, IndexView, InspectView

from website.spreadsheets import SafeCsvExportMixin, csv_response

from . import notifications
from .access import in_scope, is_coordinator, may_use_register, statuses_for
from .admin_forms import edit_handler_for
from .data_protection import anonymise, records
from .forms import ActivityForm, BulkStatusForm
from .models import Activity, StatusChange
from .models.records import hours_text
from .pipeline import change_status

CSV_COLUMNS = [
    ("Name", lambda c: c.name),
    ("Email", lambda c: c.email),
    ("Phone", lambda c: c.phone),
    ("Postcode", lambda c: c.postcode),
    ("Area", lambda c: c.area or ""),
    ("Status", lambda c: c.get_status_display()),
    ("Host", lambda c: c.host.title if c.host else ""),
    ("Preferred host", lambda c: c.preferred_host.title if c.preferred_host else ""),
    ("Can help with", lambda c: ", ".join(skill.name for skill in c.skills.all())),
    ("Languages", lambda c: ", ".join(language.name for language in c.languages.all())),
    ("Availability", lambda c: c.availability_text),
    ("Trained on", lambda c: c.trained_on or ""),
    ("Signed up", lambda c: timezone.localdate(c.created_at)),
    ("Hours helping", lambda c: hours_text(c.total_hours)),
    ("People helped", lambda c: c.total_people or 0),
]


class ChampionPermissionHelper(PermissionHelper):
    """Rights come from the user's role (coordinator, or staff of the host
    organisation), not from model permissions. Nobody adds champions here
    (they sign up, which records their consent) and nobody deletes them
    (erasing keeps what the partnership counts)."""

    def user_can_list(self, user):
        return may_use_register(user)

    def user_can_create(self, user):
        return False

    def user_can_inspect_obj(self, user, obj):
        return in_scope(user, obj)

    def user_can_edit_obj(self, user, obj):
        return obj.erased_at is None and in_scope(user, obj)

    def user_can_delete_obj(self, user, obj):
        return False

    def user_can_manage_personal_data(self, user, obj):
        return is_coordinator(user)


class ChampionIndexView(SafeCsvExportMixin, IndexView):
    # Its own CSV (csv_response, formula-safe); the mixin guards any other path.
    FORMATS = ("csv",)
    export_buttons_template_name = "champions/admin/export_button.html"

    def as_spreadsheet(self, queryset, spreadsheet_format):
        champions = list(
            queryset.select_related("area", "host", "preferred_host").prefetch_related(
                "skills", "languages"
            )
        )
        # Totals in a query of their own: the list's filters may join skills
        # or languages, which would multiply the sums.
        totals = {
            row["champion"]: row
            for row in Activity.objects.filter(champion__in=[c.pk for c in champions])
            .values("champion")
            .annotate(hours=Sum("hours"), people=Sum("people_helped"))
        }
        rows = []
        for champion in champions:
            total = totals.get(champion.pk, {})
            champion.total_hours = total.get("hours")
            champion.total_people = total.get("people")
            rows.append([value(champion) for _heading, value in CSV_COLUMNS])
        filename = f"digital-champions-{timezone.localdate():%Y-%m-%d}"
        return csv_response(filename, [heading for heading, _ in CSV_COLUMNS], rows)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            bulk_url=self.model_admin.action_url("bulk_status"), **kwargs
        )


class ChampionEditView(EditView):
    """Status changes made here are recorded; assigning a host tells the
    host's staff."""

    def setup(self, request, *args, **kwargs):
        self.original_status = self.instance.status
        self.original_host_id = self.instance.host_id
        super().setup(request, *args, **kwargs)

    def get_edit_handler(self):
        return edit_handler_for(self.request.user)

    def get_success_url(self):
        return self.url_helper.get_action_url("inspect", self.instance.pk)

    def form_valid(self, form):
        new_status = form.cleaned_data["status"]
        form.instance.status = self.original_status
        champion = form.save()
        change_status(champion, new_status, by=self.request.user)
        if champion.host_id and champion.host_id != self.original_host_id:
            notifications.host_assigned(champion)
        messages.success(self.request, f"{champion} updated.")
        return redirect(self.get_success_url())


class ChampionInspectView(InspectView):
    def get_fields_dict(self):
        champion = self.instance
        pairs = [
            ("Status", champion.get_status_display()),
            ("Host organisation", champion.host or "Not yet assigned"),
            ("Trained on", champion.trained_on and format_date(champion.trained_on, "j F Y")),
            ("Email", champion.email),
            ("Phone", champion.phone),
            ("Postcode", champion.postcode),
            ("Area", champion.area or ""),
            ("When they can help", champion.availability_text),
            ("Notes on availability", champion.availability_notes),
            ("Can help with", ", ".join(str(skill) for skill in champion.skills.all())),
            ("Languages", ", ".join(str(language) for language in champion.languages.all())),
            ("Preferred host", champion.preferred_host or "No preference"),
            ("Relevant experience", champion.experience),
            ("How they heard about us", champion.get_heard_about_display()),
            ("Signed up", format_date(champion.created_at, "j F Y")),
            ("Agreed to", champion.consent_text),
        ]
        return [{"label": label, "value": value or "–"} for label, value in pairs]

    def get_context_data(self, **kwargs):
        champion = self.instance
        user = self.request.user
        activities = list(champion.activities.select_related("logged_by"))
        helper = self.permission_helper
        url = self.model_admin.action_url
        may_manage_data = helper.user_can_manage_personal_data(user, champion)
        return super().get_context_data(
            status_changes=champion.status_changes.select_related("changed_by"),
            activities=activities,
            total_hours=hours_text(sum(activity.hours for activity in activities)),
            total_people=sum(activity.people_helped for activity in activities),
            activity_url=url("log_activity", champion.pk)
            if helper.user_can_edit_obj(user, champion)
            else "",
            export_url=url("export_person", champion.pk) if may_manage_data else "",
            erase_url=url("erase_person", champion.pk)
            if may_manage_data and not champion.erased_at
            else "",
            **kwargs,
        )


# Views of our own, called by ChampionAdmin with a champion it has already
# found in the user's scope.


def admin_page(request, model_admin, template, title, **context):
    return TemplateResponse(
        request,
        f"champions/admin/{template}",
        {"title": title, "index_url": model_admin.url_helper.index_url, **context},
    )


def log_activity(request, model_admin, champion):
    if champion.erased_at:
        raise Http404
    form = ActivityForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        activity = form.save(commit=False)
        activity.champion = champion
        activity.logged_by = request.user
        activity.save()
        messages.success(request, f"Activity logged for {champion}.")
        return redirect(model_admin.action_url("inspect", champion.pk))
    return admin_page(
        request, model_admin, "log_activity.html", "Log activity", champion=champion, form=form
    )


def bulk_status(request, model_admin):
    ids = set(request.GET.getlist("id"))
    if not ids:
        messages.warning(request, "Select the champions whose status you want to change.")
        return redirect(model_admin.url_helper.index_url)
    if not all(value.isdigit() for value in ids):
        raise Http404
    champions = list(model_admin.get_queryset(request).filter(pk__in=ids).order_by("name"))
    if len(champions) != len(ids):
        # One of them is not the user's to change: change none of them.
        raise Http404
    form = BulkStatusForm(request.POST or None, choices=statuses_for(request.user))
    if request.method == "POST" and form.is_valid():
        moved = 0
        for champion in champions:
            if champion.erased_at:
                continue  # an erased record stays as it is
            moved += bool(
                change_status(
                    champion,
                    form.cleaned_data["status"],
                    by=request.user,
                    source=StatusChange.Source.BULK,
                )
            )
        messages.success(request, f"Status changed for {moved} of {len(champions)} champions.")
        return redirect(model_admin.url_helper.index_url)
    return admin_page(
        request,
        model_admin,
        "bulk_status.html",
        "Change status",
        champions=champions,
        form=form,
    )


def export_person(request, model_admin, champion):
    data = {"Digital champions": records(champion)}
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="champion-{champion.pk}.json"'
    return response


def erase_person(request, model_admin, champion):
    if champion.erased_at:
        raise Http404
    if request.method == "POST":
        anonymise(champion)
        messages.success(request, "Their personal details have been erased.")
        return redirect(model_admin.action_url("inspect", champion.pk))
    return admin_page(
        request,
        model_admin,
        "erase_person.html",
        "Erase this person's data",
        champion=champion,
        cancel_url=model_admin.action_url("inspect", champion.pk),
    )
