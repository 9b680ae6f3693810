import io
import json

from graphbuild.ingest.sources import read_articles


def _read(inputs, stdin=None):
    problems = []
    arts = list(read_articles([str(i) for i in inputs], problems.append, stdin=stdin))
    return arts, problems


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Second article text.", encoding="utf-8")
    (tmp_path / "a.md").write_text("First article text.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden too.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not an article", encoding="utf-8")
    arts, problems = _read([tmp_path])
    assert [a.id for a in arts] == ["a.md", "b/z.txt"]
    assert problems == []


def test_jsonl_fields_and_bad_lines(tmp_path):
    p = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": 7, "text": "Hello there.", "title": "T", "url": "http://x"}),
        "{not json",
        json.dumps({"text": "no id"}),
        json.dumps({"id": "x"}),
        json.dumps({"id": 7, "text": "duplicate"}),
        json.dumps({"id": "y", "text": "Fine."}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    arts, problems = _read([p])
    assert [(a.id, a.title, a.url) for a in arts] == [("7", "T", "http://x"), ("y", None, None)]
    reasons = [(pr.origin.rsplit(":", 1)[1], pr.reason) for pr in problems]
    assert [r[0] for r in reasons] == ["2", "3", "4", "5"]
    assert "malformed JSON" in reasons[0][1] and '"id"' in reasons[1][1] and '"text"' in reasons[2][1]
    assert "duplicate" in reasons[3][1]


def test_legacy_encoding_falls_back_with_warning(tmp_path):
    p = tmp_path / "old.txt"
    p.write_bytes("Café owner José said “no”.".encode("cp1252"))
    arts, problems = _read([p])
    assert arts[0].text == "Café owner José said “no”."
    assert problems and not problems[0].skipped and "cp1252" in problems[0].reason


def test_missing_binary_and_empty_are_reported(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    arts, problems = _read([tmp_path, tmp_path / "nope.txt"])
    assert arts == []
    assert sorted(p.reason.split()[0] for p in problems) == ["binary", "empty", "no"]


def test_stdin_text_and_jsonl():
    arts, _ = _read(["-"], stdin=io.BytesIO(b"Plain text from a pipe."))
    assert arts[0].id == "stdin" and arts[0].text == "Plain text from a pipe."
    arts, _ = _read(["-"], stdin=io.BytesIO(b'{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n'))
    assert [a.id for a in arts] == ["a", "b"]
