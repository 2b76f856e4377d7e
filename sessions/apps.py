from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    # The package is `sessions`, but django.contrib.sessions owns that label.
    name = "sessions"
    label = "programme"
    verbose_name = _("Programme of work")
