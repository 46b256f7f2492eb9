"""The shared admin pages: one person's data across every register, and
the email outbox."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.options import modeladmin_register

from website import personal_data_views
from website.outbox_admin import OutgoingEmailAdmin

modeladmin_register(OutgoingEmailAdmin)


@hooks.register("register_admin_urls")
def personal_data_urls():
    return [path("personal-data/", personal_data_views.person_data, name="person_data")]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(personal_data_views.PERMISSION)


@hooks.register("register_settings_menu_item")
def personal_data_menu_item():
    return PersonalDataMenuItem(
        "Personal data", reverse("person_data"), icon_name="lock", order=900
    )
