"""The open data's search takes a query as long as the search page does, and says so beyond."""

import pytest

from tests.factories import StatementFactory

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]


@pytest.mark.parametrize("endpoint", ["statements", "documents"])
def test_a_query_longer_than_the_search_takes_is_refused_with_the_reason(client, endpoint):
    StatementFactory()
    response = client.get(f"/api/v1/{endpoint}/", {"q": "word " * 2000})
    assert response.status_code == 400
    assert "at most 200 characters" in response.json()["q"][0]


def test_a_query_of_200_characters_is_searched(client):
    StatementFactory()
    response = client.get("/api/v1/statements/", {"q": "a " * 100})
    assert response.status_code == 200


def test_the_schema_says_how_long_a_query_may_be(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    [query] = [
        parameter
        for parameter in schema["paths"]["/api/v1/statements/"]["get"]["parameters"]
        if parameter["name"] == "q"
    ]
    assert query["schema"]["maxLength"] == 200
