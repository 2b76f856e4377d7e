"""Public pages that only read answer GET and HEAD, and refuse any other method with 405; the
open data answers OPTIONS too, with a description of each list."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]


def test_every_read_only_page_answers_get_and_head(client, public_site):
    answers = {
        path: (client.get(path).status_code, client.head(path).status_code)
        for path in public_site.pages
    }
    assert answers == dict.fromkeys(public_site.pages, (200, 200))


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_every_read_only_page_refuses_other_methods(client, public_site, method):
    answers = {path: getattr(client, method)(path).status_code for path in public_site.pages}
    assert answers == dict.fromkeys(public_site.pages, 405)


def test_options_are_refused_but_by_the_open_datas_lists_and_things(client, public_site):
    described = {*public_site.api_lists, *public_site.api_details, "/api/v1/", "/api/v1/schema/"}
    answers = {path: client.options(path).status_code for path in public_site.pages}
    assert answers == {path: 200 if path in described else 405 for path in public_site.pages}
