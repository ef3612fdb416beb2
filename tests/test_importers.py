"""Dataset importers (analytics/importers/): GDELT 1.0/2.0, ICEWS and ACLED into the event frame and the store.

Real files: the GDELT samples shipped in tests/data/gdelt/ (and data/gdelt/), the ICEWS and ACLED samples in
../shared/reference/ when present. Written rows in ICEWS/ACLED layouts are in tests/data/icews|acled/.
"""

from __future__ import annotations

import csv
import re
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analytics import schema
from analytics.__main__ import main
from analytics.errors import UserError
from analytics.importers import acled, gdelt, import_files, read_file
from analytics.importers.messages import message
from analytics.store import Store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
GDELT2 = DATA / "gdelt" / "20180326044500.export.CSV"
GDELT1_58 = DATA / "gdelt" / "gdelt1_events_20160728_every10th.tsv"
GDELT1_57 = DATA / "gdelt" / "gdelt1_events_1982_every10th.tsv"
GDELT_ZIP = ROOT / "data" / "gdelt" / "20180326044500.export.CSV.zip"
ICEWS_WRITTEN = DATA / "icews" / "events_written.tab"
ACLED_2020 = DATA / "acled" / "acled_2020_layout_written.csv"
ACLED_NOW = DATA / "acled" / "acled_current_layout_written.csv"


def raw_gdelt(path: Path, columns) -> pd.DataFrame:
    """The oracle: the GDELT file as strings, read with the csv module (independent of the importer)."""
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return pd.DataFrame(rows, columns=list(columns))


@pytest.fixture(scope="module")
def gdelt2():
    frame, report = read_file(GDELT2, "gdelt")
    return frame, report, raw_gdelt(GDELT2, gdelt.COLUMNS_V2)


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "events.duckdb")


def events(store) -> pd.DataFrame:
    return store.query("SELECT * FROM events ORDER BY event_id")


# -- GDELT -------------------------------------------------------------------------------------------


def test_gdelt2_every_row_one_event(gdelt2):
    frame, report, raw = gdelt2
    assert report.layout.startswith("GDELT 2.0") and report.malformed == 0
    assert len(frame) == len(raw) == 1540
    assert list(frame["event_id"]) == ["gdelt:" + i for i in raw["GLOBALEVENTID"]]
    schema.validate(frame)
    assert set(frame["origin"]) == {"gdelt"}


def test_gdelt2_fields_as_in_the_dataset(gdelt2):
    frame, _, raw = gdelt2
    assert list(frame["event_code"]) == list(raw["EventCode"])  # strings, leading zeros kept
    assert frame["event_code"].str.startswith("0").sum() > 100
    assert list(frame["event_root"]) == list(raw["EventRootCode"])
    assert list(frame["quad_class"]) == raw["QuadClass"].astype(int).tolist()
    assert list(frame["goldstein"]) == raw["GoldsteinScale"].astype(float).tolist()
    assert list(frame["num_sources"]) == raw["NumSources"].astype(int).tolist()
    assert list(frame["url"]) == list(raw["SOURCEURL"])  # unchanged
    dates = pd.to_datetime(raw["SQLDATE"], format="%Y%m%d")
    assert (frame["date_start"] == dates).all() and (frame["date_end"] == dates).all()
    assert set(frame["date_precision"]) == {"day"} and set(frame["date_basis"]) == {"dataset"}
    lat = raw["ActionGeo_Lat"].replace("", None).astype(float)
    assert frame["lat"].astype(float).fillna(999).tolist() == lat.fillna(999).tolist()


@pytest.mark.parametrize("fips, iso3", [("IN", "IND"), ("SF", "ZAF"), ("RS", "RUS"), ("UK", "GBR"), ("AS", "AUS")])
def test_gdelt_action_geo_fips_to_iso3(gdelt2, fips, iso3):
    frame, _, raw = gdelt2
    rows = raw["ActionGeo_CountryCode"] == fips
    assert rows.any()
    assert set(frame.loc[rows, "country"]) == {iso3}
    assert frame.loc[rows, "region"].notna().all()


def test_gdelt_actor_country_only_from_actor_country_code(gdelt2):
    frame, _, raw = gdelt2
    for a in ("1", "2"):
        code = raw[f"Actor{a}CountryCode"]
        got = frame[f"actor{a}_country"]
        # Never filled in from the geography: no country code, no actor country.
        assert got[code == ""].isna().all()
        countries = code.str.fullmatch(r"[A-Z]{3}") & got.notna()
        assert (got[countries] == code[countries]).all()
    regional = raw["Actor1CountryCode"].isin(["AFR", "MEA", "EUR", "ASA", "WSB", "SAM", "NMR", "SAS", "EAF", "WAF"])
    assert frame.loc[regional, "actor1_country"].isna().all()


