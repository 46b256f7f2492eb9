"""The provider's register in the admin (wagtail-modeladmin): bookings and
sessions, each organisation seeing only its own courses'. Coordinators see
all. Bookings are never created or edited here: people book on the site,
and providers mark attendance in a session's register (register_views.py).

Scope is checked on every list, object and export, not only in menus, so
a guessed URL for another organisation's booking is refused."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup
from wagtail_modeladmin.views import IndexView

from directory.permissions import sees_everything, within_organisations_of, works_in_partnership
from training.models import Booking, Session
from website.spreadsheets import SafeCsvExportMixin


def sessions_of(user):
    sessions = Session.objects.all()
    if sees_everything(user):
        return sessions
    return sessions.filter(within_organisations_of(user, "page__path"))


def bookings_of(user):
    bookings = Booking.objects.all()
    if sees_everything(user):
        return bookings
    return bookings.filter(within_organisations_of(user, "session__page__path"))


def page_of(session):
    """The course, or the page hosting the session (an event), as loaded
    with the list (no query per row)."""
    return session.page if session.page_id else session.host_page


def register_url(session_pk):
    return reverse("training_register", args=[session_pk])


class RegisterPermissionHelper(PermissionHelper):
    """Read-only registers: list and inspect what is in the user's scope."""

    scope = None  # a function user -> queryset of what they may see

    def user_can_list(self, user):
        return works_in_partnership(user)

    def user_can_inspect_obj(self, user, obj):
        return type(self).scope(user).filter(pk=obj.pk).exists()

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class BookingPermissionHelper(RegisterPermissionHelper):
    scope = staticmethod(bookings_of)


class SessionPermissionHelper(RegisterPermissionHelper):
    scope = staticmethod(sessions_of)

    def user_can_inspect_obj(self, user, obj):
        # Sessions have no inspect page: the register is their page.
        return False


class SafeExportIndexView(SafeCsvExportMixin, IndexView):
    pass


class BookingAdmin(ModelAdmin):
    model = Booking
    menu_label = "Bookings"
    menu_icon = "user"
    permission_helper_class = BookingPermissionHelper
    index_view_class = SafeExportIndexView
    inspect_view_enabled = True
    # modeladmin's history page checks no scope and names the person.
    history_view_enabled = False
    # Yes/No in words: modeladmin's tick icons are Django admin's static
    # files, which this site does not install (and manifest storage refuses).
    list_display = ("name", "course", "session", "status", "was_there", "finished", "register")
    list_filter = ("status", "attended", "completed")
    search_fields = ("name", "email", "session__page__title", "session__host_page__title")
    list_export = (
        "course",
        "session",
        "venue",
        "name",
        "email",
        "phone",
        "accessibility_needs",
        "status",
        "created_at",
        "attended",
        "completed",
    )
    export_filename = "bookings"
    inspect_view_fields = (
        "name",
        "email",
        "phone",
        "accessibility_needs",
        "status",
        "created_at",
        "status_changed_at",
        "attended",
        "completed",
        "consent_text",
    )

    def get_queryset(self, request):
        return bookings_of(request.user).select_related(
            "session", "session__page", "session__host_page", "session__venue"
        )

    @staticmethod
    def course(booking):
        return page_of(booking.session).title

    @staticmethod
    def session(booking):
        return booking.session.when

    @staticmethod
    def venue(booking):
        venue = booking.session.venue
        return venue.title if venue else booking.session.booked_through.where_without_venue

    @staticmethod
    @admin.display(description="Attended")
    def was_there(booking):
        return "Yes" if booking.attended else "No"

    @staticmethod
    @admin.display(description="Completed")
    def finished(booking):
        return "Yes" if booking.completed else "No"

    @staticmethod
    def register(booking):
        return format_html('<a href="{}">Session register</a>', register_url(booking.session_id))


class SessionAdmin(ModelAdmin):
    model = Session
    menu_label = "Sessions"
    menu_icon = "date"
    permission_helper_class = SessionPermissionHelper
    # modeladmin's history page checks no scope and names the record.
    history_view_enabled = False
    list_display = ("course", "when", "venue", "places", "waiting", "register")
    search_fields = ("page__title", "host_page__title")
    ordering = ("-start",)

    def get_queryset(self, request):
        return (
            sessions_of(request.user)
            .with_places()
            .select_related("page", "host_page", "venue")
            .annotate_waiting()
        )

    @staticmethod
    def course(session):
        return page_of(session).title

    @staticmethod
    def places(session):
        return f"{session.places_taken} of {session.capacity}"

    @staticmethod
    def waiting(session):
        return session.waiting_count

    @staticmethod
    def register(session):
        return format_html('<a href="{}">Register</a>', register_url(session.pk))


class RegisterGroup(ModelAdminGroup):
    menu_label = "Courses and bookings"
    menu_icon = "group"
    menu_order = 260
    items = (SessionAdmin, BookingAdmin)
