"""Synthetic but realistic events for the query-path benchmark, drawn from the real GDELT 2.0 sample.

The sample (one 15-minute GDELT 2.0 export, 1,540 rows) gives the distributions: which actors
appear and how often, which actor pairs and places go together, the CAMEO code mix with its quad
class and Goldstein value, where events happen (country, M49 region, coordinates) and how many
sources report them. N events are drawn from it so that the store looks like a long GDELT import
plus some text extraction:

- actors, actor pairs and the place come from one sample row; a quarter of the sides are redrawn from
  the pooled actor frequencies (new pairs), and 15% from a Zipf-weighted tail of country x role actors
  ("Kenya police"), because a year of GDELT has tens of thousands of actors, not 350;
- the action (code, root, label, quad class, Goldstein) comes from the same row half the time, else
  from another row of the sample (the marginal code mix);
- coordinates are jittered around the sample's places onto fixed nearby points (so they repeat, as
  GDELT's feature centroids do): ~10 km around a city, ~1.5 deg around a country centroid;
- dates: report days over `DATE_RANGE` with a weekly rhythm and news bursts; the event day lags the
  report day as in the sample (mostly the same day, a tail back to a year); 6% of rows are text
  extractions with coarser precisions (week, month, quarter, season, year, decade, unknown), each
  spanning its whole interval.

Rows are generated in chronological order (as an archive imported file by file would arrive), in
chunks, vectorised with numpy and pyarrow; strings are built inside DuckDB.

Example:
    >>> gen = Generator.from_sample()                              # doctest: +SKIP
    >>> for table in gen.chunks(1_000_000, chunk=250_000): ...     # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from analytics.errors import UserError

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_NAME = "20180326044500.export.CSV"
# The committed copies first (a fresh clone has them), then ../shared when present.
SAMPLE_PLACES = (
    ROOT / "tests" / "data" / "gdelt",
    ROOT / "data" / "gdelt",
    ROOT.parent / "shared" / "reference" / "gdelt",
)
DATE_RANGE = (dt.date(2019, 1, 1), dt.date(2021, 12, 31))

# Share of rows that come from text extraction, and the precisions of their dates.
TEXT_SHARE = 0.06
TEXT_PRECISIONS = {
    "day": 0.50, "week": 0.10, "month": 0.15, "quarter": 0.03, "season": 0.02,
    "year": 0.15, "decade": 0.02, "unknown": 0.03,
}
REDRAW_ACTOR = 0.25  # share of actor sides redrawn from the pooled actor frequencies
TAIL_ACTOR = 0.15  # share of actor sides drawn from the country x role tail
SATELLITES = 40  # distinct points around each sample place
SAME_ACTION = 0.5  # share of rows whose action comes from the same sample row as the actors
# CAMEO roles for the tail actors, with the words a coder would name them by.
ROLES = {
    "GOV": "government", "MIL": "military", "COP": "police", "OPP": "opposition", "REB": "rebels",
    "BUS": "business", "MED": "media", "CVL": "civilians", "JUD": "judiciary", "LEG": "parliament",
    "EDU": "students", "LAB": "unions", "REF": "refugees", "HLH": "health ministry", "ELI": "elites",
}


def find_sample() -> Path:
    """The GDELT 2.0 sample export: the committed copy, else ../shared; UserError when none is found."""
    for folder in SAMPLE_PLACES:
        if folder.is_dir():
            hits = [p for pattern in ("*.export.CSV", "*.export.csv", "*.export.CSV.zip") for p in sorted(folder.glob(pattern))]
            preferred = [p for p in hits if p.name.startswith(SAMPLE_NAME)]
            if preferred or hits:
                return (preferred or hits)[0]
    where = ", ".join(str(p) for p in SAMPLE_PLACES)
    raise UserError(f"no GDELT 2.0 sample export (*.export.CSV) found in {where}; the benchmark draws its events from it")


def sample_frame(path: Path | None = None) -> pd.DataFrame:
    """The sample as event-frame rows: imported with the GDELT importer into a throwaway store, so names
    and codes are exactly what an import stores; a plain mapping when the importer cannot run."""
    import shutil
    import tempfile

    path = path or find_sample()
    work = Path(tempfile.mkdtemp(prefix="analytics-sample-"))
    try:
        from analytics.importers import import_files
        from analytics.store import Store

        store = Store(work / "sample.duckdb")
        import_files("gdelt", [path], store)
        frame = store.query("SELECT * FROM events ORDER BY event_id")
        store.close()
        if len(frame):
            return frame
    except Exception:  # an importer bug must not stop the benchmark: the plain mapping still works
        pass
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return _plain_mapping(path)


def _plain_mapping(path: Path) -> pd.DataFrame:
    """GDELT 2.0 columns -> frame columns, with the package's country tables (no importer needed)."""
    import pyarrow.csv as pacsv

    from analytics.geo import country_from_any, country_info, fips_to_iso3, region_for_country

    names = [f"c{i}" for i in range(61)]
    if path.suffix.lower() == ".zip":
        import io
        import zipfile

        with zipfile.ZipFile(path) as zf:
            source = io.BytesIO(zf.read(zf.namelist()[0]))
    else:
        source = path
    table = pacsv.read_csv(
        source,
        read_options=pacsv.ReadOptions(column_names=names),
        parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False),
        convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names}, strings_can_be_null=True),
    )
    raw = table.to_pandas()
    labels = _event_labels()

    def actor(name, code, cc, typ):
        iso = country_from_any(name) if isinstance(name, str) else None
        canonical = country_info(iso).name if iso and iso == cc else (name.title() if isinstance(name, str) else None)
        return canonical, code, cc, typ

    rows = []
    for r in raw.itertuples(index=False):  # 1,540 rows, read once per benchmark
        a1 = actor(r.c6, r.c5, r.c7, r.c12)
        a2 = actor(r.c16, r.c15, r.c17, r.c22)
        iso = fips_to_iso3(r.c53)
        rows.append({
            "actor1": a1[0], "actor1_code": a1[1], "actor1_country": a1[2], "actor1_type": a1[3],
            "actor2": a2[0], "actor2_code": a2[1], "actor2_country": a2[2], "actor2_type": a2[3],
            "event_code": r.c26, "event_root": r.c28, "event_label": labels.get(r.c26),
            "quad_class": int(r.c29), "goldstein": float(r.c30), "num_sources": int(r.c32),
            "location": r.c52, "country": iso, "region": region_for_country(iso),
            "lat": float(r.c56) if r.c56 else None, "lon": float(r.c57) if r.c57 else None,
            "url": r.c60, "date_start": pd.Timestamp(r.c1), "published": pd.Timestamp(r.c59),
        })
    return pd.DataFrame(rows)


