"""The API answers its errors in JSON, as its schema says, even where Django answers for it; the
public site keeps its pages."""

import pytest

from api import views

pytestmark = pytest.mark.django_db


def test_an_address_under_the_api_that_names_nothing_answers_json(client):
    response = client.get("/api/v1/nothing-here/")
    assert (response.status_code, response["Content-Type"]) == (404, "application/json")
    assert response.json() == {"detail": "Not found."}


@pytest.mark.shared_parts
def test_a_thing_that_does_not_exist_answers_json(client):
    response = client.get("/api/v1/conferences/999999/")
    assert response.status_code == 404
    assert "detail" in response.json()


@pytest.mark.shared_parts
def test_a_server_error_in_the_api_answers_json(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("broken")

    monkeypatch.setattr(views.ConferenceViewSet, "list", broken)
    client.raise_request_exception = False
    response = client.get("/api/v1/conferences/")
    assert (response.status_code, response["Content-Type"]) == (500, "application/json")
    assert response.json() == {"detail": "A server error occurred."}


def test_the_public_site_keeps_its_pages(client):
    response = client.get("/en/nothing-here/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
