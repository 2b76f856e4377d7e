"""The organizers' updates about a conference, some scheduled to appear later."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .conference import Conference


class UpdateQuerySet(models.QuerySet):
    def published(self):
        return self.filter(
            is_published=True, published_at__lte=timezone.now(), conference__is_published=True
        )

    def visible_to(self, user):
        """Who may view updates in the admin previews drafts and updates still to come; the
        public reads published ones."""
        return self if user.has_perm("va_conference.view_update") else self.published()

    def next_to_appear(self, **filters):
        """When the next update scheduled among these appears, or None."""
        scheduled = self.filter(is_published=True, published_at__gt=timezone.now(), **filters)
        return scheduled.order_by("published_at").values_list("published_at", flat=True).first()


class Update(models.Model):
    """A short post by the organizers while a conference is prepared, runs and ends."""

    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="updates"
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"),
        help_text=_("Plain text or Markdown: **bold**, *italic*, [a link](https://...), lists."),
    )
    published_at = models.DateTimeField(
        _("publish at"), default=timezone.now, help_text=_("Shown from this moment on.")
    )
    is_published = models.BooleanField(_("published"), default=False)

    objects = UpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return self.title
