"""The Oslo meeting of the demonstration has its programme as first issued and a Rev.1, whose
changelog says the closing session moved."""

import pytest
from django.urls import reverse

from demo.loader import load_demo
from sessions import releases
from sessions.models import ProgrammeRelease
from va_conference.models import Conference

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]


def test_oslo_has_a_revision_and_its_changelog(client, demo):
    oslo = Conference.objects.get(slug="3msp-oslo-2012")
    [(rev1, changes), (original, first)] = releases.history(oslo)
    assert (rev1.name, original.name, first) == ("Rev.1", "Original", None)
    assert [(change.kind, change.session.slug) for change in changes] == [("moved", "closing")]
    assert releases.pending(oslo) == []
    page = client.get(reverse("programme_changes", args=[oslo.slug])).content.decode()
    assert "The closing session starts at 11:00" in page
    programme = client.get(reverse("programme", args=[oslo.slug])).content.decode()
    assert "This is version Rev.1 of the programme" in programme
    load_demo()
    assert ProgrammeRelease.objects.filter(conference=oslo).count() == 2
    assert releases.pending(oslo) == []