def test_gdelt_country_actor_is_the_countrys_canonical_name(gdelt2):
    frame, _, raw = gdelt2
    rus = (raw["Actor1Code"] == "RUS") & (raw["Actor1Name"] == "RUSSIA")
    assert rus.any()
    assert set(frame.loc[rus, "actor1"]) == {"Russia"}
    assert set(frame.loc[raw["Actor1Code"] == "USA", "actor1"]) == {"United States"}


def test_gdelt_event_labels_from_cameo(gdelt2):
    frame, _, _ = gdelt2
    from analytics.coding.cameo import event_info

    for code, label in frame[["event_code", "event_label"]].drop_duplicates().itertuples(index=False):
        assert label == event_info(code)[0]


@pytest.mark.parametrize(
    "path, layout, has_url",
    [(GDELT1_58, "GDELT 1.0 events (58 columns)", True), (GDELT1_57, "GDELT 1.0 events (57 columns, no SOURCEURL)", False)],
)
def test_gdelt1_layouts_recognised_by_shape(path, layout, has_url):
    frame, report = read_file(path, "gdelt")
    raw = raw_gdelt(path, gdelt.COLUMNS_V1_URL if has_url else gdelt.COLUMNS_V1)
    assert report.layout == layout and report.malformed == 0 and len(frame) == len(raw)
    assert list(frame["event_code"]) == list(raw["EventCode"])
    assert frame["url"].notna().all() if has_url else frame["url"].isna().all()
    assert (frame["date_start"] == pd.to_datetime(raw["SQLDATE"], format="%Y%m%d")).all()


def test_gdelt_zip_equals_csv():
    a, _ = read_file(GDELT2, "gdelt")
    b, report = read_file(GDELT_ZIP, "auto")
    assert report.layout.startswith("GDELT 2.0")
    pd.testing.assert_frame_equal(a, b)


def test_small_chunks_give_the_same_frame(gdelt2):
    frame, _, _ = gdelt2
    chunked, report = read_file(GDELT2, "gdelt", block_size=64 << 10)
    pd.testing.assert_frame_equal(frame, chunked)


_values = st.lists(st.one_of(st.none(), st.sampled_from(["", " ", "\u00a0", "\x00", "RUS", " RUS", "AFR", "POLICE"]), st.text(max_size=4)), max_size=30)


@settings(max_examples=60, deadline=None)
@given(a=_values, b=_values, c=_values)
def test_map_distinct_rows_calls_once_per_combination_and_keeps_missing_apart(a, b, c):
    # One call per distinct combination, spread over the rows; a missing value is never confused with
    # any text (a NUL value once read as missing), and the overflow path answers the same.
    import pyarrow as pa
    import pyarrow.compute as pc

    from analytics.importers import columns as C

    n = min(len(a), len(b), len(c))
    cols = [pa.array(v[:n], pa.string()) for v in (a, b, c)]
    calls = []

    def fn(*values):
        calls.append(values)
        return repr(values)

    want = [repr(r) for r in zip(a[:n], b[:n], c[:n])]
    assert C.map_distinct_rows(cols, fn).to_pylist() == want
    assert len(calls) == len(set(calls)) == len(set(zip(a[:n], b[:n], c[:n])))
    if n:
        rare = C._map_distinct_rows_rare([pc.dictionary_encode(x) for x in cols], fn, pa.string())
        assert rare.to_pylist() == want


# -- ICEWS --------------------------------------------------------------------------------------------


def test_icews_written_rows():
    frame, report = read_file(ICEWS_WRITTEN, "icews")
    assert report.malformed == 0 and len(frame) == 7
    schema.validate(frame)
    f = frame.set_index("event_id")
    # Event ID is unique only with its date.
    assert {"icews:90000001:2021-10-20", "icews:90000001:2021-10-21"} <= set(f.index)
    r = f.loc["icews:90000001:2021-10-20"]
    assert (r.actor1, r.actor1_country, r.country, r.region) == ("Russia", "RUS", "RUS", "Eastern Europe")
    assert (r.event_code, r.event_root, r.quad_class, r.goldstein) == ("043", "04", 1, 2.8)
    assert (r.location, r.lat, r.lon, r.source, r.doc_id) == ("Moscow", 55.7522, 37.6156, "Invented Wire", "icews:story:700001")
    assert (r.actor2_type, r.actor2_country) == ("INS", "AFG")
    police = f.loc["icews:90000002:2021-10-20"]
    assert (police.actor1_type, police.actor1_code, police.actor2_type, police.location) == ("COP", "INDCOP", "CVL", "Kolkata")
    assert f.loc["icews:90000003:2021-10-21", "event_code"] == "040"  # leading zero restored
    assert pd.isna(f.loc["icews:90000003:2021-10-21", "lat"])  # "NA" is missing
    assert f.loc["icews:90000003:2021-10-21", "actor2_country"] == "PSE"
    assert f.loc["icews:90000005:2021-10-22", "actor2"] == "South Korea"  # "Korea, Republic of"
    assert f.loc["icews:90000006:2021-10-23", "actor1_type"] == "GOV"  # "* Ministry"
    assert f.loc["icews:90000004:2021-10-22", "actor1_type"] == "MIL"  # Military before Government


