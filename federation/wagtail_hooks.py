"""Imported feeds in the admin, for coordinators only: the feeds, each
import's log, and the matches between imported places and partners'
listings (which coordinators may override). Imported listings are
read-only: they are edited at their source."""

from django.contrib import messages
from django.contrib.admin import RelatedFieldListFilter, SimpleListFilter
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import CreateView, EditView

from directory.coordinator_admin import CoordinatorsOnlyHelper
from directory.models import AccessPointPage, OrganisationPage
from directory.permissions import sees_everything, sees_everything_once
from federation import listing_pages
from federation.models import Feed, FeedImport, ImportedService
from training.models import CoursePage


class FeedFilter(RelatedFieldListFilter):
    """Filter by feed, in the feeds' own order: there is no Django admin
    site to ask for one."""

    def field_admin_ordering(self, field, request, model_admin):
        return ()


class ReadOnlyForCoordinators(CoordinatorsOnlyHelper):
    """The import log is written by the import alone."""

    def user_can_inspect_obj(self, user, obj):
        return sees_everything_once(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class MatchesHelper(ReadOnlyForCoordinators):
    """Matches are made by the import; coordinators may override them."""

    def user_can_inspect_obj(self, user, obj):
        return False

    def user_can_edit_obj(self, user, obj):
        return sees_everything_once(user)


class CoordinatorsHistory:
    """Who changed a feed, or overrode a match, is the coordinators' to see."""

    def history_view(self, request, instance_pk):
        if not sees_everything(request.user):
            raise PermissionDenied
        return super().history_view(request, instance_pk)


class FeedEditView(EditView):
    def form_valid(self, form):
        response = super().form_valid(form)
        listing_pages.recredit(self.instance)
        return response


class FeedAdmin(CoordinatorsHistory, ModelAdmin):
    model = Feed
    menu_label = "Feeds"
    menu_icon = "download"
    permission_helper_class = CoordinatorsOnlyHelper
    create_view_class = CreateView
    edit_view_class = FeedEditView
    list_display = ("name", "base_url", "licence", "schedule", "last_import")
    form_fields_exclude = ("organisation", "created_at")

    def get_queryset(self, request):
        latest = FeedImport.objects.filter(feed=OuterRef("pk")).order_by("-started_at", "-pk")
        return (
            super()
            .get_queryset(request)
            .annotate(
                last_outcome=Subquery(latest.values("outcome")[:1]),
                last_started=Subquery(latest.values("started_at")[:1]),
            )
        )

    @staticmethod
    def last_import(feed):
        if feed.last_outcome is None:
            return "Not imported yet"
        outcome = FeedImport.Outcome(feed.last_outcome).label
        return f"{outcome}, {timezone.localtime(feed.last_started):%d %b %Y %H:%M}"


class FeedImportAdmin(ModelAdmin):
    model = FeedImport
    history_view_enabled = False  # the log is its own history
    menu_label = "Import log"
    menu_icon = "list-ul"
    permission_helper_class = ReadOnlyForCoordinators
    inspect_view_enabled = True
    list_display = (
        "feed",
        "started_at",
        "outcome",
        "listed",
        "created",
        "updated",
        "linked",
        "withdrawn",
        "skipped",
    )
    list_filter = (("feed", FeedFilter), "outcome")
    inspect_view_fields = (
        "feed",
        "started_at",
        "finished_at",
        "outcome",
        "listed",
        "created",
        "updated",
        "unchanged",
        "linked",
        "withdrawn",
        "skipped",
        "log_text",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("feed")


class MatchEditView(EditView):
    """Saving a coordinator's decision shows the imported listing or hides
    it at once, from the service as last imported."""

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            listing_pages.apply_decision(self.instance)
        return response


class MatchedFilter(SimpleListFilter):
    title = "match"
    parameter_name = "matched"

    def lookups(self, request, model_admin):
        return [("yes", "Matched with a partner's listing"), ("no", "Not matched")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(duplicate_of__isnull=self.value() == "no")
        return queryset


class ImportedServiceAdmin(CoordinatorsHistory, ModelAdmin):
    """Every imported service, and what it became; coordinators link one to
    a partner's listing of the same place, or unlink a wrong match."""

    model = ImportedService
    menu_label = "Imported services and matches"
    menu_icon = "link"
    permission_helper_class = MatchesHelper
    edit_view_class = MatchEditView
    list_display = (
        "name",
        "feed",
        "became",
        "postcode",
        "partner_listing",
        "match_reason",
        "decision",
    )
    list_filter = (MatchedFilter, ("feed", FeedFilter), "decision", "withdrawn")
    search_fields = ("name", "postcode", "source_id")
    panels = [FieldPanel("decision"), FieldPanel("duplicate_of")]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("feed", "duplicate_of")

    @staticmethod
    def became(imported):
        """A place or a course (docs/federation.md: which services are courses)."""
        return "Course" if imported.course_id else "Place"

    @staticmethod
    def partner_listing(imported):
        return imported.duplicate_of.title if imported.duplicate_of else ""


class FeedsGroup(ModelAdminGroup):
    menu_label = "Imported feeds"
    menu_icon = "download"
    menu_order = 290
    items = (FeedAdmin, FeedImportAdmin, ImportedServiceAdmin)


modeladmin_register(FeedsGroup)


def imported_message(page):
    listing = isinstance(page, AccessPointPage | CoursePage)
    url = page.source_url if listing else page.feed.base_url
    return format_html(
        '“{}” is imported from {} and is edited at its source: <a href="{}">{}</a>. '
        "Coordinators change the feed under Imported feeds.",
        page.title,
        page.source_name if listing else page.title,
        url,
        url,
    )


def imported(page):
    """An imported listing or course, or a feed's own organisation page."""
    specific = page.specific_deferred
    if isinstance(specific, AccessPointPage | CoursePage):
        return specific.is_imported
    return (
        isinstance(specific, OrganisationPage)
        and Feed.objects.filter(organisation=specific).exists()
    )


@hooks.register("before_edit_page")
def imported_pages_are_read_only(request, page):
    if imported(page):
        messages.warning(request, imported_message(page.specific))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_create_page")
def nothing_is_added_under_a_feed(request, parent_page, page_class):
    if imported(parent_page):
        messages.warning(request, imported_message(parent_page.specific))
        return redirect("wagtailadmin_explore", parent_page.pk)
    return None
