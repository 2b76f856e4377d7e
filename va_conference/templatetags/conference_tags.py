"""Template helpers for pages in four languages."""

from django import template
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from modeltranslation.utils import build_localized_fieldname

from va_conference import markdown as markdown_text

register = template.Library()

# Each language named in itself, as its readers look for it.
AUTONYMS = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}


@register.filter
def lang_of(obj, field):
    """` lang="en"` when a translated field shows its English fallback, else nothing.

    Screen readers then pronounce the English words as English inside a French page.
    """
    language = get_language()
    if language == "en" or getattr(obj, build_localized_fieldname(field, language), None):
        return ""
    return mark_safe(' lang="en"')


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    current = get_language()
    languages = []
    for code, _name in context["LANGUAGES"]:
        languages.append(
            {
                "code": code,
                "name": AUTONYMS.get(code) or get_language_info(code)["name_local"],
                "url": translate_url(request.get_full_path(), code),
                "is_current": code == current,
            }
        )
    return {"languages": languages}


@register.filter
def markdown(text):
    """Organizers' Markdown as HTML, with nothing unsafe left in it."""
    return markdown_text.render(text)
