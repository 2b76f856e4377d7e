"""App configurations of the project package: the shared core and the organizers' admin site."""

from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "va_conference"
    verbose_name = _("Conferences and organizations")

    def ready(self):
        # Counts the changes that public pages kept in the cache are filed under.
        from django.urls import register_converter

        from . import page_cache  # noqa: F401
        from .converters import TokenConverter
        from .roles import keep_roles_in_step

        # <token:...> in every app's URLs, which are read once the apps are ready.
        register_converter(TokenConverter, "token")

        # The staff groups follow va_conference/roles.py after every migrate.
        post_migrate.connect(keep_roles_in_step, sender=self)


class AdminConfig(DjangoAdminConfig):
    default_site = "va_conference.admin_site.ConferenceAdminSite"