def test_icews_real_sample(shared):
    path = shared / "reference" / "icews" / "events.2018.sample.tab"
    frame, report = read_file(path, "auto")
    assert report.layout.startswith("ICEWS") and report.malformed == 0 and len(frame) == 3705
    raw = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    assert list(frame["event_id"]) == [f"icews:{i}:{d}" for i, d in zip(raw["Event ID"], raw["Event Date"])]
    assert list(frame["event_code"]) == list(raw["CAMEO Code"])
    assert list(frame["goldstein"]) == raw["Intensity"].astype(float).tolist()
    russia = raw["Source Name"] == "Russian Federation"
    if russia.any():
        assert set(frame.loc[russia, "actor1"]) == {"Russia"}
    assert set(frame.loc[raw["Source Country"] == "Russian Federation", "actor1_country"]) == {"RUS"}
    assert frame["country"].notna().mean() > 0.9


# -- ACLED --------------------------------------------------------------------------------------------


def test_acled_2020_layout_written_rows():
    frame, report = read_file(ACLED_2020, "acled")
    assert report.layout == "ACLED export, 2020 layout (31 columns)" and report.malformed == 0
    f = frame.set_index("event_id")
    clash = f.loc["acled:AFG90001"]
    assert (clash.date_start, clash.date_precision) == (pd.Timestamp("2021-10-20"), "day")  # "20-Oct-21"
    assert (clash.event_code, clash.event_root, clash.quad_class, clash.fatalities) == ("190", "19", 4, 3)
    assert (clash.num_sources, clash.actor1_type, clash.actor2_country, clash.country) == (2, "REB", "AFG", "AFG")
    assert clash.sentence.startswith("On 20 October 2021, an invented clash, written")
    protest = f.loc["acled:RUS90002"]  # time_precision 2: about a week
    assert (protest.date_start, protest.date_end, protest.date_precision) == (pd.Timestamp("2021-09-29"), pd.Timestamp("2021-10-05"), "week")
    assert protest.sentence == "An invented note that spans\ntwo lines, with a comma."
    assert (protest.actor1_country, protest.actor1_type) == ("RUS", "OPP")
    strike = f.loc["acled:YEM90003"]  # time_precision 3: the month
    assert (strike.date_start, strike.date_end, strike.timex_value) == (pd.Timestamp("2021-09-01"), pd.Timestamp("2021-09-30"), "2021-09")
    assert (strike.event_code, strike.actor1_country, strike.actor2_type, strike.fatalities) == ("195", "SAU", "CVL", 5)
    change = f.loc["acled:UKR90004"]  # no CAMEO equivalent
    assert pd.isna(change.event_code) and pd.isna(change.quad_class)


def test_acled_current_layout_written_rows():
    frame, report = read_file(ACLED_NOW, "auto")
    assert report.layout == "ACLED export, current layout (31 columns)" and report.malformed == 0
    f = frame.set_index("event_id")
    assert f.loc["acled:NGA91001", "date_start"] == pd.Timestamp("2020-05-09")  # "09 May 2020"
    assert f.loc["acled:MMR91002", "date_start"] == pd.Timestamp("2023-02-01")  # ISO
    assert f.loc["acled:NGA91001", "num_sources"] == 3
    assert (f.loc["acled:NGA91001", "event_code"], f.loc["acled:NGA91001", "actor1_type"]) == ("181", "UAF")
    assert f.loc["acled:SDN91003", "actor1_type"] == "MIL"  # "State forces"
    assert f.loc["acled:UKR91004", "quad_class"] == 1
    assert f.loc["acled:SDN91003", "fatalities"] == 12


