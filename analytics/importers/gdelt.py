"""GDELT event exports -> the event frame.

Three layouts, told apart by their number of tab-separated fields (no header row):
    61  GDELT 2.0 events (15-minute exports, `.export.CSV`, often zipped)
    58  GDELT 1.0 daily events since 2013-04-01 (ends with SOURCEURL)
    57  GDELT 1.0 historical back-files (no SOURCEURL)

Mapping: SQLDATE -> date (day precision, basis "dataset"); actor codes, names, CAMEO country and type;
EventCode/EventRootCode kept as strings with leading zeros; QuadClass, GoldsteinScale, NumSources as
given; ActionGeo name, country (FIPS 10-4 -> ISO3) and coordinates; SOURCEURL into `url` unchanged.
Actor countries come only from Actor1CountryCode/Actor2CountryCode: CAMEO's country codes are ISO3,
and its regional codes (AFR, MEA, WSB, ...) are not countries, so they become NA. Every row is one
event with id "gdelt:<GLOBALEVENTID>"; rows are never merged.

Column names: GDELT codebooks (https://www.gdeltproject.org/data.html#documentation).
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from analytics.importers import columns as C
from analytics.importers import lookups
from analytics.importers.base import Layout, Reasons

KIND = "gdelt"
LABEL = "a GDELT events export"

_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)
_GEO_V1 = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")
_GEO_V2 = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_EVENT = (
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
)


def _columns(geo: tuple[str, ...], tail: tuple[str, ...]) -> tuple[str, ...]:
    cols = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    cols += [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
    cols += list(_EVENT)
    for who in ("Actor1Geo_", "Actor2Geo_", "ActionGeo_"):
        cols += [who + g for g in geo]
    return tuple(cols) + tail


COLUMNS_V2 = _columns(_GEO_V2, ("DATEADDED", "SOURCEURL"))
COLUMNS_V1_URL = _columns(_GEO_V1, ("DATEADDED", "SOURCEURL"))
COLUMNS_V1 = _columns(_GEO_V1, ("DATEADDED",))
assert (len(COLUMNS_V2), len(COLUMNS_V1_URL), len(COLUMNS_V1)) == (61, 58, 57)

_USE = (
    "GLOBALEVENTID", "SQLDATE",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumSources",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED",
)

_DAY = (("%Y%m%d", r"^\d{6}(?P<day>\d{2})$"),)
# DATEADDED: YYYYMMDDHHMMSS in GDELT 2.0, YYYYMMDD in 1.0.
_ADDED = (("%Y%m%d%H%M%S", r"^\d{6}(?P<day>\d{2})\d{6}$"), ("%Y%m%d", r"^\d{6}(?P<day>\d{2})$"))
_HOST = r"^(?:[A-Za-z][A-Za-z0-9+.-]*://)?(?:www\.)?(?P<host>[^/:?#]+)"


def _transform(table: pa.Table):
    n = table.num_rows
    col = {name: C.clean_str(table[name]) for name in table.column_names if name != "SOURCEURL"}  # the URL stays as given
    why = Reasons(n)

    gid = col["GLOBALEVENTID"]
    why.add(~pc.fill_null(pc.match_substring_regex(gid, r"^\d+$"), False).to_numpy(zero_copy_only=False), "GLOBALEVENTID is not a number")
    date, bad = C.to_date(col["SQLDATE"], _DAY)
    why.add(bad | ~C.not_null(col["SQLDATE"]), "SQLDATE is not a YYYYMMDD date")

    code = col["EventCode"]
    code_ok = pc.fill_null(pc.match_substring_regex(code, r"^\d{2,4}$"), False)
    root = col["EventRootCode"]
    root_ok = pc.fill_null(pc.equal(root, pc.utf8_slice_codeunits(code, 0, 2)), False)
    root_ok = pc.and_(root_ok, pc.fill_null(pc.match_substring_regex(root, r"^(0[1-9]|1\d|20)$"), False))
    why.add(~C.not_null(code), "EventCode is empty")
    why.add(~code_ok.to_numpy(zero_copy_only=False), "EventCode is not a CAMEO code")
    why.add(~root_ok.to_numpy(zero_copy_only=False), "EventRootCode does not match EventCode")

    quad, bad = C.to_int(col["QuadClass"], 1, 4)
    why.add(bad, "QuadClass is not 1-4")
    goldstein, bad = C.to_float(col["GoldsteinScale"], -10, 10)
    why.add(bad, "GoldsteinScale is not a number in -10..10")
    sources, bad = C.to_int(col["NumSources"], 0, 10**9)
    why.add(bad, "NumSources is not a count")
    lat, bad = C.to_float(col["ActionGeo_Lat"], -90, 90)
    why.add(bad, "ActionGeo_Lat is not a latitude")
    lon, bad = C.to_float(col["ActionGeo_Long"], -180, 180)
    why.add(bad, "ActionGeo_Long is not a longitude")
    published, bad = C.to_date(col["DATEADDED"], _ADDED)
    why.add(bad, "DATEADDED is not a date")

    code = pc.if_else(pc.and_(code_ok, root_ok), code, C.null_str(n))
    root = pc.if_else(pc.and_(code_ok, root_ok), root, C.null_str(n))
    country = C.map_distinct(col["ActionGeo_CountryCode"], lookups.fips_to_iso3)
    out = {
        "event_id": C.prefixed("gdelt:", gid),
        "date_start": date,
        "date_end": date,
        "date_precision": C.const_str("day", n),
        "date_basis": C.const_str("dataset", n),
        "timex_value": C.day_str(date),
        "event_code": code,
        "event_root": root,
        "event_label": C.map_distinct(code, lookups.cameo_label),
        "plover": C.map_distinct(code, lookups.cameo_plover),
        "quad_class": quad,
        "goldstein": goldstein,
        "num_sources": sources,
        "location": col["ActionGeo_FullName"],
        "country": country,
        "region": C.map_distinct(country, lookups.region),
        "lat": lat,
        "lon": lon,
        "published": published,
        "origin": C.const_str("gdelt", n),
    }
    for a in ("1", "2"):
        acode = col[f"Actor{a}Code"]
        acountry = C.map_distinct(col[f"Actor{a}CountryCode"], lookups.country_code)
        out[f"actor{a}"] = C.map_distinct_rows([col[f"Actor{a}Name"], acode, acountry], lookups.actor_name)
        out[f"actor{a}_code"] = acode
        out[f"actor{a}_country"] = acountry
        out[f"actor{a}_type"] = col[f"Actor{a}Type1Code"]
    if "SOURCEURL" in table.column_names:
        url = C.combined(table["SOURCEURL"])  # unchanged, only a blank URL ("" or whitespace) -> NA
        blank = pc.or_(pc.equal(url, ""), pc.utf8_is_space(url))
        url = pc.if_else(blank, C.null_str(n), url)
        out["url"] = url
        host = C.on_distinct(url, lambda u: pc.struct_field(pc.extract_regex(u, _HOST), [0]))
        out["source"] = C.clean_str(host)
    else:
        out["source"] = C.const_str("GDELT", n)
    return why.mapped(C.table_from(out, n))


def _layout(name: str, cols: tuple[str, ...]) -> Layout:
    use = _USE + (("SOURCEURL",) if "SOURCEURL" in cols else ())
    return Layout(KIND, name, cols, header=False, delimiter="\t", quoted=False, null_values=("",), use=use, transform=_transform)


LAYOUTS = {
    61: _layout("GDELT 2.0 events (61 columns)", COLUMNS_V2),
    58: _layout("GDELT 1.0 events (58 columns)", COLUMNS_V1_URL),
    57: _layout("GDELT 1.0 events (57 columns, no SOURCEURL)", COLUMNS_V1),
}


def sniff(fields: list[str], delimiter: str) -> Layout | None:
    """The layout of a file whose first line splits into `fields`, or None if it is not GDELT."""
    if delimiter != "\t" or len(fields) not in LAYOUTS:
        return None
    if not (fields[0].strip().isdigit() and len(fields[1].strip()) == 8 and fields[1].strip().isdigit()):
        return None
    return LAYOUTS[len(fields)]


def describe_mismatch(fields: list[str], delimiter: str) -> str:
    if delimiter != "\t":
        return "expected tab-separated fields"
    if len(fields) not in LAYOUTS:
        return f"first line has {len(fields)} tab-separated fields; GDELT has 57, 58 or 61"
    return "first line does not start with GLOBALEVENTID and a YYYYMMDD SQLDATE"


