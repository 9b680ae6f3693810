"""CSV and TSV exports: one article per row, columns by common name or mapped."""

import csv
from pathlib import Path

import pytest

from graphbuild.errors import InputError
from graphbuild.ingest.options import ReadOptions, parse_columns
from graphbuild.ingest.sources import read_articles

EXPORT = Path(__file__).parent / "data" / "ingest" / "newsdesk-export.csv"


def _read(*paths, **opts):
    problems = []
    arts = list(read_articles([str(p) for p in paths], problems.append, options=ReadOptions(**opts)))
    return arts, problems


def test_export_with_multiline_fields_missing_text_and_dates():
    arts, problems = _read(EXPORT)
    assert [a.id for a in arts] == ["nd-101", "nd-103"]
    first, second = arts
    assert first.title == "Ferry terminal vote delayed"
    assert first.published == "2026-03-20" and first.url == "https://newsdesk.example/nd-101"
    assert first.source == "Newsdesk Wire"
    assert first.text.count("\n\n") == 2 and first.text.endswith("welcomed the delay.")
    assert second.title == "Union leader, mayor meet"
    assert 'the meeting was "frank but useful" and' in second.text
    # rows are named by the line they start on: nd-102 starts on line 7, nd-104 on line 10
    assert [(p.origin, p.reason) for p in problems] == [
        (f"{EXPORT}:7", "row has no text (column 'body')"),
        (f"{EXPORT}:10", "row has no text (column 'body')"),
    ]


def test_export_builds_entities_and_quotes(tmp_path):
    import json

    from graphbuild.api import BuildOptions, build_files

    build_files([str(EXPORT)], tmp_path, BuildOptions(write_html=False))
    recs = {r["article_id"]: r for r in map(json.loads, (tmp_path / "extractions.jsonl").read_text().splitlines())}
    assert set(recs) == {"nd-101", "nd-103"}
    names = {m["text"] for m in recs["nd-103"]["mentions"]}
    assert {"Tamsin Rowe", "Odile Brack"} <= names
    for rec in recs.values():
        for m in rec["mentions"]:
            assert rec["text"][m["start"] : m["end"]] == m["text"]
    # the quote inside the multi-line field, with its speaker (and the union's "welcomed the delay")
    quote, welcomed = recs["nd-101"]["quotes"]
    assert welcomed["cue"]["text"] == "welcomed"
    assert "Ines Calloway" in quote["speaker"]["text"] and quote["direct"]
    assert quote["targets"] == ["organization:harbor-transit-authority"]


def test_columns_mapped_by_option_and_tsv(tmp_path):
    p = tmp_path / "feed.tsv"
    p.write_text("ref\tstory\theadline\nA-1\tLars Wenning opened the Halden Library.\tLibrary\n", encoding="utf-8")
    arts, problems = _read(p, columns=parse_columns("id=ref, text=story"))
    assert problems == [] and [(a.id, a.text, a.title) for a in arts] == [
        ("A-1", "Lars Wenning opened the Halden Library.", "Library")
    ]
    arts, problems = _read(p, columns={"text": "missing"})
    assert arts == [] and problems[0].origin.endswith("feed.tsv:1") and "no column 'missing'" in problems[0].reason


def test_no_text_column_semicolons_and_fallback_ids(tmp_path):
    (tmp_path / "a.csv").write_text("name;notes\nx;y\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text(
        "Title;Article\nOne;Rhea Solberg spoke.\nTwo;Ivo Brandt replied.\n", encoding="utf-8"
    )
    arts, problems = _read(tmp_path)
    assert [(a.id, a.title) for a in arts] == [("b.csv:2", "One"), ("b.csv:3", "Two")]
    assert len(problems) == 1 and "no text column" in problems[0].reason and "text=" in problems[0].reason


def test_broken_quoting_is_reported_by_line(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text('id,text\n1,"fine, quoted"\n2,"bad"quote\n3,after\n4,"never closed\n5,lost\n', encoding="utf-8")
    arts, problems = _read(p)
    assert [a.id for a in arts] == ["1", "3"]
    assert [p.origin.rsplit(":", 1)[1] for p in problems] == ["3", "5"]
    assert "malformed row" in problems[0].reason and "never closed" in problems[1].reason


def test_big_export_streams_with_long_fields(tmp_path):
    p = tmp_path / "big.csv"
    long_text = "Mira Castell visited the Orla Institute. " * 5000  # 205k characters, past csv's default limit
    with p.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text"])
        for i in range(2000):
            w.writerow([f"r{i}", long_text if i == 0 else f"Row {i} of the export.\nSecond line."])
    arts = read_articles([str(p)])
    first = next(arts)
    assert first.text == long_text
    assert sum(1 for _ in arts) == 1999


def test_cp1252_export_is_read_with_a_warning(tmp_path):
    p = tmp_path / "old.csv"
    p.write_bytes("id,text\n1,José Ferrer visited Córdoba.\n".encode("cp1252"))
    arts, problems = _read(p)
    assert arts[0].text == "José Ferrer visited Córdoba."
    assert not problems[0].skipped and "cp1252" in problems[0].reason


def test_column_mapping_errors():
    assert parse_columns("text=body,id=guid") == {"text": "body", "id": "guid"}
    with pytest.raises(InputError, match="FIELD=HEADER"):
        parse_columns("body")
    with pytest.raises(InputError, match="unknown article field 'author'"):
        parse_columns("author=byline")


def test_spreadsheet_exports_sep_line_and_utf16(tmp_path):
    (tmp_path / "excel.csv").write_text("sep=;\nid;text\nx1;Oda Brun met Jens Vik.\nx2;\n", encoding="utf-8")
    (tmp_path / "unicode.tsv").write_bytes("id\ttext\nu1\tÅse Lund visited Tromsø.\n".encode("utf-16"))
    arts, problems = _read(tmp_path)
    assert [(a.id, a.text) for a in arts] == [("x1", "Oda Brun met Jens Vik."), ("u1", "Åse Lund visited Tromsø.")]
    assert [p.origin.rsplit("/", 1)[1] for p in problems] == ["excel.csv:4"]  # lines count the sep= line


def test_html_text_cells_become_text(tmp_path):
    p = tmp_path / "cms.csv"
    body = '<p>Runa Falk <a href="/t/x">led</a> the Ostby Choir.</p><p>&ldquo;We sang,&rdquo; she said.</p>'
    with p.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["id", "content"], ["c1", body], ["c2", "Plain 3 < 4 text & more."]])
    arts, _ = _read(p)
    assert [a.text for a in arts] == [
        "Runa Falk led the Ostby Choir.\n“We sang,” she said.",
        "Plain 3 < 4 text & more.",
    ]