def test_acled_real_sample(shared):
    path = shared / "reference" / "acled" / "acled_export_2020_header_plus_5_rows.csv"
    frame, report = read_file(path, "auto")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert report.malformed == 0 and len(frame) == len(raw) == 5
    assert list(frame["event_id"]) == ["acled:" + i for i in raw["event_id_cnty"]]
    assert list(frame["fatalities"]) == raw["fatalities"].astype(int).tolist()
    written = pd.to_datetime(raw["event_date"], format="%d-%b-%y")
    assert ((frame["date_start"] <= written) & (written <= frame["date_end"])).all()
    day = raw["time_precision"] == "1"
    assert (frame.loc[day, "date_start"] == written[day]).all() and set(frame.loc[day, "date_precision"]) == {"day"}
    assert list(frame["country"]) == list(raw["iso3"])
    assert frame["event_code"].notna().all()


@pytest.mark.parametrize(
    "text, expected",
    [("2020-05-09", "2020-05-09"), ("09 May 2020", "2020-05-09"), ("9 May 2020", "2020-05-09"), ("9-May-20", "2020-05-09"), ("31-Feb-20", None)],
)
def test_acled_date_styles(tmp_path, text, expected):
    path = tmp_path / "a.csv"
    path.write_text(f"event_id_cnty,event_date,event_type,actor1,country\nX1,{text},Protests,Protesters (Chile),Chile\n")
    frame, report = read_file(path, "acled")
    if expected is None:
        assert len(frame) == 0 and report.malformed == 1
    else:
        assert frame["date_start"].iloc[0] == pd.Timestamp(expected)


def test_acled_mapping_doc_matches_the_data_file():
    doc = (ROOT / "docs" / "ACLED_MAPPING.md").read_text(encoding="utf-8")
    table = [line for line in doc.splitlines() if line.startswith("|")]
    assert "\n".join(table) == acled.mapping_table_markdown()


def test_acled_mapping_codes_exist_and_agree_with_cameo():
    from analytics.coding.cameo import event_info

    for (etype, sub), (code, quad) in acled.cameo_table().items():
        if code is not None:
            assert event_info(code)[2] == quad, (etype, sub)


# -- one actor, one node ----------------------------------------------------------------------------


def test_one_actor_one_node_across_origins(gdelt2):
    from analytics.actors import canonical_actor

    frame, _, raw = gdelt2
    icews, _ = read_file(ICEWS_WRITTEN, "icews")
    gdelt_russia = set(frame.loc[raw["Actor1Name"] == "RUSSIA", "actor1"])
    icews_russia = set(icews.loc[icews["actor1_country"] == "RUS", "actor1"])
    assert gdelt_russia == icews_russia == {canonical_actor("Russia").name}


# -- the store, the CLI and bad input ---------------------------------------------------------------


def test_import_into_store_and_again_adds_nothing(store, tmp_path):
    report = import_files("auto", [GDELT2, ICEWS_WRITTEN, ACLED_2020], store)
    assert report.ok and report.added == 1540 + 7 + 4
    before = events(store)
    assert set(before["origin"]) == {"gdelt", "icews", "acled"}
    again = import_files("auto", [GDELT2, ICEWS_WRITTEN, ACLED_2020], store)
    assert again.added == 0 and all(f.already_imported for f in again.files)
    # Same rows under another name or zipped: the hash differs, the event ids do not.
    copy = tmp_path / "copy.CSV"
    shutil.copyfile(GDELT2, copy)
    zipped = import_files("auto", [copy, GDELT_ZIP], store)
    assert zipped.added == 0 and zipped.files[0].already_imported and zipped.files[1].existing == 1540
    pd.testing.assert_frame_equal(before, events(store))


def test_progress_callback(store):
    seen = []
    import_files("gdelt", [GDELT2, GDELT1_58], store, progress=seen.append, block_size=64 << 10)
    assert len(seen) > 3
    assert [p.rows for p in seen] == sorted(p.rows for p in seen)
    assert seen[-1].rows == 1540 + 509 and seen[-1].bytes_done == seen[-1].bytes_total


