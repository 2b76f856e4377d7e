"""Benchmark: the search across every meeting's statements, at 50,000 statements.

Loads 30 conferences of 50,000 published statements in English, French, Spanish and Arabic
(300 words each by default, a short statement, drawn from each language's words of these
meetings, some rarer than others) and 1,200 document files into a scratch database. Then, for
a few searches a visitor makes, it prints the median time of the search's database queries (the
page of results with their count, then the results with their excerpts) and of the whole page,
and the query plan of the match, which should read the GIN index. A search finding more than
search.RANKED results ranks the newest of them; the bench's most common phrase is in seven
statements in ten.
It then times a page of the open-data API (/api/v1/) on the same archive, searched and not.

    .venv/bin/python bench/search.py --postgres      # the target: scratch PostgreSQL database
    .venv/bin/python bench/search.py                 # scratch SQLite file (plainer matching)
    .venv/bin/python bench/search.py --postgres --words 600   # statements of 4-5 minutes

The texts and search vectors of statements are kept out of their table's rows (migration
programme 0009), so a search that finds most statements reads a narrow table whatever the
length of a statement; --words shows it.

The scratch database is created and dropped by the script; nothing else is touched.
"""

import argparse
import datetime
import random
import statistics
import time
import urllib.parse

from harness import measure, scratch_database

STATEMENTS = 50_000
CONFERENCES = 30
SESSIONS_PER_CONFERENCE = 12
WORDS_PER_STATEMENT = 300
WORDS_PER_DOCUMENT = 3000
ROUNDS = 15
TARGET_MS = 100
WORDS = {
    "en": "victim assistance survivors landmines cluster munitions rehabilitation "
    "psychological support economic inclusion persons with disabilities data collection "
    "national plan coordination focal point health services prosthetics employment "
    "education community rights convention implementation progress challenges funding "
    "international cooperation the of and to in a for on we our State Party report",
    "fr": "assistance aux victimes survivants mines antipersonnel armes à sous-munitions "
    "réadaptation soutien psychologique inclusion économique personnes "
    "collecte de données plan national coordination services de santé prothèses emploi "
    "éducation communauté droits convention mise en œuvre progrès défis financement "
    "coopération internationale le la les des et pour nous notre État partie rapport",
    "es": "asistencia a las víctimas sobrevivientes minas antipersonal municiones en "
    "racimo rehabilitación apoyo psicológico inclusión económica personas con discapacidad "
    "recopilación de datos plan nacional coordinación servicios de salud prótesis empleo "
    "educación comunidad derechos convención aplicación progresos desafíos financiación "
    "cooperación internacional el la los las y para nosotros nuestro Estado parte",
    "ar": "مساعدة الضحايا الناجين الألغام الذخائر العنقودية إعادة التأهيل الدعم النفسي "
    "الإدماج الاقتصادي الأشخاص ذوي الإعاقة جمع البيانات الخطة الوطنية التنسيق الخدمات "
    "الصحية الأطراف الاصطناعية العمل التعليم المجتمع الحقوق الاتفاقية التنفيذ التقدم "
    "التحديات التمويل التعاون الدولي في من على إلى الدولة الطرف التقرير",
}
VOCABULARY = {language: words.split() for language, words in WORDS.items()}
LANGUAGES = ["en"] * 5 + ["fr"] * 2 + ["es"] * 2 + ["ar"]
# Words one statement in so many holds, so that searches range from rare to very common.
OCCASIONAL = {
    "en": [("CRPD", 40)],
    "fr": [("handicapées", 3), ("Norvège", 40)],
    "es": [("Cartagena", 40)],
    "ar": [("الأردن", 40)],
}
SEARCHES = {
    "a common phrase": {"q": "victim assistance"},
    "a French word, inflected": {"q": "handicapé"},
    "a rare word": {"q": "CRPD"},
    "an Arabic word": {"q": "الناجين"},
    "words and two filters": {
        "q": "rehabilitation",
        "organization_kind": "state",
        "year_from": "2015",
    },
    "filters only, newest first": {"language": "es", "year_to": "2010"},
}
# The same archive as data: a page of the API's default size.
API_PATHS = {
    "statements, a common phrase": "/api/v1/statements/?q=victim+assistance",
    "statements, a rare word": "/api/v1/statements/?q=CRPD",
    "statements, newest first": "/api/v1/statements/",
    "documents, newest first": "/api/v1/documents/",
}


def parse_arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL on 127.0.0.1:5432")
    parser.add_argument(
        "--words", type=int, default=WORDS_PER_STATEMENT, help="words in each statement"
    )
    return parser.parse_args()


