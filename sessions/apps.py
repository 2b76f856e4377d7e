from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    # The package is `sessions`, but django.contrib.sessions owns that label.
    name = "sessions"
    label = "programme"
    verbose_name = _("Programme of work")

    def ready(self):
        from va_conference import page_cache

        from . import releases
        from .models import Room, Session

        # Once released, the programme's pages keep being served from the page cache while
        # organizers edit sessions and rooms, until the next release.
        page_cache.DRAFTS.update({Session: releases.is_draft, Room: releases.is_draft})
