"""A model mixin for choices: get_FOO_display() that translates only the label it shows."""

import functools

from django.utils.encoding import force_str


@functools.cache
def choice_labels(field):
    """{value: label} of a model field's choices, the labels untranslated until shown."""
    return dict(field.flatchoices)


class ChoiceLabels:
    """Models whose get_FOO_display() translates the one label it shows.

    Django's own translates every label of the field's choices to look one up: a page listing
    sessions paid for all the kinds of session, for each session.
    """

    # Django's private hook: get_FOO_display() is partialmethod(_get_FIELD_display). No public
    # way changes how it finds the label; tests/va_conference/test_django_internals.py fails the
    # day an upgrade stops calling it.
    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        return force_str(choice_labels(field).get(value, value), strings_only=True)
