"""Atom feeds of what a conference publishes: updates, statements and official documents.

One feed per conference and one for the whole site, each in the language of its address
(/fr/updates.atom is in French, with English where a text has no French).
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from va_conference.markdown import render as markdown
from va_conference.models import Conference, Update

from . import releases
from .models import DocumentFile, Statement

LATEST = 50


@dataclass
class Entry:
    guid: str
    title: str
    link: str
    description: str
    published: datetime


def entries(conferences):
    """The newest updates, statements and documents of `conferences`, newest first."""
    updates = Update.objects.published().filter(conference__in=conferences)
    statements = (
        Statement.objects.published()
        .filter(session__conference__in=conferences)
        .select_related("session__conference", "organization")
    )
    document_files = (
        DocumentFile.objects.published()
        .filter(document__conference__in=conferences)
        .select_related("document__conference")
    )
    found = [
        Entry(
            guid=f"update-{update.pk}",
            title=update.title,
            link=reverse("updates", args=[update.conference.slug]) + f"#update-{update.pk}",
            description=markdown(update.body),
            published=update.published_at,
        )
        for update in updates.select_related("conference").order_by("-published_at")[:LATEST]
    ]
    found += [
        Entry(
            guid=f"statement-{statement.pk}",
            title=_("%(delegation)s: statement in “%(session)s” (%(language)s)")
            % {
                "delegation": statement.organization.name,
                "session": statement.session.title,
                "language": statement.get_language_display(),
            },
            link=reverse(
                "session_detail",
                args=[statement.session.conference.slug, statement.session.slug],
            ),
            description=statement.session.conference.short_name,
            published=statement.published_at,
        )
        for statement in statements.exclude(published_at=None).order_by("-published_at")[:LATEST]
    ]
    found += [
        Entry(
            guid=f"document-file-{document_file.pk}",
            title=_("Document: %(title)s (%(language)s)")
            % {
                "title": document_file.document,
                "language": document_file.get_language_display(),
            },
            link=reverse("documents", args=[document_file.document.conference.slug]),
            description=document_file.document.conference.short_name,
            published=document_file.document.published_at,
        )
        for document_file in document_files.exclude(document__published_at=None).order_by(
            "-document__published_at"
        )[:LATEST]
    ]
    return sorted(found, key=lambda entry: entry.published, reverse=True)[:LATEST]


class EntriesFeed(Feed):
    # Without a language of its own, a feed is in the language of its address.
    feed_type = Atom1Feed

    @method_decorator(require_safe)
    def __call__(self, request, *args, **kwargs):
        return super().__call__(request, *args, **kwargs)

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.link

    def item_description(self, entry):
        return entry.description

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return entry.published

    def item_guid(self, entry):
        # The same in every language: it names the thing published, not its page.
        return f"urn:va-conference:{entry.guid}"

    item_guid_is_permalink = False


class ConferenceFeed(EntriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Conference.objects.published(), slug=slug)

    def title(self, conference):
        return conference.title

    def subtitle(self, conference):
        return _("Updates, statements and documents of the %(conference)s") % {
            "conference": conference.short_name
        }

    def link(self, conference):
        return reverse("conference_detail", args=[conference.slug])

    def items(self, conference):
        return entries([conference])


class SiteFeed(EntriesFeed):
    def title(self):
        return _("VA Conference: updates, statements and documents")

    def link(self):
        return reverse("conference_list")

    def items(self):
        return entries(Conference.objects.published())


class ProgrammeChangesFeed(EntriesFeed):
    """The releases of a conference's programme, each with what changed since the one before."""

    def get_object(self, request, slug):
        return get_object_or_404(Conference.objects.published(), slug=slug)

    def title(self, conference):
        return _("Changes to the programme of the %(conference)s") % {
            "conference": conference.short_name
        }

    def link(self, conference):
        return reverse("programme_changes", args=[conference.slug])

    def items(self, conference):
        link = reverse("programme_changes", args=[conference.slug])
        return [
            Entry(
                guid=f"programme-release-{release.pk}",
                title=release.name,
                link=f"{link}#release-{release.pk}",
                description=render_to_string(
                    "sessions/includes/release_entry.html",
                    {"release": release, "changes": changes},
                ),
                published=release.released_at,
            )
            for release, changes in releases.history(conference)
        ]
