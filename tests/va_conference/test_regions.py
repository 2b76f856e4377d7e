"""The UN M49 region of every country that the country fields offer."""

import pytest
from django_countries.data import COUNTRIES

from va_conference.regions import COUNTRIES_OF_REGION, REGION_OF_COUNTRY, Region, region_of

# M49 gives no region to Antarctica and does not list Taiwan.
WITHOUT_REGION = {"AQ", "TW"}


def test_every_country_but_the_documented_exceptions_has_a_region():
    missing = {code for code in COUNTRIES if region_of(code) is None}
    assert missing == WITHOUT_REGION


def test_only_known_country_codes_have_a_region():
    assert set(REGION_OF_COUNTRY) <= set(COUNTRIES)


def test_no_country_is_in_two_regions():
    listed = [code for codes in COUNTRIES_OF_REGION.values() for code in codes]
    assert len(listed) == len(set(listed)) == len(REGION_OF_COUNTRY)


def test_every_region_has_its_countries_sorted():
    assert set(COUNTRIES_OF_REGION) == set(Region)
    for codes in COUNTRIES_OF_REGION.values():
        assert list(codes) == sorted(codes)


@pytest.mark.parametrize(
    ("code", "region"),
    [
        ("NO", Region.EUROPE),
        ("JO", Region.ASIA),
        ("LA", Region.ASIA),
        ("AF", Region.ASIA),
        ("CO", Region.AMERICAS),
        ("MZ", Region.AFRICA),
        ("AU", Region.OCEANIA),
        ("CY", Region.ASIA),
        ("RU", Region.EUROPE),
        ("TR", Region.ASIA),
        ("GL", Region.AMERICAS),
        ("EG", Region.AFRICA),
        ("SD", Region.AFRICA),
        ("IQ", Region.ASIA),
        ("LB", Region.ASIA),
        ("UA", Region.EUROPE),
        ("FJ", Region.OCEANIA),
        ("MX", Region.AMERICAS),
    ],
)
def test_well_known_regions(code, region):
    assert region_of(code) == region
    assert region_of(code) == region.value


@pytest.mark.parametrize("code", ["", None, "XX", "AQ", "TW"])
def test_no_region(code):
    assert region_of(code) is None


def test_lower_case_codes_and_country_objects():
    from django_countries.fields import Country

    assert region_of("no") == Region.EUROPE
    assert region_of(Country("JO")) == Region.ASIA
