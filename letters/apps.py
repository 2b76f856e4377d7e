from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = _("Letters and certificates")

    def ready(self):
        from . import receivers  # noqa: F401 - connects them
