from django.urls import path

from . import views

app_name = "champions"

urlpatterns = [
    path("join/", views.join, name="join"),
    path("join/done/", views.join_done, name="join_done"),
    path("join/update/<str:token>/", views.update_details_view, name="update_details"),
]