def _with_bad_rows(tmp_path) -> Path:
    lines = GDELT2.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = "\t".join(lines[4].split("\t")[:30]) + "\n"  # line 5: too few fields
    fields = lines[9].split("\t")
    fields[1] = "20181345"  # line 10: impossible SQLDATE
    lines[9] = "\t".join(fields)
    lines[20] = lines[19]  # line 21: repeats line 20's event id
    path = tmp_path / "bad.export.CSV"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_malformed_rows_skipped_and_reported_with_line(store, tmp_path):
    path = _with_bad_rows(tmp_path)
    report = import_files("gdelt", [path], store, block_size=16 << 10)
    f = report.files[0]
    assert report.ok and f.malformed == 2 and f.added == 1537 and f.rows == 1540
    assert f.problems == [
        f"{path}: " + message("fields", line=5, got=30, want=61),
        f"{path}: " + message("bad_value", line=10, reason="SQLDATE is not a YYYYMMDD date"),
        f"{path}: line 21: event id gdelt:{GDELT2.read_text().splitlines()[19].split(chr(9))[0]} appears twice in the file; second row skipped",
    ]


def test_cli_warning_exit_0_and_quiet_when_piped(tmp_path, capsys):
    path = _with_bad_rows(tmp_path)
    code = main(["import", "auto", str(path), "--store", str(tmp_path / "s.duckdb")])
    err = capsys.readouterr().err
    assert code == 0
    assert f"warning: {path}: line 5: 30 fields, expected 61; row skipped" in err
    assert "2 malformed rows skipped" in err
    assert "\r" not in err and "it/s" not in err  # no progress bar when standard error is not a terminal


def _snapshot(store):
    return store.path.read_bytes() if store.exists() else None


@pytest.mark.parametrize(
    "content, key",
    [
        (b"", "empty"),
        (b"\n\n  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ("not_data", {"kind": "PNG image"})),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", ("not_data", {"kind": "PDF"})),      # a report saved as .csv
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), ("not_data", {"kind": "Microsoft Office (.doc/.xls)"})),
        (b"GLOBALEVENTID\x00\tSQLDATE\n", "binary"),
        ("caf\xe9\tna\xefve\n".encode("latin-1"), "encoding"),
        (b"title,body\nhello,world\n", None),
    ],
)
def test_unusable_file_refused_before_anything_is_written(store, tmp_path, content, key):
    import_files("gdelt", [GDELT1_57], store)
    before = _snapshot(store)
    bad = tmp_path / "input.csv"
    bad.write_bytes(content)
    report = import_files("auto", [GDELT1_58, bad], store)
    assert not report.ok and report.added == 0 and len(report.refused) == 1
    assert report.refused[0].startswith(f"{bad}: ")
    if key:
        key, kw = key if isinstance(key, tuple) else (key, {})
        assert report.refused[0] == f"{bad}: {message(key, **kw)}"
    assert _snapshot(store) == before


