from django.apps import AppConfig


class FederationConfig(AppConfig):
    """Imports other publishers' Open Referral UK feeds as access points
    under one read-only organisation page per feed (docs/federation.md)."""

    name = "federation"
    verbose_name = "Imported feeds"
    default_auto_field = "django.db.models.BigAutoField"