def _event_labels() -> dict[str, str]:
    path = ROOT / "analytics" / "lexicons" / "cameo_eventcodes.tsv"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        code, _, label = line.partition("\t")
        out[code] = label
    return out


def _codes(values: pd.Series) -> tuple[np.ndarray, pa.Array]:
    """Dictionary-encode a column: int32 indices (-1 = missing) and the dictionary as an Arrow array."""
    s = values.astype("object").where(values.notna(), None)
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    return codes.astype(np.int32), pa.array([str(u) for u in uniques], type=pa.string())


def _dict_array(idx: np.ndarray, dictionary: pa.Array) -> pa.DictionaryArray:
    return pa.DictionaryArray.from_arrays(pa.array(idx, type=pa.int32(), mask=idx < 0), dictionary)


@dataclass
class Generator:
    """Draws events from a sample frame. Same seed, same events."""

    sample: pd.DataFrame
    seed: int = 7
    date_range: tuple[dt.date, dt.date] = DATE_RANGE

    @classmethod
    def from_sample(cls, path: Path | None = None, **kw) -> "Generator":
        return cls(sample_frame(path), **kw)

    def __post_init__(self):
        s = self.sample.reset_index(drop=True)
        self.n_sample = len(s)
        if not self.n_sample:
            raise UserError("the GDELT sample has no rows")
        self._actors(s)
        # Action and place columns, dictionary-encoded per column, indexed by sample row.
        self.cols = {}
        for name in ("event_code", "event_root", "event_label", "location", "country", "region", "plover"):
            col = s[name] if name in s.columns else pd.Series([None] * self.n_sample)
            self.cols[name] = _codes(col)
        self.quad = pd.to_numeric(s["quad_class"], errors="coerce").fillna(1).to_numpy(np.int64)
        self.goldstein = pd.to_numeric(s["goldstein"], errors="coerce").to_numpy(np.float64)
        self.lat = pd.to_numeric(s["lat"], errors="coerce").to_numpy(np.float64)
        self.lon = pd.to_numeric(s["lon"], errors="coerce").to_numpy(np.float64)
        # Places near the sample's: each sample row gets SATELLITES fixed points around its place (the
        # first is the place itself), drawn with Zipf weights, so coordinates repeat as GDELT's feature
        # centroids do. A place named without a comma is a country (or US state): its points spread wider.
        loc = s["location"].astype("object")
        broad = loc.map(lambda v: isinstance(v, str) and "," not in v).to_numpy(bool)
        spread = np.where(broad, 1.5, 0.08)[:, None]
        rng = np.random.default_rng(self.seed + 2)
        offsets = rng.normal(0, 1, (self.n_sample, SATELLITES, 2)) * spread[:, :, None]
        offsets[:, 0, :] = 0.0
        self.offsets = offsets
        w = 1.0 / np.arange(1, SATELLITES + 1)
        self.satellite_p = w / w.sum()
        self.num_sources = pd.to_numeric(s.get("num_sources", pd.Series([1] * self.n_sample)), errors="coerce").fillna(1).to_numpy(np.int64)
        domains = s.get("url", pd.Series([None] * self.n_sample)).astype("object").map(_domain)
        self.domain = _codes(domains)
        self.lags = _lags(s)

    def _actors(self, s: pd.DataFrame) -> None:
        """One actor table (name, code, country, type) for both sides: the sample's actors, then the tail."""
        from analytics.geo import all_countries

        fields = ("", "_code", "_country", "_type")
        sides = []
        for side in ("actor1", "actor2"):
            part = pd.DataFrame({f"x{f}": (s[side + f] if side + f in s.columns else None) for f in fields})
            sides.append(part.astype("object").where(part.notna(), None))
        both = pd.concat(sides, ignore_index=True)
        keys = list(both.itertuples(index=False, name=None))
        table: dict[tuple, int] = {}
        index = np.empty(len(keys), dtype=np.int32)
        for i, k in enumerate(keys):
            if k[0] is None:
                index[i] = -1
            else:
                index[i] = table.setdefault(k, len(table))
        n = self.n_sample
        self.a1, self.a2 = index[:n], index[n:]
        self.pool = index  # pooled sides, missing ones included, so the redrawn share keeps their rate
        n_sample_actors = len(table)
        rng = np.random.default_rng(self.seed)
        # A tail actor is as common as its country is in the sample's news (smoothed), times a Zipf
        # weight of its role, so "Bangladesh police" outnumbers "Tuvalu unions".
        seen = pd.concat([s.get("country"), s.get("actor1_country"), s.get("actor2_country")]).dropna().value_counts()
        tail, weights = [], []
        for c in all_countries():
            if c.former:
                continue
            for rank, (code, word) in enumerate(ROLES.items(), start=1):
                key = (f"{c.name} {word}", f"{c.iso3}{code}", c.iso3, code)
                if key not in table:
                    table[key] = len(table)
                    tail.append(key)
                    weights.append((seen.get(c.iso3, 0) + 0.2) / rank)
        self.tail_start, self.tail_size = n_sample_actors, len(tail)
        weights = np.asarray(weights) * rng.lognormal(0, 0.5, len(weights))  # not every pair alike
        self.tail_p = weights / weights.sum()
        ordered = sorted(table.items(), key=lambda kv: kv[1])
        self.actor_dicts = [pa.array([k[j] for k, _ in ordered], type=pa.string()) for j in range(4)]

    # -- dates ---------------------------------------------------------------------------------
    def event_days(self, n: int) -> np.ndarray:
        """n event days (int32 days since 1970-01-01), sorted: report day with its rhythm minus the lag."""
        rng = np.random.default_rng(self.seed + 1)
        start = np.datetime64(self.date_range[0], "D")
        days = np.arange(start, np.datetime64(self.date_range[1], "D") + 1)
        k = np.arange(len(days))
        weekday = (days.astype(np.int64) + 3) % 7  # 0 = Monday
        rate = np.where(weekday >= 5, 0.7, 1.0) * (1 + 0.3 * k / max(len(days) - 1, 1))
        rate = rate * rng.gamma(8.0, 1 / 8.0, len(days))  # ordinary day-to-day variation
        bursts = rng.random(len(days)) < 0.02  # a news burst every ~7 weeks
        rate = np.where(bursts, rate * rng.uniform(1.5, 3.0, len(days)), rate)
        report = rng.choice(days.astype(np.int64), size=n, p=rate / rate.sum())
        event = report - rng.choice(self.lags, size=n)
        event = np.where(event < days[0].astype(np.int64), report, event)  # keep the range's start sharp
        return np.sort(event.astype(np.int32))

    # -- rows ----------------------------------------------------------------------------------
    def chunks(self, n: int, chunk: int = 500_000, start_id: int = 0):
        """Yield Arrow tables of at most `chunk` rows, n rows in all, in chronological order."""
        days = self.event_days(n)
        for k, lo in enumerate(range(0, n, chunk)):
            hi = min(n, lo + chunk)
            yield self._table(days[lo:hi], start_id + lo, np.random.default_rng((self.seed, k)))

    def _table(self, day: np.ndarray, first_id: int, rng) -> pa.Table:
        m = len(day)
        t = rng.integers(0, self.n_sample, m)
        e = np.where(rng.random(m) < SAME_ACTION, t, rng.integers(0, self.n_sample, m))
        cols: dict[str, pa.Array] = {"row_id": pa.array(np.arange(first_id, first_id + m, dtype=np.int64))}

        for side, base in (("actor1", self.a1), ("actor2", self.a2)):
            idx = base[t]
            u = rng.random(m)
            redraw = u < REDRAW_ACTOR
            idx = np.where(redraw, self.pool[rng.integers(0, len(self.pool), m)], idx)
            tail = (u >= REDRAW_ACTOR) & (u < REDRAW_ACTOR + TAIL_ACTOR)
            idx = np.where(tail, self.tail_start + rng.choice(self.tail_size, size=m, p=self.tail_p), idx)
            for suffix, dictionary in zip(("", "_code", "_country", "_type"), self.actor_dicts):
                cols[side + suffix] = _dict_array(idx, dictionary)

        for name in ("event_code", "event_root", "event_label", "plover"):
            codes, dictionary = self.cols[name]
            cols[name] = _dict_array(codes[e], dictionary)
        cols["quad_class"] = pa.array(self.quad[e])
        cols["goldstein"] = pa.array(self.goldstein[e])
        for name in ("location", "country", "region"):
            codes, dictionary = self.cols[name]
            cols[name] = _dict_array(codes[t], dictionary)
        j = rng.choice(SATELLITES, size=m, p=self.satellite_p)
        lat = np.clip(self.lat[t] + self.offsets[t, j, 0], -89.9, 89.9)
        coslat = np.maximum(np.cos(np.radians(lat)), 0.2)
        lon = (self.lon[t] + self.offsets[t, j, 1] / coslat + 180) % 360 - 180
        cols["lat"] = pa.array(lat, mask=np.isnan(lat))
        cols["lon"] = pa.array(lon, mask=np.isnan(lon))

        text = rng.random(m) < TEXT_SHARE
        names = np.array(list(TEXT_PRECISIONS))
        p = np.array(list(TEXT_PRECISIONS.values()))
        precision = np.where(text, names[rng.choice(len(names), size=m, p=p / p.sum())], "day")
        start, end = _interval(day, precision)
        cols["date_start"] = pa.array(start, type=pa.date32(), mask=np.isnat(start))
        cols["date_end"] = pa.array(end, type=pa.date32(), mask=np.isnat(end))
        cols["event_day"] = pa.array(day.astype("datetime64[D]"), type=pa.date32())
        cols["date_precision"] = pa.array(precision).dictionary_encode()
        cols["is_text"] = pa.array(text)
        cols["num_sources"] = pa.array(np.where(text, rng.integers(1, 4, m), self.num_sources[rng.integers(0, self.n_sample, m)]))
        cols["confidence"] = pa.array(np.round(rng.uniform(0.45, 1.0, m), 3), mask=~text)
        codes, dictionary = self.domain
        cols["domain"] = _dict_array(codes[t], dictionary)
        cols["pub_lag"] = pa.array(rng.integers(0, 3, m).astype(np.int32))
        return pa.table(cols)


