"""A private link or a letter's reference holding characters no token has answers 404, on
PostgreSQL too, which refuses a NUL byte in a query with an error."""

import pytest
from django.urls import reverse

from letters import issuing
from registrations.models import Registration
from tests.letters.conftest import asking, conference, jordan  # noqa: F401 - fixtures


@pytest.mark.parametrize(
    "path",
    [
        "/en/registrations/%00/",
        "/en/registrations/%00/visa/",
        "/en/registrations/%00/floor/",
        "/en/registrations/a%2Fb/change/",
        "/en/delegations/%00/",
        "/en/delegations/%00/floor/",
        "/en/documents/%00/",
        "/en/documents/" + "%C3%A9" * 20 + "/",
    ],
)
def test_a_token_of_other_characters_is_not_found(client, db, path):
    assert client.get(path).status_code == 404


def test_a_reference_of_other_characters_is_not_found(client, asking):  # noqa: F811
    issuing.issue_visa_letters(Registration.objects.all())
    base = reverse("registration_detail", args=[asking.token])

    assert client.get(f"{base}letters/%00/").status_code == 404
    assert client.get(f"{base}letters/{'x' * 5000}/").status_code == 404
