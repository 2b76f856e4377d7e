"""Search across every meeting's published statements and documents; drafts too for who may
view them in the admin, as each page previews them.

On PostgreSQL each statement and document file has a `search_vector` column that the database
generates from its text with the text-search configuration of its language (English, French,
Spanish and Russian words are reduced to their stems; Arabic and Chinese are split as written)
and indexes with GIN (migration 0007). A query is read in each of those configurations and the
readings are joined with OR, so "handicapé" finds a French statement saying "handicapées",
whatever the language of the page. The titles and symbols of documents are searched as well.
The text and its vector are kept out of the rows themselves (migration 0009), so the rows a
search visits to learn the session and date of each match are narrow.

Results come most relevant first. Ranking reads the vector of each result it ranks, so a search
that finds more than RANKED results ranks the newest RANKED of them, and lists the older ones
after them, newest first: a common word costs no more than a rarer one, and the page says so.

Elsewhere (SQLite, the embedded default) every word of the query must appear as written:
plainer matching, and slower on a large archive, but the same page, newest first.

What the page shows of each result, an excerpt around what was found, is cut in
sessions/excerpts.py.

The column belongs to the database, not to the models: Django never reads or writes it. A
tsvector holds at most 1 MB, so the column is made from a text's first 250,000 characters.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    F,
    FloatField,
    Q,
    Value,
    When,
)
from django.db.models.expressions import Expression

from .models import Document, DocumentFile, Statement

# PostgreSQL's text-search configuration for each language; other languages are split as written.
CONFIGURATIONS = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian"}
SIMPLE = "simple"
# How many of the newest results a search ranks (see above).
RANKED = 1000
# The longest query a search takes, as the search page's form says: each word is a condition,
# and on SQLite too many of them make a query the database refuses.
LONGEST_QUERY = 200
# A page number beyond this is past the last of any search, and its offset too large for the
# database's integers: it gives the last page, as any page past the last does.
LARGEST_PAGE = 2**32
STATEMENTS, DOCUMENTS = "statement", "document"
DOCUMENT_TITLES = [
    "document__symbol",
    *(f"document__title_{code}" for code, _name in settings.LANGUAGES),
]


def configuration_sql(column):
    """SQL choosing the text-search configuration for the language code in `column`."""
    cases = " ".join(
        f"WHEN '{code}' THEN '{name}'::regconfig" for code, name in CONFIGURATIONS.items()
    )
    return f"CASE {column} {cases} ELSE '{SIMPLE}'::regconfig END"


def full_text_search():
    return connection.vendor == "postgresql"


class OnRow(Expression):
    """SQL on columns of the query's own table, `{table}` standing for the name that table
    has in the query: Django renames it in a subquery."""

    def __init__(self, template, params, output_field):
        super().__init__(output_field=output_field)
        self.template, self.params = template, tuple(params)

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.base_table)
        return self.template.replace("{table}", table), self.params


@dataclass(frozen=True)
class Query:
    """What a visitor typed, ready for the database."""

    text: str

    def __bool__(self):
        return bool(self.words)

    @property
    def words(self):
        """The words to find, without the quotes, minus signs and "or" of web search syntax."""
        words = (word.lstrip("-") for word in re.split(r"[\s\"]+", self.text))
        return [word for word in words if word and word.casefold() != "or"]

    def tsquery(self):
        """(SQL, params): the query's distinct readings in every configuration, joined with OR.

        A subquery, read once per query. The planner cannot guess how many rows it
        matches, so it answers the match from the GIN index, which tells the matching rows
        apart without reading their vectors, rather than reading every row's vector in turn.
        """
        names = [*CONFIGURATIONS.values(), SIMPLE]
        readings = ", ".join(f"websearch_to_tsquery('{name}', %s)" for name in names)
        sql = (
            "(SELECT string_agg(DISTINCT '(' || reading::text || ')', ' | ')::tsquery"
            f" FROM unnest(ARRAY[{readings}]) AS reading WHERE numnode(reading) > 0)"
        )
        return sql, [self.text] * len(names)

    def rank(self):
        sql, params = self.tsquery()
        return OnRow(f"ts_rank({{table}}.search_vector, {sql})", params, FloatField())

    def matches(self):
        """A condition on the row's search vector, answered from its GIN index."""
        sql, params = self.tsquery()
        return OnRow(f"{{table}}.search_vector @@ {sql}", params, BooleanField())

    def written_in(self, field_names):
        """Each word in one of the fields, as written: the search without full text."""
        condition = Q()
        for word in self.words:
            either = Q()
            for name in field_names:
                either |= Q(**{f"{name}__icontains": word})
            condition &= either
        return condition


