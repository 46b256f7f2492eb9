"""The email outbox in the admin: read-only, for coordinators (the
website.view_outgoingemail permission) and superusers only, since the
emails carry personal data."""

from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin

from website.models import OutgoingEmail, OutgoingText

PERMISSION = "website.view_outgoingemail"


class OutboxPermissionHelper(PermissionHelper):
    def user_can_list(self, user):
        return user.has_perm(PERMISSION)

    def user_can_inspect_obj(self, user, obj):
        return user.has_perm(PERMISSION)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class OutgoingEmailAdmin(ModelAdmin):
    model = OutgoingEmail
    menu_label = "Email outbox"
    menu_icon = "mail"
    menu_order = 950
    add_to_settings_menu = True
    list_display = (
        "subject",
        "status",
        "delivery",
        "created_at",
        "attempts",
        "last_error",
        "sent_at",
    )
    list_display_add_buttons = "subject"
    list_filter = ("status", "delivery")
    search_fields = ("subject", "recipients")
    inspect_view_enabled = True
    # modeladmin's history page checks no permission and names the email.
    history_view_enabled = False
    inspect_view_fields = (
        "subject",
        "status",
        "to",
        "cc",
        "reply_to",
        "created_at",
        "attempts",
        "last_error",
        "next_attempt_at",
        "sent_at",
        "delivery",
        "deliveries",
        "delivery_checked_at",
        "body",
    )
    permission_helper_class = OutboxPermissionHelper


TEXT_PERMISSION = "website.view_outgoingtext"


class TextOutboxPermissionHelper(OutboxPermissionHelper):
    def user_can_list(self, user):
        return user.has_perm(TEXT_PERMISSION)

    def user_can_inspect_obj(self, user, obj):
        return user.has_perm(TEXT_PERMISSION)


class OutgoingTextAdmin(ModelAdmin):
    """Texts and what Notify said became of them (website/texts.py)."""

    model = OutgoingText
    menu_label = "Text messages"
    menu_icon = "mail"
    menu_order = 951
    add_to_settings_menu = True
    list_display = ("purpose", "to", "status", "delivery", "created_at", "attempts", "last_error")
    list_display_add_buttons = "purpose"
    list_filter = ("status", "delivery", "purpose")
    search_fields = ("to", "purpose")
    inspect_view_enabled = True
    history_view_enabled = False
    inspect_view_fields = (
        "purpose",
        "to",
        "status",
        "delivery",
        "created_at",
        "attempts",
        "last_error",
        "next_attempt_at",
        "sent_at",
        "delivery_checked_at",
        "body",
    )
    permission_helper_class = TextOutboxPermissionHelper
