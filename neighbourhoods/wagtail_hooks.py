"""The coordinators' menu for neighbourhood data: what is loaded, and the
two imports with their preview (admin_views.py)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from directory.permissions import sees_everything
from neighbourhoods import admin_views


@hooks.register("register_admin_urls")
def neighbourhood_urls():
    return [
        path("neighbourhoods/", admin_views.index, name="neighbourhoods_index"),
        path("neighbourhoods/<slug:kind>/", admin_views.upload, name="neighbourhoods_upload"),
        path(
            "neighbourhoods/<slug:kind>/confirm/",
            admin_views.confirm,
            name="neighbourhoods_confirm",
        ),
    ]


class CoordinatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return sees_everything(request.user)


@hooks.register("register_admin_menu_item")
def neighbourhoods_menu_item():
    return CoordinatorsMenuItem(
        "Where help is needed", reverse("neighbourhoods_index"), icon_name="site", order=450
    )
