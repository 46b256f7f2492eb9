"""The shared admin pages: one person's data across every register, and
the email outbox, and two-step verification (set up from the account menu)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.options import modeladmin_register

from website import personal_data_views, two_factor
from website.outbox_admin import OutgoingEmailAdmin, OutgoingTextAdmin

modeladmin_register(OutgoingEmailAdmin)
modeladmin_register(OutgoingTextAdmin)


@hooks.register("register_admin_urls")
def personal_data_urls():
    return [
        path("personal-data/", personal_data_views.person_data, name="person_data"),
        path("two-step-verification/", two_factor.setup, name="two_factor_setup"),
        path("two-step-verification/verify/", two_factor.verify, name="two_factor_verify"),
    ]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(personal_data_views.PERMISSION)


@hooks.register("register_settings_menu_item")
def personal_data_menu_item():
    return PersonalDataMenuItem(
        "Personal data", reverse("person_data"), icon_name="lock", order=900
    )


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": "Two-step verification",
        "help_text": "Ask for a code from an authenticator app as well as your password.",
    }
