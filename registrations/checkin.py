"""Checking delegates in at the venue: finding them fast, and counting who came each day."""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from .models import Attendance, Registration

RESULTS = 25


def conference_of_the_day(conferences):
    """The conference under way, else the next one, else the latest one (`conferences` newest
    first)."""
    today = timezone.localdate()
    under_way = [c for c in conferences if c.start_date <= today <= c.end_date]
    upcoming = sorted((c for c in conferences if c.start_date > today), key=lambda c: c.start_date)
    return (under_way or upcoming or conferences or [None])[0]


def find(conference, query):
    """Registrations of `conference` whose reference is `query` (as a scanner types it), or
    whose delegate's name or e-mail contains it; the exact reference first."""
    today = timezone.localdate(timezone=conference.tzinfo)
    words = query.split()
    by_name = Q()
    for word in words:
        by_name &= (
            Q(given_name__icontains=word)
            | Q(family_name__icontains=word)
            | Q(delegate__email__icontains=word)
        )
    exact = Q(reference__iexact=query)
    found = list(
        Registration.objects.filter(conference=conference)
        .filter(exact | by_name)
        .select_related("delegate", "organization")
        .annotate(
            present_today=Exists(Attendance.objects.filter(registration=OuterRef("pk"), day=today))
        )
        .order_by("family_name", "given_name")[:RESULTS]
    )
    found.sort(key=lambda registration: registration.reference.casefold() != query.casefold())
    return found


def present_per_day(conference):
    """[(day, number of delegates checked in)] for each day anyone was."""
    return list(
        Attendance.objects.filter(registration__conference=conference)
        .values_list("day")
        .annotate(count=Count("pk"))
        .order_by("day")
    )
