"""WSGI entry point. Production servers set DJANGO_SETTINGS_MODULE to
website.settings.production."""

import os

from django.core.wsgi import get_wsgi_application

from website.process_memory import freeze_startup_objects

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")

application = get_wsgi_application()
freeze_startup_objects()
