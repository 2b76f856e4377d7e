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
