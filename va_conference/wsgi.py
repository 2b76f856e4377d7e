"""WSGI entry point, as served by gunicorn: `gunicorn va_conference.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "va_conference.settings")

application = get_wsgi_application()
