"""The build command on what users have: a mixed folder, column mapping, file patterns."""

import json
import shutil
from pathlib import Path

from tests.clirun import run

DATA = Path(__file__).parent / "data" / "ingest"


def _mixed(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(DATA / "harbor-deal.html", d / "a.html")
    shutil.copy(DATA / "harbor-deal.txt", d / "b.txt")
    (d / "c.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    shutil.copy(DATA / "newsdesk-export.csv", d / "d.csv")
    (d / ".notes.txt").write_text("Hidden: Birk Aalto said nothing.", encoding="utf-8")
    return d


def _ids(out: Path) -> list[str]:
    lines = (out / "extractions.jsonl").read_text(encoding="utf-8").splitlines()
    return sorted(json.loads(x)["article_id"] for x in lines)


def test_mixed_folder_summary_counts_every_file_not_read(tmp_path):
    d, out = _mixed(tmp_path), tmp_path / "out"
    r = run("build", d, "--out", out)
    assert r.returncode == 0, r.stderr
    err = r.stderr.splitlines()
    assert f"graphbuild: not read: {d / 'c.pdf'}: unsupported file type .pdf" in err
    assert f"graphbuild: not read: {d / '.notes.txt'}: hidden file, not read" in err
    assert f"graphbuild: skipped: {d / 'd.csv'}:7: row has no text (column 'body')" in err
    assert "4 articles built, 2 skipped, 2 files not read; wrote" in r.stdout
    assert _ids(out) == ["a.html", "b.txt", "nd-101", "nd-103"]
    assert run("build", d, "--out", tmp_path / "o2", "--strict", "-q").returncode == 2  # the two empty rows
    d_clean = tmp_path / "clean"
    d_clean.mkdir()
    shutil.copy(DATA / "harbor-deal.html", d_clean / "a.html")
    (d_clean / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    r = run("build", d_clean, "--out", tmp_path / "o3", "--strict")
    assert r.returncode == 0 and "1 articles built, 0 skipped, 1 files not read" in r.stdout  # not read is no bad item


def test_columns_include_and_exclude_options(tmp_path):
    d = tmp_path / "in"
    (d / "drafts").mkdir(parents=True)
    (d / "wire.tsv").write_text(
        "ref\tstory\nw-1\tSolveig Arnesen opened the Tromvik Library on Monday.\n", encoding="utf-8"
    )
    (d / "drafts" / "x.txt").write_text("Draft: Kaspar Lund said the plan was late.", encoding="utf-8")
    (d / "page.html").write_bytes((DATA / "harbor-deal.html").read_bytes())
    out = tmp_path / "out"
    r = run("build", d, "--out", out, "--columns", "text=story,id=ref", "--exclude", "drafts", "--include", "*.tsv")
    assert r.returncode == 0, r.stderr
    assert _ids(out) == ["w-1"]
    assert "1 articles built, 0 skipped, 2 files not read" in r.stdout
    assert "excluded by pattern 'drafts'" in r.stderr and "matches no include pattern" in r.stderr


def test_bad_column_mapping_is_one_line_error(tmp_path):
    (tmp_path / "a.csv").write_text("id,body\n1,Text.\n", encoding="utf-8")
    r = run("build", tmp_path / "a.csv", "--out", tmp_path / "o", "--columns", "author=byline")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "unknown article field 'author'" in r.stderr
    assert "(option --columns)" in r.stderr