def test_wrong_format_refused_with_exit_1(tmp_path, capsys):
    store = tmp_path / "s.duckdb"
    code = main(["import", "icews", str(GDELT2), "--store", str(store)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and not store.exists()
    assert err[0] == f"error: {GDELT2}: looks like a GDELT events export, not an ICEWS coded event file; use `import gdelt` or `import auto`"
    assert len([line for line in err if line.startswith("error:")]) == 1


def test_missing_file_and_zip_with_two_members(store, tmp_path):
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.CSV", "x")
        z.writestr("b.CSV", "y")
    report = import_files("auto", [tmp_path / "nope.CSV", archive], store)
    assert report.refused == [f"{tmp_path / 'nope.CSV'}: {message('not_found')}", f"{archive}: {message('zip_members', n=2)}"]
    assert not store.exists()


@pytest.mark.parametrize(
    "step, fail_on_call",
    [
        ("_stage_batch", 2),  # mid-file, after a batch was staged
        ("_insert_staged", 1),  # while moving the staged rows into events (after they are inserted)
        ("_record_import", 1),  # after the events are in, before the file's hash is recorded
    ],
)
def test_failed_import_leaves_store_as_it_was(store, tmp_path, monkeypatch, step, fail_on_call):
    import analytics.importers as importers

    # ids in descending order: the batches' id ranges overlap from the second on, so they are staged
    path = tmp_path / "reversed.export.CSV"
    path.write_text("".join(GDELT2.read_text(encoding="utf-8").splitlines(keepends=True)[::-1]), encoding="utf-8")
    import_files("gdelt", [GDELT1_57], store)
    before = _snapshot(store)
    calls = {"n": 0}
    original = getattr(importers, step)

    def failing(*args, **kwargs):
        calls["n"] += 1
        result = original(*args, **kwargs)  # the step's writes happen, then it fails
        if calls["n"] == fail_on_call:
            raise RuntimeError("disk on fire")
        return result

    monkeypatch.setattr(importers, step, failing)
    monkeypatch.setattr("analytics.importers.INSERT_ROWS", 100)
    with pytest.raises(RuntimeError):
        import_files("gdelt", [path], store, block_size=16 << 10)
    assert calls["n"] == fail_on_call
    assert _snapshot(store) == before


def test_invalid_utf8_after_the_sample_fails_cleanly(store, tmp_path):
    import_files("gdelt", [GDELT1_57], store)
    before = _snapshot(store)
    data = GDELT2.read_bytes()
    cut = len(data) - 2000
    path = tmp_path / "late.CSV"
    path.write_bytes(data[:cut] + data[cut:].replace(b"http", b"\xff\xfetp", 1))
    with pytest.raises(UserError, match="UTF-8"):
        import_files("gdelt", [path], store)
    assert _snapshot(store) == before


def _with_bad_byte(column: str, line: int = 500) -> bytes:
    lines = GDELT2.read_bytes().split(b"\n")
    fields = lines[line].split(b"\t")
    fields[gdelt.COLUMNS_V2.index(column)] = b"Caf\xe9"  # Latin-1, not UTF-8
    lines[line] = b"\t".join(fields)
    return b"\n".join(lines)


@pytest.mark.parametrize("zipped", [False, True])
def test_a_bad_byte_in_a_used_column_fails_cleanly_and_in_an_unused_one_does_not_matter(store, tmp_path, zipped):
    # Only the columns the layout reads must be UTF-8 (Arrow's reader checks the columns it converts), in a
    # plain file and in a zip member alike; pinned for any cheaper UTF-8 check (docs/BENCHMARKS.md, round 5).
    import_files("gdelt", [GDELT1_57], store)
    before = _snapshot(store)
    for column, fails in (("ActionGeo_FullName", True), ("Actor1Geo_FullName", False)):
        path = tmp_path / f"{column}.export.CSV"
        path.write_bytes(_with_bad_byte(column))
        if zipped:
            with zipfile.ZipFile(path.with_suffix(".zip"), "w") as z:
                z.write(path, path.name)
            path = path.with_suffix(".zip")
        if fails:
            with pytest.raises(UserError, match="not valid UTF-8"):
                import_files("gdelt", [path], store)
            assert _snapshot(store) == before
        else:
            report = import_files("gdelt", [path], store)
            assert report.added == 1540 and report.malformed == 0


# -- arbitrary rows never escape the reported error path -----------------------------------------------

_cell = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "NA", "2018-06-01", "9-May-20", "042", "-10", "1e400", "nan", '"', ",", "\t", "\n", "\r\n", " "]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(_cell, min_size=0, max_size=35), max_size=6), fmt=st.sampled_from(["acled", "icews"]))
def test_arbitrary_rows_are_imported_or_reported(tmp_path, rows, fmt):
    if fmt == "acled":
        header = ACLED_2020.read_text(encoding="utf-8").splitlines()[0]
        body = "\n".join(",".join(r) for r in rows)
    else:
        header = ICEWS_WRITTEN.read_text(encoding="utf-8").splitlines()[0]
        body = "\n".join("\t".join(r) for r in rows)
    path = tmp_path / f"input.{fmt}"
    path.write_bytes((header + "\n" + body + "\n").encode("utf-8", errors="replace"))
    try:
        frame, report = read_file(path, fmt)
    except UserError:
        return
    schema.validate(frame)
    assert len(frame) + report.malformed + report.existing == report.rows
    assert len(report.problems) == report.malformed + report.existing


def test_default_data_is_the_real_gdelt_export(store):
    from analytics.importers import default_files

    files = default_files()
    assert [p.name for p in files] == ["20180326044500.export.CSV.zip"]
    assert "https://www.gdeltproject.org/" in (files[0].parent / "README.md").read_text(encoding="utf-8")
    report = import_files("auto", files, store)
    assert report.added == 1540 and set(events(store)["origin"]) == {"gdelt"}


