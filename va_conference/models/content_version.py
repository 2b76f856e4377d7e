"""The cache version of the public pages, where the database has no sequence for it."""

from django.db import models


class ContentVersion(models.Model):
    """How many changes were made to what the public pages show, which pages kept in the cache
    are filed under (va_conference/page_cache.py): a row for the changes, another for the
    changes to drafts, under page_cache.CHANGES and DRAFT_CHANGES. PostgreSQL counts in
    sequences instead (migrations 0007 and 0013)."""

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return str(self.number)
