"""A system check: ORUK_ID_NAMESPACE, when set, must be a UUID (the API's
ids are derived from it; see ids.py), so a typo stops the site at start-up
rather than failing every API request."""

import uuid

from django.conf import settings
from django.core.checks import Error, register


@register()
def id_namespace_is_a_uuid(app_configs, **kwargs):
    configured = getattr(settings, "ORUK_ID_NAMESPACE", "")
    if not configured:
        return []
    try:
        uuid.UUID(configured)
    except ValueError:
        return [
            Error(
                f"ORUK_ID_NAMESPACE is {configured!r}, which is not a UUID.",
                hint="Set it to a UUID, e.g. the output of "
                "python -c 'import uuid; print(uuid.uuid4())', or leave it unset.",
                id="directory.E001",
            )
        ]
    return []
