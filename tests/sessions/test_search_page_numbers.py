"""A page number no search could reach gives the last page, as any page past the end does."""

import pytest

from tests.factories import StatementFactory

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]


@pytest.mark.parametrize("number", ["99999999999999999999", "9" * 4000])
def test_a_page_number_past_any_search_gives_the_last_page(client, number):
    statement = StatementFactory()
    response = client.get("/en/statements/", {"page": number})
    assert response.status_code == 200
    assert statement.organization.name in response.content.decode()
