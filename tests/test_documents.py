"""Reading documents: every format, cleaning, the order of publication-date sources, and bad input."""

import datetime as dt
import io
import json

import pytest

from analytics import documents as D

ARTICLE = "Officials met in Geneva on Monday to discuss the ceasefire.\n\nThe talks will continue next week."


def read(*paths, **kw):
    return D.read_paths([str(p) for p in paths], **kw)


def test_seed_is_read_cleaned_and_dated(seed_documents):
    (doc,) = seed_documents
    assert doc.published == dt.date(2021, 10, 20) and doc.source == "ABC News"
    assert not doc.text.startswith("Skip to content")
    assert "Not all news on the site" not in doc.text
    assert "Lavrov" in doc.text


@pytest.mark.parametrize(
    "line",
    [
        "Skip to content", "Skip to main content", "Menu", "Share this", "Share | Tweet | Email",
        "Subscribe to our newsletter", "Sign up for our daily newsletter", "Follow us on Twitter",
        "© 2021 Reuters. All rights reserved.", "Copyright 2019 The Associated Press",
        "Not all news on the site expresses the point of view of the site.", "Advertisement", "3 min read",
        "This material may not be published, broadcast, rewritten or redistributed.",
    ],
)
def test_boilerplate_lines_are_dropped(line):
    assert D.clean_text(f"{line}\n{ARTICLE}\n{line}") == ARTICLE


@pytest.mark.parametrize(
    "sentence",
    [
        "Home secretary Priti Patel said the plan would go ahead.",
        "Share prices fell sharply in Tokyo after the announcement.",
        "Menu prices at state canteens rose by a third.",
        "Follow-up talks are planned for next month.",
        "The search for survivors continued overnight.",
    ],
)
def test_news_sentences_are_kept(sentence):
    assert D.clean_text(sentence) == sentence


def test_text_markdown_front_matter_and_sidecar(tmp_path):
    (tmp_path / "a.md").write_text(f"---\npublished: 2020-03-01\ntitle: T\nsource: Wire\n---\n{ARTICLE}")
    (tmp_path / "b.txt").write_text(ARTICLE + " B")
    (tmp_path / "b.meta.json").write_text(json.dumps({"published": "2019-05-06", "url": "http://x/b"}))
    docs = {d.path.rsplit("/", 1)[1]: d for d in read(tmp_path).documents}
    assert docs["a.md"].published == dt.date(2020, 3, 1) and docs["a.md"].source == "Wire" and docs["a.md"].title == "T"
    assert docs["b.txt"].published == dt.date(2019, 5, 6) and docs["b.txt"].url == "http://x/b"
    assert docs["b.txt"].published_from == "sidecar"


def test_html_main_text_is_extracted(tmp_path):
    body = " ".join([ARTICLE] * 3)
    html = f"""<html><head><title>Talks</title><meta property="article:published_time" content="2022-02-03"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Talks in Geneva</h1>
    <p>{body}</p><p>{body}</p></article><footer>Copyright 2022 Example News</footer></body></html>"""
    (tmp_path / "p.html").write_text(html)
    (doc,) = read(tmp_path / "p.html").documents
    assert "Geneva" in doc.text and "World" not in doc.text.split("\n")[0]
    assert doc.published == dt.date(2022, 2, 3)


def test_json_and_jsonl_text_is_taken_as_given(tmp_path):
    text = "Skip to content\nRebels seized the town on Friday."
    (tmp_path / "one.json").write_text(json.dumps({"id": "j1", "text": text, "published": "2020-01-02", "title": "t"}))
    (tmp_path / "many.jsonl").write_text(
        json.dumps({"id": "l1", "text": "A", "published": "2020-01-03"}) + "\n" + json.dumps({"id": "l2", "text": "B"}) + "\n"
    )
    docs = {d.doc_id: d for d in read(tmp_path).documents}
    assert docs["j1"].text == text and docs["j1"].published == dt.date(2020, 1, 2)
    assert docs["l1"].published == dt.date(2020, 1, 3) and docs["l2"].published is None


