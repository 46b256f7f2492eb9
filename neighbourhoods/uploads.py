"""Holding an uploaded file between the preview and the confirmation: in
the default storage (MEDIA_ROOT, shared by every app server; the web
server serves only /media/images/ from it, docs/security.md) under a random
key, removed once it is imported or a day later."""

import datetime
import uuid

from django.core.files.storage import default_storage
from django.utils import timezone

FOLDER = "neighbourhood-uploads"
KEEP_FOR = datetime.timedelta(days=1)


def keep(upload):
    """Stores the upload; returns its key."""
    forget_old()
    key = uuid.uuid4().hex
    default_storage.save(f"{FOLDER}/{key}", upload)
    return key


def path_of(key):
    """The stored file's name, or None for a key that is not one (a
    tampered form) or has gone."""
    try:
        key = uuid.UUID(hex=key).hex
    except (TypeError, ValueError):
        return None
    name = f"{FOLDER}/{key}"
    return name if default_storage.exists(name) else None


def open_upload(name):
    return default_storage.open(name, "rb")


def remove(name):
    default_storage.delete(name)


def forget_old():
    try:
        _, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    cutoff = timezone.now() - KEEP_FOR
    for name in names:
        if default_storage.get_modified_time(f"{FOLDER}/{name}") < cutoff:
            default_storage.delete(f"{FOLDER}/{name}")
