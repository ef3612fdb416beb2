"""Places: countries (names, codes, M49 sub-regions, capitals) and an offline gazetteer of cities and regions.

    from analytics.geo import country_info, country_from_any, fips_to_iso3, region_for_country
    from analytics.geo import find_places, lookup_place, Country, Place, PlaceMention
"""

from analytics.geo.countries import (
    Country,
    all_countries,
    country_at,
    country_from_any,
    country_info,
    fips_to_iso3,
    norm_key,
    region_for_country,
)
from analytics.geo.gazetteer import Place, PlaceMention, find_places, lookup_place

__all__ = [
    "Country",
    "Place",
    "PlaceMention",
    "find_places",
    "lookup_place",
    "all_countries",
    "country_at",
    "country_from_any",
    "country_info",
    "fips_to_iso3",
    "norm_key",
    "region_for_country",
]