def matching_statements(statements, query):
    """The `statements` whose text answers `query` (all of them for none)."""
    if not query:
        return statements
    if not full_text_search():
        return statements.filter(query.written_in(["text"]))
    return statements.filter(query.matches())


def most_relevant_first(statements, query):
    """`statements` answering `query`, in the order the open data gives them: the RANKED
    published last most relevant first, then older ones, newest first (see above)."""
    statements = matching_statements(statements, query)
    newest_first = ["-published_at", "pk"]
    if not query or not full_text_search():
        return statements.order_by(*newest_first)
    newest = statements.order_by(*newest_first).values("pk")[:RANKED]
    rank = Case(When(pk__in=newest, then=query.rank()), default=Value(-1.0))
    return statements.annotate(rank=rank).order_by("-rank", *newest_first)


def matching_document_files(document_files, query):
    """The `document_files` whose text, or document's title or symbol, answers `query`, with
    the `bonus` in their rank of a title that answers."""
    if not query:
        return document_files.annotate(bonus=Value(0.0))
    if not full_text_search():
        return document_files.filter(query.written_in(["text", *DOCUMENT_TITLES])).annotate(
            bonus=Value(0.0)
        )
    # The titles' vectors (migration 0008) are small and few: read in a subquery, as is the
    # match of the files' text, answered from its index, so that the large vector of a document
    # file is only read when it matches.
    titled = Document.objects.filter(query.matches()).values("pk")
    by_text = DocumentFile.objects.filter(query.matches()).values("pk")
    title_bonus = Case(When(document__in=titled, then=Value(1.0)), default=Value(0.0))
    return document_files.filter(Q(pk__in=by_text) | Q(document__in=titled)).annotate(
        bonus=title_bonus
    )


@dataclass(frozen=True)
class Filters:
    """What the results are narrowed to; None or "" for no limit."""

    conference: int | None = None
    organization: int | None = None
    organization_kind: str = ""
    country: str = ""
    language: str = ""
    year_from: int | None = None
    year_to: int | None = None
    what: str = ""

    @property
    def about_delegations(self):
        """Whether only statements can answer: documents belong to no delegation."""
        return bool(self.organization or self.organization_kind or self.country)

    def statements(self, user):
        statements = Statement.objects.visible_to(user)
        narrowed = {
            "session__conference": self.conference,
            "organization": self.organization,
            "organization__kind": self.organization_kind,
            "organization__country": self.country,
            "language": self.language,
            "session__date__year__gte": self.year_from,
            "session__date__year__lte": self.year_to,
        }
        return statements.filter(**{name: value for name, value in narrowed.items() if value})

    def document_files(self, user):
        files = DocumentFile.objects.visible_to(user)
        narrowed = {
            "document__conference": self.conference,
            "language": self.language,
            "document__date__year__gte": self.year_from,
            "document__date__year__lte": self.year_to,
        }
        return files.filter(**{name: value for name, value in narrowed.items() if value})