def test_folder_skips_sidecars_readmes_licences_and_hidden_files(tmp_path):
    for name in ("README.md", "LICENSE", "LICENCE.txt", "NOTICE.txt", ".hidden.txt", "x.meta.json"):
        (tmp_path / name).write_text("{}" if name.endswith("json") else ARTICLE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text(ARTICLE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "real.txt").write_text(ARTICLE)
    result = read(tmp_path)
    assert [d.path.rsplit("/", 1)[1] for d in result.documents] == ["real.txt"]
    assert not result.problems


def test_publication_date_order(tmp_path):
    # own field beats sidecar beats dateline beats option
    (tmp_path / "f.json").write_text(json.dumps({"text": "LONDON, 3 March 2019 - x", "published": "2018-01-01"}))
    assert read(tmp_path / "f.json", published="2000-01-01").documents[0].published == dt.date(2018, 1, 1)
    (tmp_path / "s.txt").write_text("LONDON, 3 March 2019 - Talks began.")
    (tmp_path / "s.meta.json").write_text(json.dumps({"published": "2017-07-07"}))
    assert read(tmp_path / "s.txt", published="2000-01-01").documents[0].published == dt.date(2017, 7, 7)
    (tmp_path / "d.txt").write_text("MOSCOW, Oct. 20 (AP) \u2014 Russia hosted talks.")
    doc = read(tmp_path / "d.txt", published="2021-01-01").documents[0]
    assert doc.published == dt.date(2021, 10, 20) and doc.published_from == "dateline"
    (tmp_path / "o.txt").write_text("Russia hosted talks.")
    doc = read(tmp_path / "o.txt", published="2021-01-01").documents[0]
    assert doc.published == dt.date(2021, 1, 1) and doc.published_from == "option"


@pytest.mark.parametrize(
    "opening, expected",
    [
        ("KABUL, Afghanistan, Aug. 15, 2021 (Reuters) - The Taliban entered Kabul.", dt.date(2021, 8, 15)),
        ("LONDON, 3 March 2019 - Talks began.", dt.date(2019, 3, 3)),
        ("WASHINGTON, Jan. 6, 2021 \u2014 Crowds gathered.", dt.date(2021, 1, 6)),
        ("The Taliban entered Kabul.", None),
    ],
)
def test_datelines(opening, expected):
    assert D.dateline_date(opening, None) == expected


def test_no_date_is_a_warning_not_an_error(tmp_path):
    (tmp_path / "u.txt").write_text(ARTICLE)
    result = read(tmp_path / "u.txt")
    assert result.documents and not result.problems
    assert "1 document(s) have no publication date" in result.warnings[0] and "u.txt" in result.warnings[0]


def test_doc_id_is_stable_hash_of_cleaned_text(tmp_path):
    (tmp_path / "a.txt").write_text("Skip to content\n" + ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE + "\n")
    a, b = read(tmp_path / "a.txt").documents[0], read(tmp_path / "b.txt").documents[0]
    assert a.doc_id == b.doc_id == D.text_id(ARTICLE)


@pytest.mark.parametrize(
    "name, content, fragment",
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n ", "file is empty"),
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "is a PNG image file, not text"),
        ("noise.txt", bytes(range(256)) * 4, "binary file, not text (a NUL byte at offset 0)"),
        ("late-nul.txt", ARTICLE.encode() * 400 + b"\x00" + ARTICLE.encode(), "a NUL byte at offset"),
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "is a PDF file, not text"),
        ("report.html", b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n%%EOF\n", "is a PDF file, not text"),
        ("memo.md", b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "is a ZIP (or Word/Excel .docx/.xlsx) file"),
        ("feed.jsonl", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "is a gzip file, not text"),
        ("nul.jsonl", b'{"text": "a"}\n\x00\x01\x02', "a NUL byte at offset 14"),
        ("latin.txt", "Caf\u00e9 talks in S\u00e3o Paulo".encode("latin-1"), "not valid UTF-8 text (byte 0xE9 at offset 3"),
        ("cp1252.md", "\u201cTalks\u201d resume".encode("cp1252"), "not valid UTF-8 text (byte 0x93 at offset 0"),
        ("bom-only.txt", b"\xef\xbb\xbf \n", "file is empty"),
        ("bad.json", b"{not json", "not valid JSON"),
        ("nodate.json", json.dumps({"text": "x", "published": "2021-02-30"}).encode(), "impossible publication date"),
        ("notext.json", json.dumps({"title": "x"}).encode(), "needs a non-empty 'text'"),
        ("photo.png", b"\x89PNG", "unsupported extension"),
    ],
)
def test_bad_input_gets_one_clear_line_and_others_still_read(tmp_path, name, content, fragment):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(ARTICLE)
    result = read(tmp_path / name, tmp_path / "good.txt")
    assert len(result.documents) == 1
    assert len(result.problems) == 1 and name in result.problems[0] and fragment in result.problems[0]


