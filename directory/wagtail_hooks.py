"""The directory in the Wagtail admin: the coordinators' lists as snippets,
and the "Listings to check" flag for listings nobody has confirmed for six
months, shown as a report, on the dashboard and in the page editor. Each
shows only the listings the person may edit, so a partner sees their own."""

from django.contrib import messages
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.urls import path, reverse
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail_modeladmin.options import modeladmin_register

from directory.feedback_admin import ListingFeedbackGroup
from directory.models import (
    AccessibilityFeature,
    AccessPointPage,
    Area,
    Language,
    OrganisationPage,
    ServiceType,
)
from directory.stale_listings import stale_listings
from website.spreadsheets import SafeCsvExportMixin

# The coordinators' lists.


class TaxonomyViewSet(SnippetViewSet):
    """A short list a coordinator keeps: searched by the database (partial
    words match, and a new entry is found at once) rather than the search
    index, which gains nothing on lists of a few dozen."""

    list_display = ["name", "description", "sort_order"]
    search_fields = ["name", "description"]
    search_backend_name = None
    ordering = ["sort_order", "name"]
    copy_view_enabled = False


class ServiceTypeViewSet(TaxonomyViewSet):
    model = ServiceType
    icon = "list-ul"
    menu_label = "Service types"


class AccessibilityFeatureViewSet(TaxonomyViewSet):
    model = AccessibilityFeature
    icon = "view"
    menu_label = "Accessibility features"


class LanguageViewSet(TaxonomyViewSet):
    model = Language
    icon = "globe"
    menu_label = "Languages"
    list_display = ["name", "code", "sort_order"]
    search_fields = ["name", "code"]


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "site"
    menu_label = "Areas"
    list_display = ["name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name"]
    search_backend_name = None
    ordering = "name"
    copy_view_enabled = False


class DirectoryListsGroup(SnippetViewSetGroup):
    menu_label = "Directory lists"
    menu_icon = "list-ul"
    menu_order = 250
    items = (ServiceTypeViewSet, AccessibilityFeatureViewSet, LanguageViewSet, AreaViewSet)


register_snippet(DirectoryListsGroup)


# Listings to check.


def editable_stale_listings(user):
    """Stale live listings that the user may change, by Wagtail's own page
    permissions: all of them for coordinators, their own for a partner."""
    editable = policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "change")
    return stale_listings().filter(pk__in=editable.values("pk"))


def user_edits_pages(user):
    return policy_registry.get_by_type(Page).user_has_any_permission(
        user, ["add", "change", "publish"]
    )


class ListingsToCheckView(SafeCsvExportMixin, ReportView):
    """Live listings whose details were last confirmed more than six months
    ago, oldest first, with their organisation; exports to CSV and Excel for
    coordinators chasing partners."""

    page_title = "Listings to check"
    header_icon = "warning"
    index_url_name = "directory_listings_to_check"
    index_results_url_name = "directory_listings_to_check_results"
    model = Page  # for Wagtail's page permission policy
    any_permission_required = ["add", "change", "publish"]
    default_ordering = "last_checked"
    columns = [
        TitleColumn(
            "title",
            label="Listing",
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
            sort_key="title",
        ),
        Column("organisation_title", label="Organisation", sort_key="organisation_title"),
        Column(
            "last_checked",
            label="Last checked",
            accessor=lambda page: format_date(page.last_checked, "j F Y"),
            sort_key="last_checked",
        ),
        Column("town", label="Town"),
    ]
    list_export = ["title", "organisation_title", "last_checked", "town", "postcode"]
    export_headings = {"organisation_title": "Organisation", "last_checked": "Last checked"}

    def get_base_queryset(self):
        organisation = OrganisationPage.objects.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        )
        return editable_stale_listings(self.request.user).annotate(
            organisation_title=Subquery(organisation.values("title")[:1])
        )

    def get_filename(self):
        return "listings-to-check"


class ListingsToCheckMenuItem(MenuItem):
    def is_shown(self, request):
        return user_edits_pages(request.user)


@hooks.register("register_admin_urls")
def register_listings_to_check_urls():
    return [
        path(
            "reports/listings-to-check/",
            ListingsToCheckView.as_view(),
            name="directory_listings_to_check",
        ),
        path(
            "reports/listings-to-check/results/",
            ListingsToCheckView.as_view(results_only=True),
            name="directory_listings_to_check_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_listings_to_check_menu_item():
    return ListingsToCheckMenuItem(
        "Listings to check",
        reverse("directory_listings_to_check"),
        name="listings-to-check",
        icon_name="warning",
        order=650,
    )


class ListingsToCheckPanel(Component):
    """The dashboard's reminder, shown only while something needs checking."""

    name = "listings_to_check"
    order = 230  # after the workflow panels, before recent edits
    template_name = "wagtailadmin/shared/panel.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context=None):
        listings = "listing has" if self.count == 1 else "listings have"
        return {
            "id": "listings-to-check",
            "heading": "Listings to check",
            "icon": "warning",
            "classname": "w-panel--dashboard",
            "children": format_html(
                '<p class="help-block help-warning">{} {} not been checked for six months. '
                'Residents rely on them being right. <a href="{}">See which</a>.</p>',
                self.count,
                listings,
                reverse("directory_listings_to_check"),
            ),
        }


@hooks.register("construct_homepage_panels")
def add_listings_to_check_panel(request, panels):
    if not user_edits_pages(request.user):
        return
    count = editable_stale_listings(request.user).count()
    if count:
        panels.append(ListingsToCheckPanel(count))


@hooks.register("before_edit_page")
def warn_about_stale_listing(request, page):
    """Opening a stale listing says so, on the draft about to be edited."""
    if request.method == "GET" and isinstance(page, AccessPointPage) and page.is_stale:
        messages.warning(
            request,
            f"This listing was last checked on {format_date(page.last_checked, 'j F Y')}. "
            "Please confirm every detail, set “Last checked” to today and submit it.",
        )


modeladmin_register(ListingFeedbackGroup)
