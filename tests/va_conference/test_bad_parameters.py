"""No query parameter, however wrong, makes a public page or the open data fail: each answers
400 or 404, or ignores the parameter, never 500."""

import pytest
from rest_framework.throttling import AnonRateThrottle

# Each request in its own transaction, as the site answers them: a query the database refuses
# must not spoil the requests after it.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.shared_parts]

BAD_VALUES = {
    "out of range": "99999999999999999999",
    "zero": "0",
    "negative": "-1",
    "far below zero": "-99999999999999999999",
    "not a number": "abc",
    "not a date": "2012-13-45",
    "a year no date has": "99999-01-01",
    "10,000 digits": "9" * 10_000,
    "10,000 characters of words": "word " * 2_000,
    "as many words as 200 characters hold": "a " * 100,
    "a null character": "\x00",
    "a number and a null character": "1\x00",
}

API = ["page", "page_size", "lang", "format"]
API_FILTERS = {
    "conferences": ["convention", "country", "starts_after", "starts_before"],
    "sessions": ["conference", "date_from", "date_to", "kind"],
    "statements": [
        "q",
        "conference",
        "session",
        "organization",
        "organization_kind",
        "country",
        "published_from",
        "published_to",
        "language",
    ],
    "documents": ["q", "conference", "date_from", "date_to", "kind"],
    "organizations": ["kind", "country", "has_va_obligations"],
}
SEARCH = [
    "q",
    "conference",
    "organization",
    "organization_kind",
    "country",
    "language",
    "year_from",
    "year_to",
    "what",
    "page",
]


def parameters_read(public_site):
    """{path: the query parameters it reads}; a page that reads none is sent `page`."""
    conference = f"/en/conferences/{public_site.conference.slug}"
    read = {path: ["page"] for path in public_site.pages}
    read.update(
        {
            "/en/statements/": SEARCH,
            f"{conference}/statements/": ["session", "organization", "language", "page"],
            f"{conference}/states/": ["sort", "order", "crpd", "delegation", "statement", "format"],
            "/api/v1/": API,
            "/api/v1/schema/": ["format", "lang"],
            "/api/v1/docs/": ["lang"],
        }
    )
    for endpoint, filters in API_FILTERS.items():
        for path in public_site.api_paths(endpoint):
            read[path] = API + filters
    return read


@pytest.fixture
def unthrottled(monkeypatch):
    # Thousands of requests in a minute.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": None})


def test_no_bad_query_parameter_breaks_a_public_page(client, public_site, unthrottled):
    client.raise_request_exception = False
    answers = {
        (path, name, value): client.get(path, {name: BAD_VALUES[value]}).status_code
        for path, names in parameters_read(public_site).items()
        for name in names
        for value in BAD_VALUES
    }
    assert {key: status for key, status in answers.items() if status not in (200, 400, 404)} == {}


@pytest.mark.parametrize(
    "number", ["99999999999999999999", "-1", "abc", "9" * 10_000, "%00", "1%00"]
)
def test_no_bad_number_in_an_address_breaks_a_page(client, public_site, unthrottled, number):
    client.raise_request_exception = False
    conference = f"/en/conferences/{public_site.conference.slug}"
    paths = [
        *(f"/api/v1/{endpoint}/{number}/" for endpoint in API_FILTERS),
        f"{conference}/statements/{number}/file/",
        f"{conference}/documents/files/{number}/",
    ]
    assert {path: client.get(path).status_code for path in paths} == dict.fromkeys(paths, 404)
