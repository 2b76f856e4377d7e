"""App configurations of the project package: the shared core and the organizers' admin site."""

from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "va_conference"
    verbose_name = _("Conferences and organizations")


class AdminConfig(DjangoAdminConfig):
    default_site = "va_conference.admin_site.ConferenceAdminSite"
