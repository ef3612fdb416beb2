"""End to end (real actor, place and date components): one news sentence for each of the 20 CAMEO roots."""
from __future__ import annotations

import datetime as dt

import pytest

from analytics.coding import code_text

DCT = dt.date(2023, 8, 1)


@pytest.mark.parametrize("root, text, actor1_country, actor2_country", [
    ("01", "Chinese officials declined to comment on the report.", "CHN", None),
    ("02", "Germany urged Iran to return to the nuclear talks.", "DEU", "IRN"),
    ("03", "Japan promised to provide $500 million in aid to Ukraine.", "JPN", "UKR"),
    ("04", "The Saudi foreign minister visited Tehran on Saturday.", "SAU", "IRN"),
    ("05", "France praised Morocco's reforms.", "FRA", "MAR"),
    ("06", "Russia and China held joint naval exercises in the Sea of Japan.", "RUS", "CHN"),
    ("07", "The European Union sent humanitarian aid to Syria after the earthquake.", None, "SYR"),
    ("08", "Russia withdrew its troops from the Kyiv region.", "RUS", "UKR"),
    ("09", "UN inspectors investigated the attack on the convoy.", None, None),
    ("10", "Poland demanded that Germany pay war reparations.", "POL", "DEU"),
    ("11", "India criticised Pakistan for supporting militants.", "IND", "PAK"),
    ("12", "North Korea rejected South Korea's offer of talks.", "PRK", "KOR"),
    ("13", "China warned the United States against arms sales to Taiwan.", "CHN", "USA"),
    ("14", "Workers in France went on strike over pension reform.", "FRA", None),
    ("15", "Russia massed troops on the border with Ukraine.", "RUS", "UKR"),
    ("16", "Canada expelled a Chinese diplomat.", "CAN", "CHN"),
    ("17", "Iranian authorities arrested a French tourist.", "IRN", "FRA"),
    ("18", "Gunmen kidnapped 30 students in northern Nigeria.", "NGA", "NGA"),
    ("19", "Israeli aircraft bombed Hamas positions in Gaza.", "ISR", "PSE"),
    ("20", "Syrian government forces used chemical weapons against civilians in Douma.", "SYR", "SYR"),
])
def test_each_root(root, text, actor1_country, actor2_country):
    rows = [r for r in code_text(text, DCT) if r["event_root"] == root]
    assert rows, f"no {root} event in: {text}"
    assert rows[0]["actor1_country"] == actor1_country
    assert rows[0]["actor2_country"] == actor2_country
