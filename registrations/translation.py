"""Content fields written in the languages of the meetings (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import FollowUpForm, Message, OwnWords, Question, QuestionChoice


@register(Message)
class MessageTranslationOptions(TranslationOptions):
    fields = ("subject", "body")
    required_languages = {"en": ("subject", "body")}


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("label", "help_text")
    required_languages = {"en": ("label",)}


@register(QuestionChoice)
class QuestionChoiceTranslationOptions(TranslationOptions):
    fields = ("label",)
    required_languages = {"en": ("label",)}


@register(FollowUpForm)
class FollowUpFormTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = {"en": ("title",)}


@register(OwnWords)
class OwnWordsTranslationOptions(TranslationOptions):
    fields = ("text",)
