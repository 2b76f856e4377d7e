from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizersConfig(AppConfig):
    """The organizers' tools: pages of the admin that work on one conference at a time."""

    name = "organizers"
    verbose_name = _("Organizers' desk")
