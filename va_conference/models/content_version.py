"""The cache version of the public pages, where the database has no sequence for it."""

from django.db import models


class ContentVersion(models.Model):
    """How many changes were made to what the public pages show: one row, which pages kept in
    the cache are filed under (va_conference/page_cache.py). PostgreSQL counts in a sequence
    instead (migration 0007)."""

    # The primary key of its one row.
    ROW = 1

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return str(self.number)
