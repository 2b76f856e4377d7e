"""Content fields written in the languages of the meetings (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Message


@register(Message)
class MessageTranslationOptions(TranslationOptions):
    fields = ("subject", "body")
    required_languages = {"en": ("subject", "body")}
