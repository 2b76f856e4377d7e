"""What a browser and a messaging app read of a page besides its content: the site's icon, a
description of every public page, and a conference's card (its title, place and dates)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def meta(page, attribute, name):
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', page)
    return found and found.group(1)


def test_the_favicon_browsers_ask_for_is_the_sites_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")
    assert '<link rel="icon"' in client.get("/en/").content.decode()


@pytest.mark.shared_parts
def test_every_public_page_has_a_description(client, public_site):
    for path in public_site.pages:
        response = client.get(path)
        if response["Content-Type"].startswith("text/html") and path.startswith("/en/"):
            assert meta(response.content.decode(), "name", "description"), path


@pytest.mark.shared_parts
def test_a_conferences_pages_carry_its_card_in_the_visitors_language(client, public_site):
    conference = public_site.conference
    conference.title_fr = "Conférence de démonstration"
    conference.save()
    page = client.get(f"/fr/conferences/{conference.slug}/programme/").content.decode()
    assert meta(page, "property", "og:title") == "Conférence de démonstration"
    assert conference.city in meta(page, "property", "og:description")
    assert conference.city in meta(page, "name", "description")
