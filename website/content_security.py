"""The Content Security Policy on every response (django-csp), with the
admin's own looser script and style rules on /admin/ paths only: Wagtail's
admin writes some inline scripts and styles, the public site writes none."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and is_admin_path(request.path_info):
            parts.replace = {**settings.ADMIN_CSP_REPLACE, **(parts.replace or {})}
        return parts


def is_admin_path(path):
    return path.startswith(reverse("wagtailadmin_home"))
