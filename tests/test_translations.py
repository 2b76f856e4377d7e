"""The interface exists in French, Spanish and Arabic: every catalogue is complete, and
written as each language is typeset."""

import gettext
import re
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[1] / "locale"


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_the_catalogue_is_complete_and_valid(language):
    catalogue = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


@pytest.mark.parametrize(
    "language, expected",
    [("fr", "Chef de délégation"), ("es", "Jefe de delegación"), ("ar", "رئيس الوفد")],
)
def test_the_compiled_catalogue_is_used(language, expected):
    from registrations.models import Role

    with translation.override(language):
        assert str(Role.HEAD.label) == expected


def translations(language, tmp_path):
    """Every translation of the catalogue, each form of a plural included."""
    compiled = tmp_path / f"{language}.mo"
    catalogue = LOCALE / language / "LC_MESSAGES" / "django.po"
    subprocess.run(["msgfmt", "-o", str(compiled), str(catalogue)], check=True)
    with compiled.open("rb") as file:
        return [text for key, text in gettext.GNUTranslations(file)._catalog.items() if key]


# A plain space before : ; ? ! or », or after «, which a line may break at.
PLAIN_SPACE_IN_FRENCH = re.compile(r" [:;?!»]|« ")


def test_french_keeps_its_punctuation_on_the_line(tmp_path):
    """French puts a space before its high punctuation and inside « », which must not break
    the line: a no-break space."""
    wrong = [text for text in translations("fr", tmp_path) if PLAIN_SPACE_IN_FRENCH.search(text)]
    assert not wrong, wrong


# A placeholder for text (a name, a title, an address); %% escapes a percent sign.
TEXT_PLACEHOLDER = re.compile(r"(?<!%)%\([a-z_]+\)s")
# Left-to-right, right-to-left or first strong isolate.
ISOLATES = "\u2066\u2067\u2068"


def unisolated(text):
    return [
        found.group()
        for found in TEXT_PLACEHOLDER.finditer(text)
        if found.start() == 0
        or text[found.start() - 1] not in ISOLATES
        or text[found.end() : found.end() + 1] != "\u2069"
    ]


def test_arabic_isolates_the_text_it_is_given(tmp_path):
    """A conference's name or a delegate's in Latin letters inserted into an Arabic sentence
    would reorder the sentence around it: each is isolated (an isolate, then pop directional
    isolate). Numbers need not be."""
    wrong = [text for text in translations("ar", tmp_path) if unisolated(text)]
    assert not wrong, wrong


# An article before a conference's title, which may be of either gender ("la Atelier").
ARTICLE_BEFORE_TITLE = re.compile(r"\b(la|le|les|el|los|las|l')\s*%\(conference\)s", re.IGNORECASE)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_conferences_title_follows_no_article_of_a_gender_it_may_not_have(language, tmp_path):
    """A title is masculine or feminine, which a sentence cannot know: it stands after a noun
    of its own ("la réunion « Atelier régional… »"), never after an article."""
    wrong = [text for text in translations(language, tmp_path) if ARTICLE_BEFORE_TITLE.search(text)]
    assert not wrong, wrong
