"""The columns of translated fields, one per language of the site (settings.LANGUAGES, through
django-modeltranslation): adding a language is a change of the settings and a catalogue."""

from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname


def in_every_language(*fields):
    """("name_en", "name_fr", ...) for "name": each field's column in each language."""
    return tuple(
        build_localized_fieldname(field, language)
        for field in fields
        for language in AVAILABLE_LANGUAGES
    )
