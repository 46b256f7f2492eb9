"""Uploads are limited to safe types: no SVG (it can carry script), whatever
the file is called, and documents are served as downloads with their own
locked-down policy."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>'
)


def png_bytes():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (4, 4), "purple").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def upload(client, kind, name, content, content_type):
    return client.post(
        f"/admin/{kind}/add/",
        {
            "title": "Upload",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_a_png_image_uploads(editor_client):
    response = upload(editor_client, "images", "logo.png", png_bytes(), "image/png")
    assert response.status_code == 302
    assert get_image_model().objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("logo.svg", "image/svg+xml"), ("logo.png", "image/png"), ("logo.gif", "image/gif")],
)
def test_svg_images_are_refused_whatever_they_are_called(editor_client, name, content_type):
    response = upload(editor_client, "images", name, SVG, content_type)
    assert response.status_code == 200  # the form again, with the error
    assert response.context["form"].errors["file"]
    assert get_image_model().objects.count() == 0


def test_svg_images_are_refused_by_the_drag_and_drop_uploader(editor_client):
    response = editor_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("logo.svg", SVG, content_type="image/svg+xml")},
    )
    assert response.json()["success"] is False
    assert get_image_model().objects.count() == 0


@pytest.mark.parametrize(
    "name", ["drawing.svg", "page.html", "page.htm", "script.js", "macro.xlsm", "tool.exe"]
)
def test_unsafe_document_types_are_refused(editor_client, name):
    response = upload(editor_client, "documents", name, SVG, "application/octet-stream")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert get_document_model().objects.count() == 0


def test_a_pdf_document_uploads(editor_client):
    response = upload(editor_client, "documents", "leaflet.pdf", b"%PDF-1.4\n", "application/pdf")
    assert response.status_code == 302
    assert get_document_model().objects.count() == 1


@pytest.mark.parametrize(
    ("name", "disposition"),
    [("timetable.docx", "attachment"), ("list.csv", "attachment"), ("leaflet.pdf", "inline")],
)
def test_documents_are_served_as_downloads_with_their_own_locked_down_policy(
    client, db, settings, tmp_path, name, disposition
):
    # Served from files on disk, as in production.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    document = get_document_model().objects.create(
        title="Doc", file=ContentFile(b"<html><script>alert(1)</script></html>", name=name)
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(disposition)
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
