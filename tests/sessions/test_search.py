"""The search across every meeting's published statements and documents (`statements/`)."""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection

from sessions import search
from sessions.models import Document, DocumentFile, Statement
from sessions.views import RESULTS_PER_PAGE
from tests.factories import (
    ConferenceFactory,
    OrganizationFactory,
    SessionFactory,
    StateFactory,
    StatementFactory,
    odt_bytes,
    pdf_bytes,
)
from va_conference.models import OrganizationKind

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]
postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"
)


def statement(text, *, language="en", file=None, **fields):
    return StatementFactory(
        language=language,
        file=ContentFile(file or pdf_bytes(text), name="statement.pdf"),
        **fields,
    )


def find(client, page_language="en", **parameters):
    return client.get(f"/{page_language}/statements/", parameters)


def found(response):
    """The headings of the results, as a visitor reads them."""
    html = response.content.decode()
    headings = re.findall(r'<li class="search-result">\s*<h3[^>]*>(.*?)</h3>', html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", "", heading).split()) for heading in headings]


@pytest.fixture
def geneva():
    return ConferenceFactory(
        slug="3msp",
        short_name_en="3MSP",
        start_date=datetime.date(2012, 9, 11),
        end_date=datetime.date(2012, 9, 14),
    )


@pytest.fixture
def amman():
    return ConferenceFactory(
        slug="amman",
        short_name_en="Amman",
        start_date=datetime.date(2025, 4, 7),
        end_date=datetime.date(2025, 4, 9),
    )


@postgresql
def test_a_french_statement_is_found_by_another_form_of_its_words(client, geneva):
    france = StateFactory(name_en="France", country="FR")
    statement(
        "Les personnes handicapees et les survivants",
        language="fr",
        file=odt_bytes("Les personnes handicapées et les survivants des mines."),
        organization=france,
        session=SessionFactory(conference=geneva),
    )
    statement("Landmine survivors", organization=StateFactory(name_en="Norway", country="NO"))

    response = find(client, q="handicapé")

    assert found(response) == ["France"]
    assert "<mark>handicapées</mark>" in response.content.decode()


@postgresql
def test_an_arabic_statement_is_found_by_an_arabic_word(client):
    jordan = StateFactory(name_en="Jordan", country="JO")
    statement(
        "",
        language="ar",
        file=odt_bytes("تلتزم الدولة بتقديم المساعدة إلى الناجين من الألغام."),
        organization=jordan,
    )
    statement("Assistance to survivors", organization=StateFactory(name_en="Iraq", country="IQ"))

    response = find(client, "ar", q="الناجين")

    assert found(response) == ["Jordan"]
    html = response.content.decode()
    assert '<p class="excerpt" lang="ar" dir="auto">' in html
    assert "<mark>الناجين</mark>" in html


def test_every_word_is_found_without_full_text_search(client, monkeypatch):
    """The plainer matching of databases without full-text search, here run on this one."""
    monkeypatch.setattr(search, "full_text_search", lambda: False)
    statement(
        "",
        file=odt_bytes("Victim assistance & the CRPD"),
        organization=StateFactory(name_en="Chile"),
    )
    statement("Victim assistance", organization=StateFactory(name_en="Peru"))

    response = find(client, q="crpd victim")

    assert found(response) == ["Chile"]
    assert "<mark>Victim</mark> assistance &amp; the <mark>CRPD</mark>" in response.content.decode()


@pytest.mark.parametrize("full_text", [True, False])
def test_filters_combine(client, monkeypatch, geneva, amman, full_text):
    if full_text and connection.vendor != "postgresql":
        pytest.skip("full-text search is PostgreSQL's")
    monkeypatch.setattr(search, "full_text_search", lambda: full_text)
    norway = StateFactory(name_en="Norway", country="NO")
    network = OrganizationFactory(name_en="Survivor Network", kind=OrganizationKind.SURVIVORS)
    in_geneva = SessionFactory(conference=geneva)
    in_amman = SessionFactory(conference=amman)
    for session in (in_geneva, in_amman):
        for organization in (norway, network):
            for language, words in (("en", "rehabilitation"), ("fr", "réadaptation")):
                statement(
                    f"{words} {organization.name_en} {session.conference.short_name_en}",
                    language=language,
                    session=session,
                    organization=organization,
                )

    assert len(found(find(client, q="rehabilitation"))) == 4
    assert found(find(client, q="rehabilitation", organization_kind="state")) == ["Norway"] * 2
    only = find(client, q="rehabilitation", organization_kind="state", conference=amman.pk)
    assert found(only) == ["Norway"]
    assert found(find(client, country="NO", year_from=2025, language="fr")) == ["Norway"]
    assert found(find(client, organization=network.pk, year_to=2012, language="en")) == [
        "Survivor Network"
    ]


def test_drafts_never_appear(client, geneva):
    hidden = [
        statement("Unpublished mine action", is_published=False),
        statement("Private mine action", session=SessionFactory(is_public=False)),
        statement(
            "Unpublished conference mine action",
            session=SessionFactory(conference=ConferenceFactory(is_published=False)),
        ),
    ]
    draft = Document.objects.create(
        conference=geneva,
        title_en="Draft mine action report",
        kind="final_report",
        date=geneva.start_date,
        is_published=False,
    )
    DocumentFile.objects.create(
        document=draft, language="en", file=ContentFile(pdf_bytes("Mine action"), name="d.pdf")
    )
    visible = statement("Published mine action", organization=StateFactory(name_en="Albania"))

    for parameters in ({"q": "mine action"}, {"q": "unpublished"}, {}):
        response = find(client, **parameters)
        html = response.content.decode()
        assert "Draft mine action report" not in html
        for statement_row in hidden:
            assert f"/statements/{statement_row.pk}/file/" not in html
    assert found(find(client, q="mine")) == ["Albania"]
    assert f"/statements/{visible.pk}/file/" in find(client, q="mine").content.decode()


@pytest.mark.parametrize("full_text", [True, False])
def test_documents_are_found_by_title_symbol_and_text(client, monkeypatch, geneva, full_text):
    if full_text and connection.vendor != "postgresql":
        pytest.skip("full-text search is PostgreSQL's")
    monkeypatch.setattr(search, "full_text_search", lambda: full_text)
    report = Document.objects.create(
        conference=geneva,
        symbol="CCM/MSP/2012/5",
        title_en="Geneva Progress Report",
        title_fr="Rapport de situation de Genève",
        kind="progress_report",
        date=geneva.start_date,
        is_published=True,
    )
    for language, text in (("en", "Clearance deadlines"), ("fr", "Délais de dépollution")):
        DocumentFile.objects.create(
            document=report, language=language, file=ContentFile(odt_bytes(text), name="r.odt")
        )
    statement("A progress report from the floor", organization=StateFactory(name_en="Chad"))

    by_title = found(find(client, q="situation", what="document"))
    assert by_title == ["Geneva Progress Report (CCM/MSP/2012/5)"] * 2
    assert len(found(find(client, q="CCM/MSP/2012/5"))) == 2
    by_text = find(client, q="dépollution")
    assert found(by_text) == ["Geneva Progress Report (CCM/MSP/2012/5)"]
    assert 'hreflang="fr"' in by_text.content.decode()
    # A delegation's filter leaves the documents out: they belong to none.
    assert found(find(client, q="progress", organization_kind="state")) == ["Chad"]


def test_a_year_range_backwards_is_refused_with_the_filters_kept(client, geneva, amman):
    response = find(client, q="survivors", year_from=2025, year_to=2012)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in html
    assert "Choose a year after the first one, or the same year." in html
    assert 'value="survivors"' in html


def test_a_delegation_published_a_moment_ago_can_be_chosen_at_once(client):
    statement("Survivors", organization=StateFactory(name_en="Norway"))
    assert "Norway" in find(client).content.decode()  # the lists are read, and kept a minute
    chile = StateFactory(name_en="Chile", country="CL")
    statement("Survivors of Chile", organization=chile)

    response = find(client, organization=chile.pk)

    assert "Select a valid choice" not in response.content.decode()
    assert found(response) == ["Chile"]
    assert f'<option value="{chile.pk}" selected>Chile</option>' in response.content.decode()


def test_a_choice_nobody_offers_is_refused_with_the_filters_kept(client):
    statement("Survivors", organization=StateFactory(name_en="Norway"))

    response = find(client, q="survivors", organization=999999)

    html = response.content.decode()
    assert "<title>Error:" in html
    assert "Select a valid choice" in html
    assert 'value="survivors"' in html


def test_text_from_a_file_is_shown_as_text_never_as_markup(client, monkeypatch):
    monkeypatch.setattr(search, "full_text_search", lambda: False)
    statement("", file=odt_bytes("Survivors <script>alert(1)</script>"))

    html = find(client, q="survivors").content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_page_is_in_the_visitors_language(client):
    statement("Victim assistance", organization=StateFactory(name_en="Norway", name_fr="Norvège"))

    html = find(client, "fr", q="assistance").content.decode()

    assert "<h3" in html and "Norvège" in html
    assert 'lang="fr"' in html


def test_the_number_of_queries_does_not_grow_with_the_results(
    client, django_assert_max_num_queries, geneva
):
    def document(number):
        report = Document.objects.create(
            conference=geneva,
            title_en=f"Report {number} on survivors",
            kind="final_report",
            date=geneva.start_date,
            is_published=True,
        )
        DocumentFile.objects.create(
            document=report,
            language="en",
            file=ContentFile(pdf_bytes(f"Survivors {number}"), name="report.pdf"),
        )

    statement("Survivors")
    document(0)
    with django_assert_max_num_queries(6):
        assert len(found(find(client, q="survivors"))) == 2
    for number in range(1, 25):
        statement(f"Survivors {number}")
        document(number)
    with django_assert_max_num_queries(6):
        assert len(found(find(client, q="survivors"))) == RESULTS_PER_PAGE
    with django_assert_max_num_queries(6):
        assert len(found(find(client))) == RESULTS_PER_PAGE


@postgresql
def test_the_search_can_be_answered_from_the_index(geneva):
    statement("Survivors", session=SessionFactory(conference=geneva))
    found = search.matching_statements(Statement.objects.all(), search.Query("survivors"))
    sql, params = found.query.sql_with_params()
    with connection.cursor() as cursor:
        # With a few rows a sequential scan is cheaper; forbid it to see whether the index serves.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "programme_statement_search" in plan


@postgresql
def test_the_text_of_a_long_statement_is_kept_out_of_its_row(client):
    """The text and its vector live out of the row: a search reads narrow rows."""
    words = " ".join(["survivors rehabilitation inclusion employment"] * 100)
    long_statement = statement(words, organization=StateFactory(name_en="Norway"))

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltoastrelid::regclass FROM pg_class"
            " WHERE oid = 'programme_statement'::regclass"
        )
        (apart,) = cursor.fetchone()
        # What this test wrote: the values of rows other tests wrote were rolled back.
        cursor.execute(f"SELECT count(DISTINCT chunk_id) FROM {apart}")
        (values_apart,) = cursor.fetchone()
    assert len(long_statement.text) > 2000
    assert values_apart >= 2  # the text and its vector, as each save left them
    assert found(find(client, q="rehabilitation")) == ["Norway"]


