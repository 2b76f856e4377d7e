"""Content fields translated into the languages of the meetings (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Conference, Organization, Update


@register(Conference)
class ConferenceTranslationOptions(TranslationOptions):
    fields = ("title", "short_name", "description", "venue", "city")
    required_languages = {"en": ("title", "short_name", "city")}


@register(Organization)
class OrganizationTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(Update)
class UpdateTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = {"en": ("title", "body")}