def test_malformed_json_line_names_file_and_line(tmp_path):
    p = tmp_path / "m.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "ok"}) + "\n{broken\n" + json.dumps({"id": "c", "text": "ok too"}) + "\n")
    result = read(p)
    assert [d.doc_id for d in result.documents] == ["a", "c"]
    assert result.problems == [f"{p}: line 2: not valid JSON (Expecting property name enclosed in double quotes)"]


def test_absurd_size_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(D, "MAX_DOCUMENT_BYTES", 100)
    (tmp_path / "big.txt").write_text("x" * 101)
    assert "over the 100-byte limit" in read(tmp_path / "big.txt").problems[0]


def test_missing_path(tmp_path):
    assert "no such file" in read(tmp_path / "nope.txt").problems[0]


def test_stdin_jsonl_and_plain_text():
    stdin = io.StringIO(json.dumps({"id": "s1", "published": "2021-10-20", "text": "Hi"}) + "\n")
    r = D.read_paths(["-"], stdin=stdin)
    assert r.documents[0].doc_id == "s1"
    r = D.read_paths(["-"], stdin=io.StringIO("Skip to content\nPlain text."))
    assert r.documents[0].text == "Plain text."


@pytest.mark.parametrize(
    "encoded",
    [
        ARTICLE.encode("utf-8-sig"),
        ARTICLE.encode("utf-16"),  # with its BOM
        ARTICLE.encode("utf-16-le"),  # saved without a BOM (some Windows tools)
        ARTICLE.encode("utf-16-be"),
        ARTICLE.replace("\n", "\r\n").encode(),
    ],
)
def test_text_in_every_unicode_encoding_reads_the_same(tmp_path, encoded):
    (tmp_path / "a.txt").write_bytes(encoded)
    result = read(tmp_path / "a.txt")
    assert not result.problems and result.documents[0].text == ARTICLE


def test_control_characters_are_dropped_from_scraped_text(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Officials met\x1b[31m in Geneva\x07 on Monday.\x0cPage two.")
    assert read(tmp_path / "a.txt").documents[0].text == "Officials met[31m in Geneva on Monday.\nPage two."


@pytest.mark.parametrize("opening", ["<!DOCTYPE html>\n<html>", "  <html lang='en'>", "<!-- saved page -->\n<html>"])
def test_a_page_saved_as_txt_is_read_as_html(tmp_path, opening):
    page = f"{opening}<head><title>Talks</title></head><body><article><p>{ARTICLE}</p></article></body></html>"
    (tmp_path / "page.txt").write_text(page)
    (doc,) = read(tmp_path / "page.txt").documents
    assert "<" not in doc.text and "Officials met in Geneva on Monday" in doc.text


def test_many_bad_records_in_one_file_are_counted_not_listed(tmp_path):
    p = tmp_path / "m.jsonl"
    p.write_text("\n".join(["{broken"] * 25 + [json.dumps({"id": "ok", "text": ARTICLE})]) + "\n")
    result = read(p)
    assert [d.doc_id for d in result.documents] == ["ok"]
    assert len(result.problems) == D.MAX_PROBLEMS_PER_FILE + 1
    assert result.problems[-1] == f"{p}: 15 more record(s) with problems not listed"


@pytest.mark.parametrize("value", ["yesterday", "now", "2 days ago", "today"])
def test_a_relative_publication_date_is_refused(value):
    with pytest.raises(D.UserError, match="impossible publication date"):
        D.parse_published(value, "f.json")


@pytest.mark.parametrize("value, expected", [("Wed, 20 Oct 2021 10:00:00 GMT", dt.date(2021, 10, 20)),
                                             ("20 October 2021", dt.date(2021, 10, 20))])
def test_written_out_publication_dates_still_parse(value, expected):
    assert D.parse_published(value, "f.json") == expected


def test_a_publication_date_in_the_future_is_read_with_a_warning(tmp_path):
    p = tmp_path / "f.jsonl"
    p.write_text(json.dumps({"id": "f", "text": ARTICLE, "published": "2999-01-01"}) + "\n")
    result = read(p)
    assert result.documents[0].published == dt.date(2999, 1, 1) and not result.problems
    assert any("publication date after today" in w and "2999-01-01" in w and "f.jsonl" in w for w in result.warnings)


def test_an_overlong_json_line_is_skipped_and_the_next_still_read(tmp_path, monkeypatch):
    monkeypatch.setattr(D, "MAX_JSONL_LINE_BYTES", 200)
    p = tmp_path / "big.jsonl"
    p.write_text(json.dumps({"id": "big", "text": "x" * 5000}) + "\n" + json.dumps({"id": "ok", "text": ARTICLE}) + "\n")
    result = read(p)
    assert [d.doc_id for d in result.documents] == ["ok"]
    assert result.problems == [f"{p}: line 1: is 5025 bytes, over the 200-byte limit for one document; split it"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_stdin_json_lines_in_either_encoding(encoding):
    line = json.dumps({"id": "s1", "published": "2021-10-20", "text": ARTICLE}) + "\n"
    stdin = io.TextIOWrapper(io.BytesIO(line.encode(encoding)), encoding="latin-1")  # .buffer gives the raw bytes
    r = D.read_paths(["-"], stdin=stdin)
    assert [d.doc_id for d in r.documents] == ["s1"] and r.documents[0].text == ARTICLE


def test_stdin_pdf_is_named_for_what_it_is():
    r = D.read_paths(["-"], stdin=io.TextIOWrapper(io.BytesIO(b"%PDF-1.5\n%\xe2\xe3\n"), encoding="latin-1"))
    assert r.problems == ["<stdin>: is a PDF file, not text; save it as .txt, .html or .json first"]


@pytest.mark.parametrize("value", ["0001-01-01", "0999-12-31", "9999-12-31", dt.date(1, 1, 1), dt.datetime(9500, 1, 1)])
def test_a_publication_date_outside_sane_years_is_refused(value):
    with pytest.raises(D.UserError, match="outside the years 1000-9000"):
        D.parse_published(value, "f.json")


def test_half_a_surrogate_pair_in_json_text_is_replaced_keeping_offsets(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text('{"id": "s", "published": "2021-10-20", "text": "Russia attacked \\udcff Ukraine on Monday.", "title": "\\ud800"}\n')
    (doc,) = read(p).documents
    assert doc.text == "Russia attacked \ufffd Ukraine on Monday." and doc.title == "\ufffd"
    doc.text.encode("utf-8")  # every writer downstream can encode it


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as hst  # noqa: E402


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=hst.one_of(hst.binary(max_size=400), hst.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
                          hst.text(max_size=200).map(lambda t: json.dumps({"text": t, "published": "2021-10-20"}).encode())),
       ext=hst.sampled_from([".txt", ".md", ".json", ".jsonl", ".html"]))
def test_any_bytes_are_a_document_or_one_named_problem_never_an_exception(tmp_path, content, ext):
    path = tmp_path / f"f{ext}"
    path.write_bytes(content)
    result = read(path)
    assert len(result.documents) + len(result.problems) >= 1 or not content.strip()
    for p in result.problems:
        assert p.startswith(str(path)) and "\n" not in p
    for d in result.documents:
        d.text.encode("utf-8")  # what was read can be written and stored
