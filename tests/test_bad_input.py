"""A folder mixing every kind of bad input with good articles: bad items are reported with
their file (and line) and reason, skipped, and everything else is built."""

import json
import os

import pytest

from tests.clirun import run

GOOD = "Maria Lindqvist met Tomas Okafor in Norway on Tuesday. Okafor said Norway was ready."


@pytest.fixture()
def messy(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (d / "latin.txt").write_bytes("Jos\xe9 Alvarez visited Spain. \xabHola\xbb, Alvarez said.".encode("latin-1"))
    os.symlink(d / "gone.txt", d / "dangling.txt")
    lines = [
        json.dumps({"id": "j1", "text": GOOD}),
        "{broken",
        json.dumps({"text": "no id"}),
        json.dumps({"id": "j2"}),
        json.dumps({"id": "j1", "text": "dup"}),
        json.dumps(["not", "object"]),
        json.dumps({"id": "j3", "text": "Anna Berg joined Acme Corp in Sweden."}),
    ]
    (d / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return d


def _build(*args):
    return run("build", *args)


def test_bad_items_are_reported_and_skipped(messy, tmp_path):
    r = _build(str(messy), str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    err = r.stderr
    for where, why in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("dangling.txt", "cannot read"),
        ("batch.jsonl:2", "malformed JSON"),
        ("batch.jsonl:3", '"id"'),
        ("batch.jsonl:4", '"text"'),
        ("batch.jsonl:5", "duplicate"),
        ("batch.jsonl:6", "not a JSON object"),
        ("missing.txt", "no such file"),
    ]:
        assert any(where in line and why in line for line in err.splitlines()), (where, why, err)
    assert any("latin.txt" in line and "warning" in line for line in err.splitlines())
    assert "4 articles built, 9 skipped" in r.stdout
    ids = [json.loads(x)["article_id"] for x in (tmp_path / "out" / "extractions.jsonl").read_text().splitlines()]
    assert sorted(ids) == ["good.txt", "j1", "j3", "latin.txt"]


def test_strict_fails_on_any_skipped_item(messy, tmp_path):
    r = _build(str(messy), "--out", str(tmp_path / "out"), "--strict", "-q")
    assert r.returncode == 2 and "--strict" in r.stderr and "Traceback" not in r.stderr
    (tmp_path / "clean").mkdir()
    (tmp_path / "clean" / "a.txt").write_text(GOOD, encoding="utf-8")
    assert _build(str(tmp_path / "clean"), "--out", str(tmp_path / "o2"), "--strict", "-q").returncode == 0
