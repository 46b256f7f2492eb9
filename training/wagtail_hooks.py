"""Courses in the admin: the provider's register (bookings and sessions)."""

from django.urls import path
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from training import register_views
from training.register_admin import RegisterGroup

modeladmin_register(RegisterGroup)


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path(
            "training/sessions/<int:session_pk>/register/",
            register_views.register,
            name="training_register",
        )
    ]
