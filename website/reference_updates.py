"""Wagtail's reference index ("usage"), brought up to date once at the end
of a batch of saves rather than on every save.

Pages are saved several times as a batch job builds them, and each save
re-reads every reference; rebuilding the whole index afterwards instead
costs time in proportion to the whole site (many minutes at 100,000
listings). This indexes only the objects the batch saved, once each."""

import contextlib

from django.apps import apps
from django.db.models.signals import post_save
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task


@contextlib.contextmanager
def references_indexed_at_end():
    """Inside the block, saves of indexed models are noted instead of
    indexed; on leaving it without an error, each noted object is indexed
    once (a child object through its parent, as Wagtail does)."""
    saved = set()

    def note(sender, instance, raw=False, **kwargs):
        if not raw:
            saved.add((instance._meta.app_label, instance._meta.model_name, str(instance.pk)))

    models = list(ReferenceIndex.tracked_models)
    for model in models:
        post_save.connect(note, sender=model, weak=False)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.disconnect(note, sender=model)
    for app_label, model_name, pk in sorted(saved):
        model = apps.get_model(app_label, model_name)
        if model._default_manager.filter(pk=pk).exists():
            update_reference_index_task.call(app_label, model_name, pk)
