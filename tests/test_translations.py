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
