"""Excerpts of the statements and document files a search found, as the search page shows
each result: the text around what was found, its words marked.

The database cuts each excerpt where it can, so that a long text stays there: on PostgreSQL
around what was found (ts_headline), in the language of each file; without a query, the
beginning. Elsewhere (SQLite) the text around the words found as written is cut here.
"""

import re
from dataclasses import dataclass

from django.db.models import TextField
from django.db.models.functions import Left
from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import search
from .models import DocumentFile, Statement

# Where a found word starts and stops in an excerpt, until the excerpt becomes HTML.
START, STOP = "\x02", "\x03"
EXCERPT_CHARACTERS = 240
HEADLINE_CHARACTERS = 1200
HEADLINE_OPTIONS = (
    f'MaxFragments=2, MinWords=12, MaxWords=30, FragmentDelimiter=" … ",'
    f" StartSel={START}, StopSel={STOP}"
)


@dataclass
class Result:
    kind: str
    item: Statement | DocumentFile
    excerpt: str


def results(rows, query):
    """The statements and document files of a page of `rows`, with their excerpts, in order."""
    wanted = {search.STATEMENTS: [], search.DOCUMENTS: []}
    for kind, pk, _day in rows:
        wanted[kind].append(pk)
    items = {
        search.STATEMENTS: excerpted(
            Statement.objects.filter(pk__in=wanted[search.STATEMENTS]).select_related(
                "session__conference", "organization"
            ),
            query,
        ),
        search.DOCUMENTS: excerpted(
            DocumentFile.objects.filter(pk__in=wanted[search.DOCUMENTS]).select_related(
                "document__conference"
            ),
            query,
        ),
    }
    found = {(kind, item.pk): item for kind in items if wanted[kind] for item in items[kind]}
    return [
        Result(kind, found[kind, pk], excerpt_html(found[kind, pk].excerpt))
        for kind, pk, _day in rows
    ]


def excerpted(items, query):
    """`items` with an `excerpt` each, without loading long texts where the database can cut."""
    if query and search.full_text_search():
        return items.annotate(excerpt=headline(query))
    if not query:
        return items.annotate(excerpt=Left("text", EXCERPT_CHARACTERS))
    items = list(items.defer(None))
    for item in items:
        item.excerpt = plain_excerpt(item.text, query.words)
    return items


def headline(query):
    """An excerpt of the row's text around what `query` found, in the row's language.

    ts_headline reads all the text it is given, and a report can be long: it is given the
    HEADLINE_CHARACTERS around the first place where one of the words is written as typed,
    in small or capital letters (the beginning of the text if none is). Looking for a few
    spellings is much quicker than folding the case of a whole report.
    """
    sql, params = query.tsquery()
    configuration = search.configuration_sql("{table}.language")
    spellings = sorted(
        {
            spelling
            for word in query.words
            for spelling in (word, word.lower(), word.capitalize(), word.upper())
        }
    )
    first = (
        "(SELECT coalesce(min(nullif(strpos({table}.text, spelling), 0)), 1)"
        " FROM unnest(%s::text[]) AS spelling)"
    )
    text = (
        f"substr({{table}}.text, greatest(1, {first} - {HEADLINE_CHARACTERS // 4}),"
        f" {HEADLINE_CHARACTERS})"
    )
    return search.OnRow(
        f"ts_headline({configuration}, {text}, {sql}, %s)",
        [spellings, *params, HEADLINE_OPTIONS],
        TextField(),
    )


def plain_excerpt(text, words):
    """The text around the first of `words` found, each of them marked, without full text."""
    folded = text.casefold()
    found = [position for word in words if (position := folded.find(word.casefold())) >= 0]
    start = max(0, min(found, default=0) - EXCERPT_CHARACTERS // 3)
    excerpt = text[start : start + EXCERPT_CHARACTERS]
    if words:
        pattern = "|".join(re.escape(word) for word in words)
        excerpt = re.sub(f"({pattern})", f"{START}\\1{STOP}", excerpt, flags=re.IGNORECASE)
    return ("…" if start else "") + excerpt


def excerpt_html(excerpt):
    """The excerpt as HTML, its found words in <mark>."""
    collapsed = " ".join((excerpt or "").split())
    return mark_safe(escape(collapsed).replace(START, "<mark>").replace(STOP, "</mark>"))