def test_results_come_a_page_at_a_time_and_a_page_past_the_end_gives_the_last(client):
    for number in range(RESULTS_PER_PAGE + 5):
        statement(f"Survivors {number}", organization=StateFactory(name_en=f"State {number}"))

    assert len(found(find(client, q="survivors", page=2))) == 5
    past_the_end = find(client, q="survivors", page=99)
    assert len(found(past_the_end)) == 5
    assert "page 2 of 2" in past_the_end.content.decode()
    assert len(found(find(client, q="survivors", page="x"))) == RESULTS_PER_PAGE


@postgresql
def test_the_newest_results_are_ranked_and_older_ones_follow_newest_first(client, monkeypatch):
    """A search that finds more than search.RANKED results ranks the newest of them only."""
    monkeypatch.setattr(search, "RANKED", 2)
    conference = ConferenceFactory(
        start_date=datetime.date(2024, 11, 25), end_date=datetime.date(2024, 11, 29)
    )
    # The oldest statements say "survivors" most, the newest but one more than the newest.
    for day, times in ((25, 5), (26, 4), (27, 3), (28, 2), (29, 1)):
        statement(
            " ".join(["survivors"] * times + ["and other words"] * 6),
            organization=StateFactory(name_en=f"State of the {day}th"),
            session=SessionFactory(conference=conference, date=datetime.date(2024, 11, day)),
        )

    response = find(client, q="survivors")

    newest_ranked = ["State of the 28th", "State of the 29th"]
    older = ["State of the 27th", "State of the 26th", "State of the 25th"]
    assert found(response) == newest_ranked + older
    assert "The 2 newest results come first, the most relevant first" in response.content.decode()
    # A page across the two parts, and a page past them.
    query = search.Query("survivors")
    rows = search.search(query, search.Filters())
    pages = [search.page_of(rows, query, number, 3) for number in (1, 2)]
    statements = {
        statement.pk: statement.organization.name for statement in Statement.objects.all()
    }
    assert [statements[pk] for page in pages for _kind, pk, _day in page] == newest_ranked + older
    # When every result can be ranked, all are, and nothing is said about it.
    monkeypatch.setattr(search, "RANKED", 5)
    response = find(client, q="survivors")
    assert found(response) == [f"State of the {day}th" for day in (25, 26, 27, 28, 29)]
    assert "newest results come first" not in response.content.decode()
