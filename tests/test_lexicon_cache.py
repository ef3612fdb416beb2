"""The compiled actor lexicon's on-disk cache (analytics/actors/lexicon.py): the same lexicon as a fresh build,
and never in the way (a missing, stale, broken or unwritable cache means building it)."""

from __future__ import annotations

import pytest

from analytics.actors import lexicon as lx


@pytest.fixture(scope="module")
def built():
    return lx.build_lexicon()


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def same(a: lx.Lexicon, b: lx.Lexicon) -> bool:
    return (a.by_key, a.agents, a.country_entries, a.by_code, a.index._phrases, a.index._maxlen) == (
        b.by_key, b.agents, b.country_entries, b.by_code, b.index._phrases, b.index._maxlen)


def test_the_cached_lexicon_is_the_built_one(built, cache_home):
    path = lx._cache_path()
    assert path.parent.parent == cache_home and not path.exists()
    lx._write_cache(path, built)
    cached = lx._read_cache(path)
    assert cached is not built and same(cached, built)
    # entries shared between tables stay one object, as in the build
    assert cached.by_key["russia"][0] is cached.country_entries["RUS"]


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05N."])  # empty, garbage, a pickled None
def test_a_broken_cache_is_rebuilt(built, cache_home, content):
    path = lx._cache_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert lx._read_cache(path) is None
    lx._write_cache(path, built)  # replaced by a good one
    assert same(lx._read_cache(path), built)


def test_an_unwritable_cache_is_skipped(built, cache_home):
    (cache_home / "geotimeline").write_text("a file where the cache folder would be")
    path = lx._cache_path()
    lx._write_cache(path, built)  # no error
    assert lx._read_cache(path) is None


def test_the_cache_key_follows_the_lexicon_files(cache_home, monkeypatch, tmp_path):
    before = lx._cache_path()
    files = tmp_path / "lexicons"
    files.mkdir()
    for f in lx.LEXICONS.iterdir():
        if f.is_file():
            (files / f.name).write_bytes(f.read_bytes())
    monkeypatch.setattr(lx, "LEXICONS", files)
    assert lx._cache_path() == before
    with (files / "actors.tsv").open("a", encoding="utf-8") as fh:
        fh.write("person\tNew Person\tUSAGOV\tNew Person\tcurated\n")
    assert lx._cache_path() != before
