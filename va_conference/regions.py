"""The continental regions of the world's countries, keyed by ISO 3166-1 alpha-2 code.

The regions are those of the United Nations geoscheme: the "Standard country or area codes
for statistical use" (M49) of the UN Statistics Division,
https://unstats.un.org/unsd/methodology/m49/. M49 puts each country or area in one of five
regions only, so Cyprus, Türkiye and the Caucasus are in Asia, Russia is in Europe, Egypt
and Sudan are in Africa, Mexico and Greenland are in the Americas.

The codes covered are those of django-countries. Two of them have no region in M49 and are
left out, so `region_of` returns None for them:

- AQ, Antarctica, belongs to no region in M49;
- TW, Taiwan, is not listed in M49 at all.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    OCEANIA = "oceania", _("Oceania")


# The codes of each region, alphabetically. AQ and TW are left out (see the module docstring).
_CODES = {
    Region.AFRICA: """
        AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW IO KE KM LR LS LY
        MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TF TG TN TZ UG YT ZA
        ZM ZW
    """,
    Region.AMERICAS: """
        AG AI AR AW BB BL BM BO BQ BR BS BV BZ CA CL CO CR CU CW DM DO EC FK GD GF GL GP GS GT
        GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI
    """,
    Region.ASIA: """
        AE AF AM AZ BD BH BN BT CN CY GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM
        MN MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR UZ VN YE
    """,
    Region.EUROPE: """
        AD AL AT AX BA BE BG BY CH CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI
        LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA
    """,
    Region.OCEANIA: """
        AS AU CC CK CX FJ FM GU HM KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS
    """,
}

COUNTRIES_OF_REGION = {region: tuple(codes.split()) for region, codes in _CODES.items()}

REGION_OF_COUNTRY = {
    code: region for region, codes in COUNTRIES_OF_REGION.items() for code in codes
}


def region_of(country_code):
    """The M49 region of a country, given its ISO 3166-1 alpha-2 code (or a django-countries
    Country), or None for an empty or unknown code and for a country M49 gives no region."""
    return REGION_OF_COUNTRY.get(str(country_code or "").upper())
