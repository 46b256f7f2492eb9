from django.apps import AppConfig


class OpenReferralConfig(AppConfig):
    """The Open Referral UK API over the directory and the courses. It sits
    above both and has no models of its own."""

    name = "openreferral"
    verbose_name = "Open Referral UK API"

    def ready(self):
        # Access points and then courses as services (in that order: it is the
        # order of the API's kinds), what else forgets cached answers, and a
        # check of the id namespace.
        from openreferral import checks, courses, places, receivers  # noqa: F401
