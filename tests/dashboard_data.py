"""A small, deterministic store for the dashboard, views and browser tests (no extraction needed).

`build_store(path)` writes synthetic dataset rows and one ingested article whose text carries script
payloads, so tests can check that untrusted text is escaped everywhere.
"""

from __future__ import annotations

import datetime as dt
import random

import pandas as pd

from analytics import schema
from analytics.documents import Document
from analytics.store import Store

ACTORS = [
    ("Taliban", "AFG", "Southern Asia"),
    ("Russia", "RUS", "Eastern Europe"),
    ("China", "CHN", "Eastern Asia"),
    ("United States", "USA", "Northern America"),
    ("Pakistan", "PAK", "Southern Asia"),
    ("Iran", "IRN", "Southern Asia"),
    ("Kazakhstan", "KAZ", "Central Asia"),
    ("Uzbekistan", "UZB", "Central Asia"),
    ("India", "IND", "Southern Asia"),
    ("European Union", None, None),  # an actor with no country
]
CODES = [("036", "Express intent to meet or negotiate", 1, 4.0), ("043", "Host a visit", 1, 2.8),
         ("057", "Sign formal agreement", 1, 8.0), ("070", "Provide aid", 2, 7.0),
         ("112", "Accuse", 3, -2.0), ("130", "Threaten", 3, -4.4), ("190", "Use conventional military force", 4, -10.0),
         ("145", "Protest violently, riot", 4, -7.5)]
PRECISION_DAYS = {"day": 0, "week": 6, "month": 29, "year": 364}
XSS = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'


def synthetic_events(n: int = 300, seed: int = 3) -> pd.DataFrame:
    rng = random.Random(seed)
    rows = []
    base = dt.date(2021, 1, 1)
    for i in range(n):
        a1, a2 = rng.sample(ACTORS, 2)
        code, label, quad, gold = rng.choice(CODES)
        precision = rng.choices(list(PRECISION_DAYS), weights=[70, 10, 10, 10])[0]
        start = base + dt.timedelta(days=rng.randrange(0, 700))
        if precision == "year":
            start = dt.date(start.year, 1, 1)
        where = rng.choice([a1, a2])
        rows.append({
            "event_id": f"syn{i:05d}", "date_start": start, "date_end": start + dt.timedelta(days=PRECISION_DAYS[precision]),
            "date_precision": precision, "date_expr": f"around {start:%B %Y}" if precision != "day" else f"on {start:%d %B}",
            "date_basis": "dataset", "actor1": a1[0], "actor1_country": a1[1], "actor2": a2[0], "actor2_country": a2[1],
            "event_code": code, "event_root": code[:2], "event_label": label, "quad_class": quad, "goldstein": gold,
            "location": None if where[1] is None else f"{where[0]} capital", "country": where[1], "region": where[2],
            "lat": None if where[1] is None else 30 + rng.random() * 20, "lon": None if where[1] is None else 40 + rng.random() * 40,
            "doc_id": f"gd{i}", "source": rng.choice(["example.org", "news.example.com"]),
            "url": f"https://example.org/story/{i}", "origin": "gdelt", "num_sources": rng.randint(1, 5),
            "sentence": f"{a1[0]} and {a2[0]} were reported in event {i}.",
        })
    return schema.validate(schema.conform(rows))


ARTICLE = (
    "KABUL, Oct. 20, 2021 - The Taliban met Russian envoys in Moscow on Wednesday. "
    f"A reader comment said {XSS} and nothing else. "
    "Officials said talks would continue next month."
)


def xss_article() -> tuple[list[Document], pd.DataFrame]:
    """One article whose evidence sentence, actor name and title carry script payloads."""
    doc = Document(doc_id="xssdoc", text=ARTICLE, title=f"Talks {XSS}", published=dt.date(2021, 10, 20),
                   source="Example <b>News</b>", url="javascript:alert(1)")
    s = ARTICLE.index("A reader")
    e = ARTICLE.index("nothing else.") + len("nothing else.")
    row = {
        "event_id": "m:xss", "date_start": dt.date(2021, 10, 20), "date_end": dt.date(2021, 10, 20), "date_precision": "day",
        "date_expr": "Wednesday", "date_basis": "relative", "actor1": f"Taliban {XSS}", "actor1_country": "AFG",
        "actor2": "Russia", "actor2_country": "RUS", "event_code": "036", "event_root": "03",
        "event_label": "Express intent to meet or negotiate", "quad_class": 1, "goldstein": 4.0, "location": f"Moscow {XSS}",
        "country": "RUS", "region": "Eastern Europe", "lat": 55.75, "lon": 37.62, "doc_id": "xssdoc", "source": doc.source,
        "url": doc.url, "published": dt.date(2021, 10, 20), "sentence": ARTICLE[s:e], "char_start": s, "char_end": e,
        "origin": "text", "num_sources": 1, "confidence": 0.9,
    }
    return [doc], schema.validate(schema.conform([row]))


def build_store(path, n: int = 300) -> Store:
    store = Store(path)
    store.add_events(synthetic_events(n))
    docs, frame = xss_article()
    store.ingest(docs, frame)
    return store