def test_bulk_load_leaves_the_table_clustered(store, monkeypatch):
    from analytics.store import CLUSTER_ORDER

    monkeypatch.setattr("analytics.importers.CLUSTER_MIN_ROWS", 1000)
    report = import_files("gdelt", [GDELT2], store)
    assert report.clustered
    keys = store.query(f"SELECT {', '.join(CLUSTER_ORDER)} FROM events")  # physical order
    assert len(keys) == 1540
    expected = keys.sort_values(list(CLUSTER_ORDER), na_position="last", kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(keys, expected)
    small = import_files("gdelt", [GDELT1_57], store)  # 201 rows into 1,540: below the threshold
    assert not small.clustered and small.added == 201


@pytest.mark.parametrize("cluster", [True, False])
@pytest.mark.parametrize("ordered", [True, False])
def test_streamed_import_stores_the_same_rows(store, tmp_path, monkeypatch, ordered, cluster):
    # Batches are streamed straight into the events table (sorted on the cluster key, or not) while their
    # id ranges follow one another, and the rest of the file is staged once they do not (here: midway, or
    # from the second batch); the two sorted runs of a clustered import are then re-sorted.
    lines = GDELT2.read_text(encoding="utf-8").splitlines(keepends=True)  # ids in ascending order
    lines = lines if ordered else lines[::-1]
    lines = lines[:900] + lines[:10] + lines[900:]  # ten ids again after 900 rows: kept once, first row
    path = tmp_path / "gdelt.export.CSV"
    path.write_text("".join(lines), encoding="utf-8")
    monkeypatch.setattr("analytics.importers.CLUSTER_MIN_ROWS", 1000)
    monkeypatch.setattr("analytics.importers.INSERT_ROWS", 100)
    report = import_files("gdelt", [path], store, cluster=cluster, block_size=16 << 10)
    f = report.files[0]
    assert report.clustered == cluster and (f.rows, f.added, f.existing, f.malformed) == (1550, 1540, 10, 0)
    want, _ = read_file(GDELT2, "gdelt")
    want = schema.conform(want.sort_values("event_id").reset_index(drop=True))
    pd.testing.assert_frame_equal(schema.conform(events(store)), want)
    if cluster:
        from analytics.store import CLUSTER_ORDER

        keys = store.query(f"SELECT {', '.join(CLUSTER_ORDER)} FROM events")  # physical order
        expected = keys.sort_values(list(CLUSTER_ORDER), na_position="last", kind="stable").reset_index(drop=True)
        pd.testing.assert_frame_equal(keys, expected)
    assert import_files("gdelt", [path], store, cluster=cluster).files[0].already_imported


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(st.tuples(st.integers(0, 9), st.integers(0, 62), _cell), max_size=12),
    extra=st.lists(st.lists(_cell, max_size=63), max_size=3),
)
def test_gdelt_rows_with_arbitrary_fields_are_imported_or_reported(tmp_path, edits, extra):
    lines = [line.split("\t") for line in GDELT2.read_text(encoding="utf-8").splitlines()[:10]]
    for row, col, value in edits:
        if col < len(lines[row]):
            lines[row][col] = value
    text = "\n".join("\t".join(r) for r in lines + extra) + "\n"
    path = tmp_path / "edited.export.CSV"
    path.write_bytes(text.encode("utf-8", errors="replace"))
    try:
        frame, report = read_file(path, "gdelt")
    except UserError:
        return
    schema.validate(frame)
    assert len(frame) + report.malformed + report.existing == report.rows
    assert len(report.problems) == report.malformed + report.existing


# -- the importer's Arrow validation checks what schema.validate checks ---------------------------------


def _break(frame: pd.DataFrame, edit: str) -> pd.DataFrame:
    f = frame.head(40).copy()
    if edit == "none":
        pass
    elif edit == "missing_id":
        f.loc[3, "event_id"] = pd.NA
    elif edit == "origin":
        f.loc[[2, 5], "origin"] = "rss"
    elif edit == "precision":
        f.loc[7, "date_precision"] = "fortnight"
    elif edit == "quad":
        f.loc[1, "quad_class"] = 5
    elif edit == "country_pattern":
        f.loc[4, "country"] = "ru"
    elif edit == "blank":
        f.loc[[0, 9], "actor1"] = ["  ", "\u00a0"]
    elif edit == "dates":
        f.loc[6, "date_start"] = f.loc[6, "date_end"] + pd.Timedelta(days=3)
    elif edit == "ranges":
        f.loc[2, "goldstein"] = 12.5
        f.loc[3, "lat"] = 95.0
        f.loc[4, "num_sources"] = -1
    elif edit == "root":
        f.loc[8, ["event_code", "event_root"]] = ["0874", "05"]
    elif edit == "duplicate":
        f.loc[10, "event_id"] = f.loc[11, "event_id"]
    elif edit == "no_column":
        f = f.drop(columns=["plover"])
    elif edit == "several":
        f.loc[2, "origin"] = "rss"
        f.loc[4, "country"] = "ru"
        f.loc[5, "event_id"] = pd.NA
    return f


