"""The few private parts of Django the project relies on, each said where it is used: these
tests fail the day an upgrade changes them, rather than the project going wrong quietly."""

import functools
import inspect

import pytest
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.utils.functional import cached_property

from registrations.models import Registration
from va_conference.models import ChoiceLabels
from va_conference.page_cache import content_changed, count_change


def test_get_foo_display_still_calls_the_method_choice_labels_overrides():
    method = inspect.getattr_static(Registration, "get_status_display")
    assert isinstance(method, functools.partialmethod)
    assert method.func is ChoiceLabels._get_FIELD_display


@pytest.mark.django_db
def test_the_callbacks_waiting_for_the_commit_are_still_savepoints_callback_robust():
    with transaction.atomic():
        content_changed()
        content_changed()
        [(savepoints, callback, robust)] = connection.run_on_commit
        assert callback is count_change
        assert isinstance(savepoints, set)
        assert robust is False
        transaction.set_rollback(True)


def test_the_paginators_count_is_still_a_cached_property_one_may_set():
    assert isinstance(inspect.getattr_static(Paginator, "count"), cached_property)
    paginator = Paginator((), 10)
    paginator.count = 95
    assert paginator.num_pages == 10


@pytest.mark.django_db
def test_axes_still_gives_one_queryset_of_attempts_per_lockout_parameter_in_order(rf):
    # va_conference/sign_in_lockout.py pairs each parameter with its attempts to count each
    # against its own limit.
    from axes.models import AccessAttempt
    from django.utils import timezone

    from va_conference.sign_in_lockout import SignInFailures, lockout_parameters

    now = timezone.now()
    for username, address in [("organizer", "192.0.2.1"), ("admin", "192.0.2.1")]:
        AccessAttempt.objects.create(
            username=username,
            ip_address=address,
            user_agent="",
            failures_since_start=1,
            attempt_time=now,
        )
    AccessAttempt.objects.create(
        username="organizer",
        ip_address="192.0.2.9",
        user_agent="",
        failures_since_start=1,
        attempt_time=now,
    )
    request = rf.post("/admin/login/", REMOTE_ADDR="192.0.2.1")
    request.axes_ip_address, request.axes_user_agent = "192.0.2.1", ""
    request.axes_attempt_time = now
    credentials = {"username": "organizer"}
    attempts = SignInFailures().get_user_attempts(request, credentials)
    assert lockout_parameters(request, credentials) == [
        ["username", "ip_address"],
        "ip_address",
        "username",
    ]
    assert [queryset.count() for queryset in attempts] == [1, 2, 2]
