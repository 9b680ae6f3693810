import io
import json
import shutil
from pathlib import Path

from graphbuild.ingest.options import ReadOptions
from graphbuild.ingest.sources import read_articles

DATA = Path(__file__).parent / "data" / "ingest"


def _read(inputs, stdin=None, **opts):
    problems = []
    arts = list(read_articles([str(i) for i in inputs], problems.append, stdin=stdin, options=ReadOptions(**opts)))
    return arts, problems


def _unread(problems, root):
    return sorted((Path(p.origin).relative_to(root).as_posix(), p.reason) for p in problems if p.unread)


def test_folder_is_recursive_sorted_and_says_what_it_did_not_read(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Second article text.", encoding="utf-8")
    (tmp_path / "a.md").write_text("First article text.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden too.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not an article", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7 ...")
    (tmp_path / "README").write_text("no extension", encoding="utf-8")
    arts, problems = _read([tmp_path])
    assert [a.id for a in arts] == ["a.md", "b/z.txt"]
    assert _unread(problems, tmp_path) == [
        (".git", "hidden folder, not read"),  # once, not for each file inside
        (".hidden.txt", "hidden file, not read"),
        ("README", "unsupported file type (no extension)"),
        ("scan.pdf", "unsupported file type .pdf"),
    ]
    assert all(not p.skipped for p in problems if p.unread)
    (table,) = [p for p in problems if p.skipped]  # a .csv is a table now: this one has no text column
    assert table.origin.endswith("notes.csv:1") and table.reason.startswith("no text column")


def test_mixed_folder_reads_each_format_and_reports_every_other_file(tmp_path):
    shutil.copy(DATA / "harbor-deal.html", tmp_path / "a.html")
    shutil.copy(DATA / "harbor-deal.txt", tmp_path / "b.txt")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    shutil.copy(DATA / "newsdesk-export.csv", tmp_path / "d.csv")
    (tmp_path / ".DS_Store").write_bytes(b"Bud1\x00\x00")
    arts, problems = _read([tmp_path])
    assert [a.id for a in arts] == ["a.html", "b.txt", "nd-101", "nd-103"]
    assert arts[0].text != (tmp_path / "a.html").read_text(encoding="utf-8")  # the page's text, not its tags
    assert _unread(problems, tmp_path) == [
        (".DS_Store", "hidden file, not read"),
        ("c.pdf", "unsupported file type .pdf"),
    ]
    assert sorted(p.origin.rsplit("/", 1)[1] for p in problems if p.skipped) == ["d.csv:10", "d.csv:7"]


def test_include_and_exclude_patterns_choose_files(tmp_path):
    for rel in ("news/a.txt", "news/b.html", "drafts/c.txt", "drafts/deep/d.txt", "e.TXT"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("Ines Ruud met Ola Brenn.", encoding="utf-8")
    arts, problems = _read([tmp_path], include=("*.txt",), exclude=("drafts",))
    assert [a.id for a in arts] == ["e.TXT", "news/a.txt"]
    assert _unread(problems, tmp_path) == [
        ("drafts", "excluded by pattern 'drafts'"),  # once for the folder
        ("news/b.html", "matches no include pattern"),
    ]
    arts, _ = _read([tmp_path / "drafts" / "c.txt"], exclude=("*",))  # a file named directly is read
    assert [a.id for a in arts] == ["c.txt"]


def test_too_large_files(tmp_path):
    (tmp_path / "huge.txt").write_text("Word. " * 200, encoding="utf-8")
    (tmp_path / "small.txt").write_text("Ines Ruud met Ola Brenn.", encoding="utf-8")
    arts, problems = _read([tmp_path], max_file_bytes=1000)
    assert [a.id for a in arts] == ["small.txt"]
    assert [(p.reason, p.unread) for p in problems] == [("too large (0.0 MB; the limit is 0 MB)", True)]
    arts, problems = _read([tmp_path / "huge.txt"], max_file_bytes=1000)
    assert arts == [] and problems[0].skipped and problems[0].reason.startswith("too large")


def test_named_files_pdf_refused_unknown_type_read_as_text(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7 text-looking start")
    (tmp_path / "story.log").write_text("Ines Ruud met Ola Brenn.", encoding="utf-8")
    arts, problems = _read([tmp_path / "scan.pdf", tmp_path / "story.log"])
    assert [a.id for a in arts] == ["story.log"]
    assert problems[0].skipped and problems[0].reason.startswith("unsupported file type .pdf")


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


def test_saved_page_resources_and_linked_folders_are_not_read(tmp_path):
    import os

    shutil.copy(DATA / "harbor-deal.html", tmp_path / "Harbor deal.html")
    res = tmp_path / "Harbor deal_files"
    res.mkdir()
    (res / "ad-frame.html").write_text(
        "<html><body><p>Buy a Kestrel Motors car in Norway today, said the dealer.</p></body></html>"
    )
    (res / "style.css").write_text("p { color: red }")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.txt").write_text("Elsewhere: Ines Ruud met Ola Brenn.", encoding="utf-8")
    os.symlink(tmp_path / "elsewhere", tmp_path / "linked")
    arts, problems = _read([tmp_path])
    assert [a.id for a in arts] == ["Harbor deal.html", "elsewhere/x.txt"]
    assert _unread(problems, tmp_path) == [
        ("Harbor deal_files", "resources of the saved page Harbor deal.html, not read"),
        ("linked", "link to a folder, not followed"),
    ]