def search(query, filters, user=None):
    """Rows (kind, pk, day, bonus) of what answers and `user` may see (what the public may,
    without one), unranked: see page_of()."""
    user = user or AnonymousUser()
    parts = []
    if filters.what in ("", STATEMENTS):
        statements = matching_statements(filters.statements(user), query)
        parts.append(
            statements.annotate(kind=Value(STATEMENTS), day=F("session__date"), bonus=Value(0.0))
        )
    if filters.what in ("", DOCUMENTS) and not filters.about_delegations:
        files = matching_document_files(filters.document_files(user), query)
        parts.append(files.annotate(kind=Value(DOCUMENTS), day=F("document__date")))
    rows = [part.order_by().values_list("kind", "pk", "day", "bonus") for part in parts]
    return rows[0].union(*rows[1:], all=True)


NEWEST_FIRST = "day DESC, pk DESC, kind"


def page_of(rows, query, number, per_page):
    """Page `number` of the `rows` search() found for `query`, each row (kind, pk, day).

    The newest RANKED rows come first, the most relevant first; older ones follow, newest
    first. Without a query, or without full text, every row comes newest first. The page is
    read and the rows counted in one query, which finds them once for both. A page past the
    last gives the last.
    """
    try:
        number = min(max(1, int(number)), LARGEST_PAGE)
    except (TypeError, ValueError):
        number = 1
    first, last = (number - 1) * per_page, number * per_page
    ranked = RANKED if query and full_text_search() else 0
    parts = []
    if first < ranked:
        sql, params = ranked_sql(query)
        parts.append(
            (
                f"SELECT * FROM (SELECT * FROM ({sql}) AS ranked"
                f" ORDER BY rank DESC, {NEWEST_FIRST} LIMIT %s OFFSET %s) AS most_relevant",
                [*params, min(last, ranked) - first, first],
            )
        )
    if last > ranked:
        start = max(first, ranked)
        parts.append(
            (
                "SELECT * FROM (SELECT 2 AS part, 0.0 AS rank, kind, pk, day FROM found"
                f" ORDER BY {NEWEST_FIRST} LIMIT %s OFFSET %s) AS older",
                [last - start, start],
            )
        )
    found_sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH found AS ({found_sql}),"
            f" newest AS (SELECT * FROM found ORDER BY {NEWEST_FIRST} LIMIT %s)"
            " SELECT total.count, page.kind, page.pk, page.day"
            " FROM (SELECT count(*) AS count FROM found) AS total"
            f" LEFT JOIN ({' UNION ALL '.join(sql for sql, _params in parts)}) AS page ON 1 = 1"
            " ORDER BY page.part, page.rank DESC, page.day DESC, page.pk DESC, page.kind",
            [*params, ranked, *(param for _sql, params in parts for param in params)],
        )
        found = cursor.fetchall()
    # Counted with the page's rows: the paginator need not count again. Paginator.count is a
    # cached_property, so the number set here is the one it keeps (tests/va_conference/
    # test_django_internals.py fails the day it is not).
    paginator = Paginator((), per_page)
    paginator.count = found[0][0]
    page = [row[1:] for row in found if row[1] is not None]
    if not page and number > paginator.num_pages:
        return page_of(rows, query, paginator.num_pages, per_page)
    page = Page(page, number, paginator)
    # How many of the newest results were ranked, when not all of them could be.
    page.ranked_newest = ranked if 0 < ranked < paginator.count else None
    return page


def ranked_sql(query):
    """(SQL, params): the `newest` rows of a page_of() query, with their `rank` for `query`."""
    tsquery, params = query.tsquery()
    parts = [
        f"SELECT 1 AS part, ts_rank(vectors.search_vector, {tsquery}) + newest.bonus AS rank,"
        " newest.kind, newest.pk, newest.day"
        f" FROM newest JOIN {model._meta.db_table} AS vectors"
        " ON newest.kind = %s AND vectors.id = newest.pk"
        for model in (Statement, DocumentFile)
    ]
    return " UNION ALL ".join(parts), [*params, STATEMENTS, *params, DOCUMENTS]
