"""The registration form asks only what the conference has to offer: no section about sessions
before any session is public."""

import pytest

from tests.factories import SessionFactory, conference_open_for_registration

pytestmark = pytest.mark.django_db


def test_no_sessions_section_before_any_session_is_public(client):
    conference = conference_open_for_registration(slug="workshop-2031")
    SessionFactory(conference=conference, is_public=False, title_en="Draft session")
    page = client.get(f"/en/conferences/{conference.slug}/register/").content.decode()
    assert "Sessions you will attend" not in page and "<legend>Sessions" not in page

    SessionFactory(conference=conference, title_en="Opening")
    page = client.get(f"/en/conferences/{conference.slug}/register/").content.decode()
    assert "Sessions you will attend" in page and "Opening" in page
