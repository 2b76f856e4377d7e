"""The interface exists in French, Spanish and Arabic: every catalogue is complete."""

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