def _domain(url) -> str | None:
    if not isinstance(url, str) or "://" not in url:
        return None
    host = url.split("://", 1)[1].split("/", 1)[0].lower()
    return host[4:] if host.startswith("www.") else host


def _lags(s: pd.DataFrame) -> np.ndarray:
    """Days between report and event in the sample (GDELT's DATEADDED minus SQLDATE), 0 when unknown."""
    if "published" in s.columns and "date_start" in s.columns:
        lag = (pd.to_datetime(s["published"]).dt.normalize() - pd.to_datetime(s["date_start"])).dt.days
        lag = lag.dropna()
        lag = lag[(lag >= 0) & (lag <= 3660)]
        if len(lag):
            return lag.to_numpy(np.int64)
    return np.zeros(1, dtype=np.int64)


def _interval(day: np.ndarray, precision: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First and last day of the period of each precision that holds `day` (NaT for unknown)."""
    d = day.astype("datetime64[D]")
    one = np.timedelta64(1, "D")
    month = d.astype("datetime64[M]")
    moy = month.astype(np.int64) % 12  # 0 = January
    week0 = d - ((day.astype(np.int64) + 3) % 7).astype("timedelta64[D]")  # Monday
    quarter0 = month - (moy % 3).astype("timedelta64[M]")
    season0 = month - ((moy + 1) % 3).astype("timedelta64[M]")  # meteorological: DJF, MAM, JJA, SON
    year0 = d.astype("datetime64[Y]")
    decade0 = (year0.astype(np.int64) + 1970) // 10 * 10 - 1970
    decade0 = decade0.astype("datetime64[Y]")
    start, end = d.copy(), d.copy()
    for name, s0, e1 in (
        ("week", week0, week0 + 7 * one),
        ("month", month.astype("datetime64[D]"), (month + 1).astype("datetime64[D]")),
        ("quarter", quarter0.astype("datetime64[D]"), (quarter0 + 3).astype("datetime64[D]")),
        ("season", season0.astype("datetime64[D]"), (season0 + 3).astype("datetime64[D]")),
        ("year", year0.astype("datetime64[D]"), (year0 + 1).astype("datetime64[D]")),
        ("decade", decade0.astype("datetime64[D]"), (decade0 + 10).astype("datetime64[D]")),
    ):
        sel = precision == name
        start = np.where(sel, s0, start)
        end = np.where(sel, e1 - one, end)
    unknown = precision == "unknown"
    nat = np.datetime64("NaT", "D")
    return np.where(unknown, nat, start), np.where(unknown, nat, end)


# Strings are built in DuckDB from the generated columns, so Python never loops over rows.
INSERT_SQL = """
INSERT INTO events BY NAME
SELECT * EXCLUDE (date_expr_text) FROM (SELECT
    (CASE WHEN is_text THEN 'bench-text:' ELSE 'bench-gdelt:' END) || row_id AS event_id,
    date_start, date_end, date_precision,
    CASE date_precision
        WHEN 'day' THEN strftime(event_day, '%-d %B %Y')
        WHEN 'week' THEN 'the week of ' || strftime(date_start, '%-d %B %Y')
        WHEN 'month' THEN strftime(date_start, '%B %Y')
        WHEN 'quarter' THEN 'Q' || quarter(date_start) || ' ' || year(date_start)
        WHEN 'season' THEN (CASE month(date_start) WHEN 12 THEN 'winter' WHEN 3 THEN 'spring'
                            WHEN 6 THEN 'summer' ELSE 'autumn' END) || ' ' || year(date_start)
        WHEN 'year' THEN CAST(year(date_start) AS VARCHAR)
        WHEN 'decade' THEN 'the ' || year(date_start) || 's'
        ELSE 'some time ago' END AS date_expr_text,
    CASE WHEN is_text THEN date_expr_text END AS date_expr,
    CASE WHEN NOT is_text THEN 'dataset' WHEN date_precision = 'day' THEN 'explicit'
         WHEN date_precision = 'unknown' THEN 'narrative' ELSE 'relative' END AS date_basis,
    CASE date_precision
        WHEN 'day' THEN strftime(event_day, '%Y-%m-%d')
        WHEN 'week' THEN strftime(date_start, '%G-W%V')
        WHEN 'month' THEN strftime(date_start, '%Y-%m')
        WHEN 'quarter' THEN year(date_start) || '-Q' || quarter(date_start)
        WHEN 'season' THEN year(date_start) || '-' || (CASE month(date_start) WHEN 12 THEN 'WI' WHEN 3 THEN 'SP'
                                                        WHEN 6 THEN 'SU' ELSE 'FA' END)
        WHEN 'year' THEN CAST(year(date_start) AS VARCHAR)
        WHEN 'decade' THEN CAST(year(date_start) // 10 AS VARCHAR)
        END AS timex_value,
    actor1, actor1_code, actor1_country, actor1_type,
    actor2, actor2_code, actor2_country, actor2_type,
    event_code, event_root, event_label, quad_class, goldstein,
    location, country, region, lat, lon,
    CASE WHEN is_text THEN 'bench-doc:' || (row_id // 6) ELSE 'gdelt:' || row_id END AS doc_id,
    coalesce(domain, 'unknown source') AS source,
    'https://' || coalesce(domain, 'example.org') || '/bench/' || (row_id // 4) AS url,
    CAST(event_day + CAST(pub_lag AS INTEGER) AS TIMESTAMP) AS published,
    CASE WHEN is_text THEN concat_ws(' ', coalesce(actor1, 'Someone'), lower(coalesce(event_label, 'acted')),
                                     coalesce('with ' || actor2, ''), coalesce('in ' || location, ''),
                                     date_expr_text) || '.' END AS sentence,
    CASE WHEN is_text THEN (row_id % 40) * 120 END AS char_start,
    CASE WHEN is_text THEN (row_id % 40) * 120 + 110 END AS char_end,
    confidence,
    CASE WHEN is_text THEN 'text' ELSE 'gdelt' END AS origin,
    num_sources,
    CAST(NULL AS BIGINT) AS fatalities,
    CASE WHEN is_text AND row_id % 17 = 0 THEN 'reported' ELSE 'asserted' END AS modality,
    plover
FROM {table})
"""


def insert_sql(table: str) -> str:
    """The INSERT for one generated Arrow table registered under `table`; drops the helper columns."""
    return INSERT_SQL.format(table=table)
