"""Names print as they read: the invisible control and direction-format characters a name may
carry are taken out as the form reads it."""

import pytest

from registrations.models import Registration
from tests.registrations.conftest import answers

pytestmark = pytest.mark.django_db


@pytest.mark.shared_parts
def test_names_lose_control_and_bidi_format_characters(client, conference, jordan):
    response = client.post(
        f"/en/conferences/{conference.slug}/register/",
        answers(jordan, given_name="Am\u202eina", family_name="Had\u0007dad\u200b"),
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.given_name, registration.family_name) == ("Amina", "Haddad")


@pytest.mark.shared_parts
def test_a_name_of_invisible_characters_alone_is_refused(client, conference, jordan):
    response = client.post(
        f"/en/conferences/{conference.slug}/register/",
        answers(jordan, given_name="\u202e\u2066"),
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Registration.objects.exists()


def test_joiners_that_shape_a_persian_name_are_kept():
    from va_conference.forms import printable

    assert printable("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645") == (
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    )
