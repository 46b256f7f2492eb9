"""/open-data/: the directory's open downloads, at addresses that do not
depend on where the directory page sits in the page tree (reusers bookmark
and script them). Included from website/urls.py."""

from django.urls import path

from directory import open_data_views

urlpatterns = [
    path("", open_data_views.open_data_page, name="open_data"),
    path(
        "<slug:name>.csv",
        open_data_views.open_data_file,
        {"file_format": "csv"},
        name="open_data_csv",
    ),
    path(
        "<slug:name>.json",
        open_data_views.open_data_file,
        {"file_format": "json"},
        name="open_data_json",
    ),
]