@pytest.mark.parametrize(
    "edit",
    ["none", "missing_id", "origin", "precision", "quad", "country_pattern", "blank", "dates", "ranges", "root", "duplicate", "no_column", "several"],
)
def test_arrow_validation_reports_what_schema_validate_reports(gdelt2, edit):
    import pyarrow as pa

    from analytics.errors import SchemaError
    from analytics.importers.checks import validate_table

    frame = _break(gdelt2[0], edit)

    def problems(check, value):
        try:
            check(value)
        except SchemaError as e:
            return e.problems
        return []

    expected = problems(schema.validate, frame)
    got = problems(validate_table, pa.Table.from_pandas(frame, preserve_index=False))
    assert (edit == "none") == (expected == [])
    # Same problems, same counts, same examples (numpy's repr of an integer aside).
    assert got == [re.sub(r"np\.\w+\(([^()]*)\)", r"\1", p) for p in expected]


def test_ids_repeated_across_batches_are_stored_once(store, tmp_path, monkeypatch):
    # Batches are deduplicated on their own; a repeat in a later batch is caught when the file's rows
    # are inserted: the first row is kept, the repeat counted as already stored.
    lines = GDELT2.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "repeat.export.CSV"
    repeat = lines[3].rstrip("\n").split("\t")
    repeat[-1] = "https://example.org/the-repeat"  # so that which of the two rows was kept shows
    path.write_text("".join(lines + ["\t".join(repeat) + "\n"]), encoding="utf-8")
    monkeypatch.setattr("analytics.importers.INSERT_ROWS", 100)
    report = import_files("gdelt", [path], store, block_size=16 << 10)
    f = report.files[0]
    assert (f.rows, f.added, f.existing, f.malformed) == (1541, 1540, 1, 0)
    stored = store.query("SELECT event_id, num_sources, url FROM events ORDER BY event_id")
    assert stored["event_id"].is_unique and len(stored) == 1540
    first, _ = read_file(GDELT2, "gdelt")
    want = first[["event_id", "num_sources", "url"]].sort_values("event_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(stored, want, check_dtype=False)


def test_many_batches_and_columns_that_vary_late_are_stored_as_read(store, tmp_path, monkeypatch):
    # Staging leaves out columns that hold one value so far (DATEADDED is one value in a 15-minute export)
    # and sorts each batch: a later batch with another DATEADDED or no SOURCEURL must bring the column
    # back with the earlier rows' value, and the rows of many sorted batches must end up in one order.
    # The stream leaves out the columns empty in its first batch: here no row before 300 has an actor 2.
    lines = GDELT2.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines[:300]):
        fields = line.split("\t")
        fields[15:25] = [""] * 10
        lines[i] = "\t".join(fields)
    late = []
    for line in lines[800:]:
        fields = line.rstrip("\n").split("\t")
        fields[59], fields[60] = "20180327120000", ""
        late.append("\t".join(fields) + "\n")
    path = tmp_path / "late.export.CSV"
    path.write_text("".join(lines[:800] + late), encoding="utf-8")
    monkeypatch.setattr("analytics.importers.INSERT_ROWS", 100)
    monkeypatch.setattr("analytics.importers.CLUSTER_MIN_ROWS", 1000)
    report = import_files("gdelt", [path], store, block_size=16 << 10)
    assert report.clustered and report.added == 1540 and report.malformed == 0
    want, _ = read_file(path, "gdelt")
    assert want["published"].nunique() == 2 and want["url"].isna().sum() == 740
    assert want.sort_values("event_id")["actor2_code"].head(300).isna().all()
    got = schema.conform(events(store))
    want = schema.conform(want.sort_values("event_id").reset_index(drop=True))
    pd.testing.assert_frame_equal(got, want)
    from analytics.store import CLUSTER_ORDER

    keys = store.query(f"SELECT {', '.join(CLUSTER_ORDER)} FROM events")  # physical order
    expected = keys.sort_values(list(CLUSTER_ORDER), na_position="last", kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(keys, expected)


@pytest.mark.parametrize("cluster", [True, False])
def test_failed_streaming_import_leaves_store_as_it_was(store, monkeypatch, cluster):
    import analytics.importers as importers

    import_files("gdelt", [GDELT1_57], store)
    before = _snapshot(store)
    calls = {"n": 0}
    original = importers._Direct.put

    def failing(self, *args):
        calls["n"] += 1
        result = original(self, *args)  # the batch is on its way into events, then the import fails
        if calls["n"] == 3:
            raise RuntimeError("disk on fire")
        return result

    monkeypatch.setattr(importers._Direct, "put", failing)
    monkeypatch.setattr("analytics.importers.INSERT_ROWS", 100)
    with pytest.raises(RuntimeError, match="disk on fire"):
        import_files("gdelt", [GDELT2], store, cluster=cluster, block_size=16 << 10)
    assert calls["n"] == 3 and _snapshot(store) == before
