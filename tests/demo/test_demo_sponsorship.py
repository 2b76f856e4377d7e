"""The Amman conference of the demonstration runs a sponsorship programme: funds, rates,
candidates, and offers with their tickets, check-ins and a no-show, which the report counts."""

import pytest

from demo.loader import load_demo
from sponsorship import candidates
from sponsorship import report as donors
from sponsorship.models import Ticket
from va_conference.models import Conference

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]


def test_amman_has_a_sponsorship_programme_with_its_candidates(demo):
    amman = Conference.objects.get(slug="amman-2019")
    assert amman.sponsorship_budget.currency == "CHF"
    assert candidates.funds_total(amman) == 67000
    rows = candidates.candidates(amman)
    assert rows and any(row.cost is not None for row in rows)
    # The report to donors: 4 offered, 3 accepted, 2 came (one for a day), 1 did not come.
    made = donors.report(amman)
    assert (made.total.offered, made.total.accepted, made.total.lapsed) == (4, 3, 1)
    assert (made.total.attended, made.total.came_for_part, made.total.no_show) == (2, 1, 1)
    assert made.total.paid == 1850 + 960 + 1320 + 240 + 1480
    [absent] = made.no_shows
    assert absent.offer.absence_reason == "Her visa was not issued in time."
    ticket = Ticket.objects.get(offer__registration__delegate__email__startswith="somphone")
    assert ticket.file.storage.exists(ticket.file.name)
    load_demo()
    assert amman.funds.count() == 2
    assert donors.report(amman).total.offered == 4
    assert Ticket.objects.count() == 3
    ticket.refresh_from_db()
    assert ticket.file.storage.exists(ticket.file.name)
