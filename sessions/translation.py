"""Content fields of the programme translated into the languages of the meetings."""

from modeltranslation.translator import TranslationOptions, register

from .models import Document, ProgrammeRelease, Room, Session


@register(Room)
class RoomTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("title", "description", "agenda_item")
    required_languages = {"en": ("title",)}


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("en",)


@register(ProgrammeRelease)
class ProgrammeReleaseTranslationOptions(TranslationOptions):
    fields = ("note",)