def load_archive(words):
    """CONFERENCES conferences of STATEMENTS statements and their documents (bulk_create)."""
    from django_countries import countries

    from sessions.models import Document, DocumentFile, Session, Statement
    from va_conference.models import Conference, Organization, OrganizationKind

    generator = random.Random(2012)
    conferences = Conference.objects.bulk_create(
        Conference(
            slug=f"msp-{year}",
            title_en=f"Meeting of States Parties {year}",
            short_name_en=f"MSP{year}",
            reference_prefix="MSP",
            city_en="Geneva",
            country="CH",
            start_date=datetime.date(year, 9, 10),
            end_date=datetime.date(year, 9, 13),
            is_published=True,
        )
        for year in range(2026 - CONFERENCES, 2026)
    )
    sessions = Session.objects.bulk_create(
        Session(
            conference=conference,
            slug=f"session-{number}",
            title_en=f"Session {number}",
            date=conference.start_date + datetime.timedelta(days=number % 3),
            start_time=datetime.time(10 + number % 6, 0),
            end_time=datetime.time(11 + number % 6, 0),
        )
        for conference in conferences
        for number in range(SESSIONS_PER_CONFERENCE)
    )
    kinds = [OrganizationKind.STATE] * 3 + [OrganizationKind.NGO, OrganizationKind.DISABILITY]
    codes = [country.code for country in countries]
    organizations = Organization.objects.bulk_create(
        Organization(name_en=f"Delegation {number}", kind=kinds[number % 5], country=codes[number])
        for number in range(160)
    )
    for start in range(0, STATEMENTS, 5000):
        Statement.objects.bulk_create(
            statement(generator, number, sessions, organizations, words)
            for number in range(start, min(start + 5000, STATEMENTS))
        )
    documents = Document.objects.bulk_create(
        Document(
            conference=conference,
            title_en=f"Progress report {number} on victim assistance",
            kind="progress_report",
            date=conference.end_date,
            is_published=True,
        )
        for conference in conferences
        for number in range(10)
    )
    DocumentFile.objects.bulk_create(
        DocumentFile(
            document=document,
            language=language,
            file=f"documents/bench-{document.pk}-{language}.pdf",
            size=1000,
            checksum=f"{document.pk:060d}{language}00",
            text=text(generator, language, WORDS_PER_DOCUMENT),
        )
        for document in documents
        for language in ("en", "fr", "es", "ar")
    )


def statement(generator, number, sessions, organizations, words):
    from sessions.models import Statement

    language = LANGUAGES[number % len(LANGUAGES)]
    return Statement(
        session=sessions[number % len(sessions)],
        organization=organizations[number % len(organizations)],
        language=language,
        file=f"statements/bench-{number}.pdf",
        size=1000,
        checksum=f"{number:064d}",
        text=text(generator, language, words),
        is_published=number % 50 != 0,
    )


def text(generator, language, count):
    words = generator.choices(VOCABULARY[language], k=count)
    for word, one_in in OCCASIONAL[language]:
        if generator.randrange(one_in) == 0:
            words[generator.randrange(count)] = word
    return " ".join(words)


def explain(query_text):
    """The plan PostgreSQL chooses to find the statements matching `query_text`."""
    from django.db import connection

    from sessions import search
    from sessions.models import Statement

    statements = Statement.objects.order_by()
    found = search.matching_statements(statements, search.Query(query_text))
    sql, params = found.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return [row[0] for row in cursor.fetchall()]


def database_time(parameters):
    """Median milliseconds of the search's queries, as the page makes them, and their count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sessions import excerpts, search
    from sessions.views import RESULTS_PER_PAGE

    def run():
        filters = search.Filters(
            organization_kind=parameters.get("organization_kind", ""),
            language=parameters.get("language", ""),
            year_from=int(parameters["year_from"]) if "year_from" in parameters else None,
            year_to=int(parameters["year_to"]) if "year_to" in parameters else None,
        )
        query = search.Query(parameters.get("q", ""))
        page = search.page_of(search.search(query, filters), query, 1, RESULTS_PER_PAGE)
        return page.paginator.count, excerpts.results(page.object_list, query)

    run()
    timings = []
    for _round in range(ROUNDS):
        began = time.perf_counter()
        count, _results = run()
        timings.append(time.perf_counter() - began)
    with CaptureQueriesContext(connection) as captured:
        run()
    return statistics.median(timings) * 1000, len(captured), count


def choices_time():
    """Median milliseconds to read the conferences, delegations, countries and years offered."""
    from sessions.forms import read_search_choices

    timings = []
    for _round in range(ROUNDS):
        began = time.perf_counter()
        read_search_choices()
        timings.append(time.perf_counter() - began)
    return statistics.median(timings) * 1000


def main():
    arguments = parse_arguments()
    # Many requests from one address: the anonymous rate limit would refuse them.
    with scratch_database(arguments.postgres, API_ANONYMOUS_RATE="100000/minute"):
        run(arguments.words)


def run(words):
    from django.db import connection
    from django.test import Client

    began = time.perf_counter()
    load_archive(words)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # As autovacuum leaves a table after a bulk load: statistics, visibility map.
            cursor.execute("VACUUM ANALYZE")
    print(
        f"database: {connection.vendor}; {STATEMENTS:,} statements of {words} words"
        f" in {CONFERENCES} conferences"
    )
    print(f"  created in {time.perf_counter() - began:.0f} s")
    client = Client()
    print(f"{'search':<28} {'results':>8} {'queries ms':>11} {'queries':>8} {'page ms':>8}")
    medians = []
    for label, parameters in SEARCHES.items():
        milliseconds, queries, count = database_time(parameters)
        path = "/en/statements/?" + urllib.parse.urlencode(parameters)
        page_milliseconds, _page_queries = measure(client, path, ROUNDS)
        medians.append(milliseconds)
        print(
            f"{label:<28} {count:>8,} {milliseconds:>11.1f} {queries:>8} {page_milliseconds:>8.1f}"
        )
    verdict = "met" if max(medians) < TARGET_MS else "NOT met"
    print(f"target: results under {TARGET_MS} ms at {STATEMENTS:,} statements: {verdict}")
    print(f"{'API':<28} {'queries':>8} {'ms':>8}")
    for label, path in API_PATHS.items():
        milliseconds, queries = measure(client, path, ROUNDS)
        print(f"{label:<28} {queries:>8} {milliseconds:>8.1f}")
    print(
        "the lists to filter by, read once a minute rather than for each page:"
        f" {choices_time():.1f} ms"
    )
    if connection.vendor == "postgresql":
        plan = explain("CRPD")
        uses_index = any("programme_statement_search" in line for line in plan)
        print("plan of the match (CRPD):")
        for line in plan:
            print(f"  {line}")
        print(f"the match reads the GIN index: {'yes' if uses_index else 'NO'}")


if __name__ == "__main__":
    main()
