"""The event frame contract: dtypes, allowed values, and validation that reports every problem at once."""

import datetime as dt

import pandas as pd
import pytest

from analytics import schema
from analytics.errors import SchemaError

CONTRACT = (
    "event_id date_start date_end date_precision date_expr date_basis timex_value "
    "actor1 actor1_code actor1_country actor1_type actor2 actor2_code actor2_country actor2_type "
    "event_code event_root event_label quad_class goldstein location country region lat lon "
    "doc_id source url published sentence char_start char_end confidence origin num_sources fatalities"
).split()


def good_row(**kw):
    row = dict(
        event_id="e1", date_start=dt.date(2021, 10, 18), date_end=dt.date(2021, 10, 24), date_precision="week",
        date_expr="this week", date_basis="relative", timex_value="2021-W42", actor1="Russia", actor1_code="RUS",
        actor1_country="RUS", event_code="0874", event_root="08", quad_class=2, goldstein=7.0, country="TJK",
        lat=38.5, lon=68.8, origin="text", confidence=0.8, char_start=0, char_end=10, num_sources=1,
    )
    row.update(kw)
    return row


def test_contract_columns_are_all_declared_in_order():
    assert list(schema.COLUMNS[: len(CONTRACT)]) == CONTRACT


def test_conform_gives_declared_dtypes_and_na_for_missing():
    f = schema.conform([good_row(actor2="")])
    schema.validate(f)
    assert pd.api.types.is_datetime64_dtype(f["date_start"])
    assert str(f["quad_class"].dtype) == "Int64"
    assert f["event_code"][0] == "0874"
    assert f["actor2"].isna()[0] and f["fatalities"].isna()[0]


def test_empty_frame_validates():
    schema.validate(schema.empty_frame())


@pytest.mark.parametrize(
    "change, fragment",
    [
        ({"date_precision": "fortnight"}, "date_precision"),
        ({"origin": "twitter"}, "origin"),
        ({"event_code": "8"}, "event_code"),
        ({"event_root": "07"}, "event_root is not the first two digits"),
        ({"quad_class": 5}, "quad_class"),
        ({"goldstein": 11.0}, "goldstein"),
        ({"confidence": 1.5}, "confidence"),
        ({"lat": 95.0}, "lat"),
        ({"actor1_country": "Russia"}, "actor1_country"),
        ({"date_start": dt.date(2021, 11, 1)}, "date_start after date_end"),
        ({"char_start": 20}, "char_start after char_end"),
    ],
)
def test_each_rule_is_enforced(change, fragment):
    with pytest.raises(SchemaError) as err:
        schema.validate(schema.conform([good_row(**change)]))
    assert fragment in str(err.value)


def test_all_problems_are_reported_at_once():
    with pytest.raises(SchemaError) as err:
        schema.validate(schema.conform([good_row(origin="x", date_precision="y", event_code="1")]))
    assert len(err.value.problems) == 3


def test_missing_column_and_wrong_dtype_are_reported():
    f = schema.conform([good_row()]).drop(columns=["url"])
    f["quad_class"] = f["quad_class"].astype("float64")
    with pytest.raises(SchemaError) as err:
        schema.validate(f)
    text = str(err.value)
    assert "missing columns: url" in text and "quad_class: dtype" in text


def test_duplicate_event_ids_are_refused():
    with pytest.raises(SchemaError, match="duplicates"):
        schema.validate(schema.conform([good_row(), good_row()]))
