"""ICEWS coded event files (Harvard Dataverse, doi:10.7910/DVN/28075) -> the event frame.

Tab-separated with a header row naming the columns (Event ID, Event Date, Source Name, Source Sectors,
Source Country, Event Text, CAMEO Code, Intensity, Target Name, Target Sectors, Target Country,
Story ID, Sentence Number, Publisher, City, District, Province, Country, Latitude, Longitude). Files
rewritten by R's readr write "NA" for missing values, which is read as missing.

Mapping: Event Date -> date (day precision); Source/Target Name -> canonical actor; Sectors -> a CAMEO
role through analytics/lexicons/icews_sectors.tsv; Source/Target Country and Country (names) -> ISO3;
CAMEO Code -> event code (leading zeros restored), root, label and quad class; Intensity -> goldstein;
City/District/Province -> location. An ICEWS Event ID is unique only together with its date, so the
id is "icews:<Event ID>:<Event Date>". Each row is one story sentence, so num_sources is 1.
"""

from __future__ import annotations

from functools import lru_cache

import pyarrow as pa
import pyarrow.compute as pc

from analytics.importers import columns as C
from analytics.importers import lookups
from analytics.importers.base import Layout, Reasons

KIND = "icews"
LABEL = "an ICEWS coded event file"

REQUIRED = ("Event ID", "Event Date", "Source Name", "Source Country", "CAMEO Code", "Target Name", "Target Country")
OPTIONAL = (
    "Source Sectors", "Intensity", "Target Sectors", "Story ID", "Publisher", "City", "District",
    "Province", "Country", "Latitude", "Longitude",
)
_DAY = (("%Y-%m-%d", r"^\d{4}-\d{1,2}-(?P<day>\d{1,2})$"), ("%Y%m%d", r"^\d{6}(?P<day>\d{2})$"))


@lru_cache(maxsize=1)
def _sector_rules() -> tuple[tuple[str, str], ...]:
    return tuple((r["sector"], r["cameo_role"]) for r in lookups.read_tsv("icews_sectors.tsv"))


@lru_cache(maxsize=4096)
def sector_role(sectors: str | None) -> str | None:
    """"Military,Government" -> "MIL": the first rule of icews_sectors.tsv that one of the sectors matches."""
    if not sectors:
        return None
    have = [s.strip() for s in sectors.split(",") if s.strip()]
    for sector, role in _sector_rules():
        if sector.startswith("* "):
            if any(h.endswith(sector[1:]) for h in have):
                return role
        elif sector in have:
            return role
    return None


def _actor(name, country, role):
    return lookups.actor_name(name, None, country)


def _actor_code(name, country, role):
    return lookups.actor_code(name, country, role)


def _event_code(raw: str | None) -> str | None:
    """CAMEO code with its leading zero restored ("40" -> "040"); codes missing from the table are kept
    when they look like CAMEO codes with a valid root."""
    if not raw:
        return None
    known = lookups.cameo_code(raw)
    if known:
        return known
    if raw.isdigit() and 2 <= len(raw) <= 4 and "01" <= raw[:2] <= "20":
        return raw
    return None


def _transform(table: pa.Table):
    n = table.num_rows
    col = {name: C.clean_str(table[name]) for name in table.column_names}
    why = Reasons(n)

    eid = col["Event ID"]
    why.add(~C.not_null(eid), "Event ID is empty")
    date, bad = C.to_date(col["Event Date"], _DAY)
    why.add(bad | ~C.not_null(col["Event Date"]), "Event Date is not a YYYY-MM-DD date")
    code = C.map_distinct(col["CAMEO Code"], _event_code)
    why.add(~C.not_null(code), "CAMEO Code is not a CAMEO event code")
    goldstein, bad = C.to_float(col["Intensity"], -10, 10)
    why.add(bad, "Intensity is not a number in -10..10")
    lat, bad = C.to_float(col["Latitude"], -90, 90)
    why.add(bad, "Latitude is not a latitude")
    lon, bad = C.to_float(col["Longitude"], -180, 180)
    why.add(bad, "Longitude is not a longitude")

    root = pc.utf8_slice_codeunits(code, 0, 2)
    day = C.day_str(date)
    country = C.map_distinct(col["Country"], lookups.country_name_to_iso3)
    label = pc.coalesce(C.map_distinct(code, lookups.cameo_label), col["Event Text"]) if "Event Text" in col else C.map_distinct(code, lookups.cameo_label)
    out = {
        "event_id": C.prefixed("icews:", eid, day),
        "date_start": date,
        "date_end": date,
        "date_precision": C.const_str("day", n),
        "date_basis": C.const_str("dataset", n),
        "timex_value": day,
        "event_code": code,
        "event_root": root,
        "event_label": label,
        "plover": C.map_distinct(code, lookups.cameo_plover),
        "quad_class": C.map_distinct(root, lambda r: lookups.cameo_info(r)[2], pa.int64()),
        "goldstein": goldstein,
        "num_sources": pa.repeat(pa.scalar(1, pa.int64()), n),
        "location": pc.coalesce(col["City"], col["District"], col["Province"]),
        "country": country,
        "region": C.map_distinct(country, lookups.region),
        "lat": lat,
        "lon": lon,
        "doc_id": C.prefixed("icews:story:", col["Story ID"]),
        "source": col["Publisher"],
        "origin": C.const_str("icews", n),
    }
    for a, who in (("1", "Source"), ("2", "Target")):
        acountry = C.map_distinct(col[f"{who} Country"], lookups.country_name_to_iso3)
        role = C.map_distinct(col[f"{who} Sectors"], sector_role)
        out[f"actor{a}"] = C.map_distinct_rows([col[f"{who} Name"], acountry, role], _actor)
        out[f"actor{a}_country"] = acountry
        out[f"actor{a}_type"] = role
        out[f"actor{a}_code"] = C.map_distinct_rows([col[f"{who} Name"], acountry, role], _actor_code)
    return why.mapped(C.table_from(out, n))


def sniff(fields: list[str], delimiter: str) -> Layout | None:
    names = tuple(f.strip().strip('"') for f in fields)
    if delimiter != "\t" or not set(REQUIRED) <= set(names):
        return None
    use = tuple(c for c in REQUIRED + OPTIONAL + ("Event Text",) if c in names)
    missing = tuple(c for c in OPTIONAL if c not in names)
    return Layout(
        KIND, f"ICEWS coded events ({len(names)} columns)", names, header=True, delimiter="\t", quoted=True,
        null_values=("", "NA"), use=use + missing, transform=_transform,
    )


def describe_mismatch(fields: list[str], delimiter: str) -> str:
    if delimiter != "\t":
        return "expected a tab-separated file with a header row"
    names = {f.strip() for f in fields}
    missing = [c for c in REQUIRED if c not in names]
    return f"header lacks {', '.join(repr(m) for m in missing)}"
