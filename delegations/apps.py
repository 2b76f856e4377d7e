from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DelegationsConfig(AppConfig):
    name = "delegations"
    verbose_name = _("Delegations")

    def ready(self):
        from registrations import signals

        from . import receivers

        signals.member_left.connect(receivers.member_left, dispatch_uid="delegations_member_left")
        signals.member_joined.connect(
            receivers.member_joined, dispatch_uid="delegations_member_joined"
        )
