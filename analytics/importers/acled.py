"""ACLED exports (https://acleddata.com) -> the event frame.

Comma-separated with a header, in several column layouts: the 31-column export of around 2020
(data_id, iso, event_id_cnty, event_id_no_cnty, ..., iso3), the current one (event_id_cnty, ...,
disorder_type, ..., civilian_targeting, ..., tags, timestamp), and others; columns are found by name.
Dates come as "2020-05-09", "09 May 2020", "9 May 2020" or the spreadsheet-style "9-May-20".

Mapping: event_date with time_precision (1 day; 2 a date within about a week: the date +/- 3 days;
3 a month: that month) -> date range; actor1/actor2 as named, their CAMEO role from inter1/inter2
(analytics/lexicons/acled_actor_types.tsv) and their country from the name ("Protesters (Israel)",
"Military Forces of Yemen (2016-)"), never from the event's place; event_type/sub_event_type -> the
nearest CAMEO code, root and quad class (analytics/lexicons/acled_cameo.tsv, docs/ACLED_MAPPING.md);
location, admin1, country -> location, country (ISO3), region, latitude/longitude; notes -> sentence;
fatalities kept; num_sources = the number of ";"-separated sources. Id "acled:<event_id_cnty>".
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyarrow as pa
import pyarrow.compute as pc

from analytics.importers import columns as C
from analytics.importers import lookups
from analytics.importers.base import Layout, Reasons

KIND = "acled"
LABEL = "an ACLED export"

REQUIRED = ("event_id_cnty", "event_date", "event_type", "actor1", "country")
OPTIONAL = (
    "time_precision", "sub_event_type", "inter1", "actor2", "inter2", "admin1", "location", "latitude",
    "longitude", "source", "notes", "fatalities", "iso3",
)
_D = r"^(?P<day>\d{1,2})[ -]"
_DATES = (
    ("%Y-%m-%d", r"^\d{4}-\d{1,2}-(?P<day>\d{1,2})$"),
    ("%d %B %Y", _D), ("%d %b %Y", _D),
    ("%d-%b-%y", _D), ("%d-%b-%Y", _D), ("%d-%B-%Y", _D), ("%d-%B-%y", _D),
)


@lru_cache(maxsize=1)
def cameo_table() -> dict[tuple[str, str], tuple[str | None, int | None]]:
    """(event_type, sub_event_type or "*") -> (CAMEO code or None, quad class or None), keys lower-cased."""
    out = {}
    for r in lookups.read_tsv("acled_cameo.tsv"):
        key = (r["event_type"].strip().lower(), r["sub_event_type"].strip().lower())
        out[key] = (r["cameo_code"].strip() or None, int(r["quad_class"]) if r["quad_class"].strip() else None)
    return out


def event_mapping(event_type: str | None, sub_event_type: str | None) -> tuple[str | None, int | None]:
    """Nearest CAMEO (code, quad class) for an ACLED event type and sub-event type."""
    table = cameo_table()
    et = (event_type or "").strip().lower()
    st = (sub_event_type or "").strip().lower()
    return table.get((et, st)) or table.get((et, "*")) or (None, None)


def mapping_table_markdown() -> str:
    """The event-type mapping as the Markdown table docs/ACLED_MAPPING.md shows (a test keeps them equal)."""
    from analytics.coding.cameo import quad_labels

    lines = [
        "| ACLED event_type | ACLED sub_event_type | CAMEO code | CAMEO label | root | quad class | why |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in lookups.read_tsv("acled_cameo.tsv"):
        code = r["cameo_code"].strip()
        quad = r["quad_class"].strip()
        label = lookups.cameo_label(code) or "" if code else ""
        sub = "(any other)" if r["sub_event_type"].strip() == "*" else r["sub_event_type"].strip()
        quad_text = f"{quad} {quad_labels()[int(quad)].lower()}" if quad else "none"
        lines.append(
            f"| {r['event_type'].strip()} | {sub} | {code or 'none'} | {label or 'n/a'} | {code[:2] or 'none'} | {quad_text} | {r['why'].strip()} |"
        )
    return "\n".join(lines)


@lru_cache(maxsize=1)
def _roles() -> dict[str, str]:
    out = {}
    for r in lookups.read_tsv("acled_actor_types.tsv"):
        out[r["inter_code"].strip()] = r["cameo_role"]
        out[r["inter_name"].strip().lower()] = r["cameo_role"]
    return out


def actor_role(inter: str | None) -> str | None:
    """ACLED inter code ("6") or name ("Protesters") -> CAMEO role ("OPP")."""
    if not inter:
        return None
    key = inter.strip().lower()
    if key.endswith(".0"):
        key = key[:-2]
    roles = _roles()
    return roles.get(key) or roles.get(key.rstrip("s")) or roles.get(key + "s")


_PAREN = re.compile(r"\(([^()]+)\)")
_OF = re.compile(r"\bof (?:the )?([A-Z][^()]*?)\s*(?:\(|$)")


@lru_cache(maxsize=65536)
def actor_country(name: str | None) -> str | None:
    """Country an ACLED actor name states: "Protesters (Israel)", "Military Forces of Yemen (2016-)"."""
    if not name:
        return None
    for m in _PAREN.finditer(name):
        iso3 = lookups.country_name_to_iso3(m.group(1).strip())
        if iso3:
            return iso3
    m = _OF.search(name)
    if m:
        return lookups.country_name_to_iso3(m.group(1).strip())
    return None


def _actor(name, country):
    return lookups.actor_name(name, None, country)


def _transform(table: pa.Table):
    n = table.num_rows
    col = {name: C.clean_str(table[name]) for name in table.column_names}
    why = Reasons(n)

    eid = col["event_id_cnty"]
    why.add(~C.not_null(eid), "event_id_cnty is empty")
    date, bad = C.to_date(col["event_date"], _DATES)
    why.add(bad | ~C.not_null(col["event_date"]), "event_date is not a date (2020-05-09, 09 May 2020 or 9-May-20)")
    precision, bad = C.to_int(col["time_precision"], 1, 3)
    why.add(bad, "time_precision is not 1, 2 or 3")
    lat, bad = C.to_float(col["latitude"], -90, 90)
    why.add(bad, "latitude is not a latitude")
    lon, bad = C.to_float(col["longitude"], -180, 180)
    why.add(bad, "longitude is not a longitude")
    fatalities, bad = C.to_int(col["fatalities"], 0, 10**7)
    why.add(bad, "fatalities is not a count")

    start, end, prec = _date_range(date, precision, n)
    mapped = C.map_distinct_rows([col["event_type"], col["sub_event_type"]], lambda e, s: event_mapping(e, s)[0])
    quad = C.map_distinct_rows([col["event_type"], col["sub_event_type"]], lambda e, s: event_mapping(e, s)[1], pa.int64())
    country = pc.coalesce(C.map_distinct(col["country"], lookups.country_name_to_iso3), C.map_distinct(col["iso3"], lookups.country_code))
    src = col["source"]
    out = {
        "event_id": C.prefixed("acled:", eid),
        "date_start": start,
        "date_end": end,
        "date_precision": prec,
        "date_basis": C.const_str("dataset", n),
        "timex_value": _timex(date, prec),
        "date_expr": col["event_date"],
        "event_code": mapped,
        "event_root": pc.utf8_slice_codeunits(mapped, 0, 2),
        "event_label": C.map_distinct(mapped, lookups.cameo_label),
        "plover": C.map_distinct(mapped, lookups.cameo_plover),
        "quad_class": quad,
        "goldstein": C.map_distinct(mapped, lambda c: lookups.cameo_info(c)[3], pa.float64()),
        "location": _place(col["location"], col["admin1"], col["country"]),
        "country": country,
        "region": C.map_distinct(country, lookups.region),
        "lat": lat,
        "lon": lon,
        "sentence": col["notes"],
        "source": src,
        "num_sources": pc.add(pc.count_substring(src, ";"), 1),
        "fatalities": fatalities,
        "origin": C.const_str("acled", n),
    }
    for a in ("1", "2"):
        name = col[f"actor{a}"]
        acountry = C.map_distinct(name, actor_country)
        out[f"actor{a}"] = C.map_distinct_rows([name, acountry], _actor)
        out[f"actor{a}_country"] = acountry
        out[f"actor{a}_type"] = C.map_distinct(col[f"inter{a}"], actor_role)
        out[f"actor{a}_code"] = C.map_distinct_rows([name, acountry, out[f"actor{a}_type"]], lookups.actor_code)
    return why.mapped(C.table_from(out, n))


def _date_range(date, precision, n):
    """time_precision 1 -> the day; 2 -> the day +/- 3 (ACLED: "within a week"); 3 -> its month."""
    p = pc.fill_null(precision, 1)
    three = pa.scalar(3 * 86400, pa.duration("s"))
    month_start = pc.floor_temporal(date, unit="month")
    month_end = pc.subtract(pc.ceil_temporal(pc.add(date, pa.scalar(86400, pa.duration("s"))), unit="month"), pa.scalar(86400, pa.duration("s")))
    week = pc.equal(p, 2)
    month = pc.equal(p, 3)
    start = pc.if_else(month, month_start, pc.if_else(week, pc.subtract(date, three), date))
    end = pc.if_else(month, month_end, pc.if_else(week, pc.add(date, three), date))
    prec = pc.if_else(month, C.const_str("month", n), pc.if_else(week, C.const_str("week", n), C.const_str("day", n)))
    return start, end, prec


def _timex(date, prec):
    day = C.day_str(date)
    month = C.on_distinct(date, lambda d: pc.strftime(d, "%Y-%m"))
    week = C.on_distinct(date, lambda d: pc.strftime(d, "%G-W%V"))
    return pc.if_else(pc.equal(prec, "month"), month, pc.if_else(pc.equal(prec, "week"), week, day))


def _place(location, admin1, country):
    """"Al Madid, Sanaa, Yemen": the named place, its first-level division when different, the country."""
    admin = pc.if_else(pc.fill_null(pc.equal(location, admin1), False), C.null_str(len(location)), admin1)
    return pc.binary_join_element_wise(location, admin, country, ", ", null_handling="skip")


def sniff(fields: list[str], delimiter: str) -> Layout | None:
    names = tuple(f.strip().lstrip("\ufeff").lower() for f in fields)
    if delimiter != "," or not set(REQUIRED) <= set(names) or len(set(names)) != len(names):
        return None
    if "disorder_type" in names:
        name = "ACLED export, current layout"
    elif "data_id" in names:
        name = "ACLED export, 2020 layout"
    else:
        name = "ACLED export"
    use = tuple(c for c in REQUIRED + OPTIONAL if c in names) + tuple(c for c in OPTIONAL if c not in names)
    return Layout(
        KIND, f"{name} ({len(names)} columns)", names, header=True, delimiter=",", quoted=True,
        null_values=("",), use=use, transform=_transform,
    )


def describe_mismatch(fields: list[str], delimiter: str) -> str:
    if delimiter != ",":
        return "expected a comma-separated file with a header row"
    names = {f.strip().lower() for f in fields}
    missing = [c for c in REQUIRED if c not in names]
    return f"header lacks {', '.join(missing)}"
