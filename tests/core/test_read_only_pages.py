"""Public pages that only read answer GET and HEAD, and refuse any other method with 405."""

import pytest

pytestmark = pytest.mark.django_db


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
