"""Inputs that used to crash or hang the whole build: each is read, or reported and
skipped, and everything else is built. Real files, FIFOs, devices and symlinks."""

from __future__ import annotations

import codecs
import json
import os
import threading

import pytest

from graphbuild.graph.model import ARTICLE, Edge, Graph, Node
from graphbuild.writers import graphml
from tests.clirun import run

GOOD = "Maria Lindqvist met Tomas Okafor in Norway on Tuesday. Okafor said Norway was ready."
OTHER = "Anna Berg joined Acme Corp in Sweden. Berg said Sweden would grow."


def _ids(out) -> list[str]:
    return [json.loads(x)["article_id"] for x in (out / "extractions.jsonl").open(encoding="utf-8")]


def _lines_about(err: str, where: str) -> list[str]:
    return [line for line in err.splitlines() if where in line]


def test_lone_surrogates_in_jsonl_are_replaced_and_reported(tmp_path):
    path = tmp_path / "in.jsonl"
    recs = [
        '{"id": "s\\ud800", "text": "Maria Lindqvist met Tomas Okafor.", "title": "T\\udfff"}',
        '{"id": "t", "text": "Anna Berg \\ud800 joined Acme Corp in Sweden."}',
        json.dumps({"id": "ok", "text": GOOD}),
    ]
    path.write_text("\n".join(recs) + "\n", encoding="utf-8")
    r = run("build", path, "--out", tmp_path / "o", "-q", "--articles")
    assert r.returncode == 0, r.stderr
    assert _ids(tmp_path / "o") == ["s\ufffd", "t", "ok"]
    assert len([x for x in r.stderr.splitlines() if "lone surrogate" in x]) == 3
    back = graphml.read(tmp_path / "o" / "graph.graphml")
    assert back.nodes["article:s\ufffd"].name == "T\ufffd"


def test_a_file_name_that_is_not_utf8_is_read(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    bad = os.fsencode(d) + b"/caf\xe9-\xff.txt"
    with open(bad, "wb") as fh:
        fh.write(GOOD.encode())
    (d / "plain.txt").write_text(OTHER, encoding="utf-8")
    r = run("build", d, "--out", tmp_path / "o", "-q")
    assert r.returncode == 0, r.stderr
    assert sorted(_ids(tmp_path / "o")) == ["caf\ufffd-\ufffd.txt", "plain.txt"]
    assert "not valid UTF-8" in r.stderr and "\\udce9" in r.stderr  # shown escaped, not raw


def test_symlinks_to_devices_and_fifos_are_skipped_without_hanging(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink("/dev/zero", d / "zero.txt")
    os.mkfifo(tmp_path / "pipe")
    os.symlink(tmp_path / "pipe", d / "pipe.txt")
    os.symlink("/dev/zero", d / "zero.jsonl")
    result = {}
    t = threading.Thread(target=lambda: result.update(r=run("build", d, "--out", tmp_path / "o", "-q")), daemon=True)
    t.start()
    t.join(timeout=120)
    assert not t.is_alive(), "the build hung on a FIFO"
    r = result["r"]
    assert r.returncode == 0, r.stderr
    assert _ids(tmp_path / "o") == ["good.txt"]
    assert any("character device" in x for x in _lines_about(r.stderr, "zero.txt"))
    assert any("named pipe" in x for x in _lines_about(r.stderr, "pipe.txt"))
    assert any("character device" in x for x in _lines_about(r.stderr, "zero.jsonl"))
    r = run("build", "/dev/zero", "--out", tmp_path / "o2", "-q")  # given directly
    assert r.returncode == 2 and "character device" in r.stderr


def test_a_file_past_the_size_bound_is_skipped(tmp_path, monkeypatch):
    from graphbuild.ingest import safety

    monkeypatch.setattr(safety, "MAX_FILE_BYTES", 1000)
    d = tmp_path / "in"
    d.mkdir()
    (d / "big.txt").write_text(GOOD * 50, encoding="utf-8")
    (d / "small.txt").write_text(GOOD, encoding="utf-8")
    r = run("build", d, "--out", tmp_path / "o", "-q")
    assert r.returncode == 0 and _ids(tmp_path / "o") == ["small.txt"]
    assert any("larger than" in x for x in _lines_about(r.stderr, "big.txt"))


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"])
def test_unicode_files_with_a_byte_order_mark_are_read(tmp_path, enc):
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
        "utf-8": codecs.BOM_UTF8,
    }[enc]
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_bytes(bom + GOOD.encode(enc))
    (d / "b.jsonl").write_bytes(bom + (json.dumps({"id": "j", "text": OTHER}) + "\n").encode(enc))
    r = run("build", d, "--out", tmp_path / "o", "-q")
    assert r.returncode == 0, r.stderr
    assert "binary" not in r.stderr and "skipped" not in r.stderr
    lines = [json.loads(x) for x in (tmp_path / "o" / "extractions.jsonl").open(encoding="utf-8")]
    assert [x["article_id"] for x in lines] == ["a.txt", "j"]
    assert {m["text"] for m in lines[0]["mentions"]} >= {"Maria Lindqvist", "Norway"}


def test_jsonl_on_stdin_starting_with_a_bom_is_jsonl(tmp_path):
    data = codecs.BOM_UTF8 + (json.dumps({"id": "x1", "text": GOOD}) + "\n").encode()
    data += (json.dumps({"id": "x2", "text": OTHER}) + "\n").encode()
    r = run("build", "-", "--out", tmp_path / "o", "-q", input=data)
    assert r.returncode == 0, r.stderr
    assert _ids(tmp_path / "o") == ["x1", "x2"]


def test_symlinked_folders_are_reported_not_ignored(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "r.txt").write_text(OTHER, encoding="utf-8")
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(real, d / "linked")
    os.symlink(d, d / "loop")
    r = run("build", d, "--out", tmp_path / "o", "-q")
    assert r.returncode == 0, r.stderr
    assert _ids(tmp_path / "o") == ["a.txt"]
    for name in ("linked", "loop"):
        assert any("link to a folder, not followed" in x for x in _lines_about(r.stderr, f"in/{name}")), r.stderr


def test_file_names_with_terminal_escapes_are_shown_escaped(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "evil\x1b]0;pwned\x07\x1b[2J.txt").write_text("", encoding="utf-8")
    r = run("build", d, "--out", tmp_path / "o", "-q")
    assert r.returncode == 0
    assert "\x1b" not in r.stderr and "\x07" not in r.stderr
    assert "evil\\x1b]0;pwned\\x07\\x1b[2J.txt" in r.stderr


def test_every_value_keeps_its_type_through_graphml(tmp_path):
    g = Graph()
    g.add_node(Node("person:a", "Person", "[2020]", {"mentions": 3, "aliases": ["[2020]", "A"], "note": "{x}"}))
    g.add_node(Node("person:b", "Person", "17", {"mentions": 1, "aliases": [], "note": "true"}))
    g.add_node(Node("article:x", ARTICLE, "[1, 2]", {"article_id": "x", "title": "[1, 2]"}))
    g.add_edge(Edge("CO_MENTIONED", "person:a", "person:b", 2, {"articles": 1, "evidence": [{"article": "x"}]}))
    back = graphml.read(graphml.write(g, tmp_path / "g.graphml", articles=True))
    for nid, n in g.nodes.items():
        b = back.nodes[nid]
        assert (b.name, b.label, b.props) == (n.name, n.label, n.props), nid
        assert all(type(b.props[k]) is type(v) for k, v in n.props.items())
    assert back.edges[next(iter(g.edges))].props == {"articles": 1, "evidence": [{"article": "x"}]}


def test_a_title_that_looks_like_json_survives_export_html_focus(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "y", "title": "[2020]", "text": GOOD}) + "\n", encoding="utf-8")
    assert run("build", path, "--out", tmp_path / "o", "-q", "--articles").returncode == 0
    assert graphml.read(tmp_path / "o" / "graph.graphml").nodes["article:y"].name == "[2020]"
    r = run("export", "html", tmp_path / "v.html", "--from", tmp_path / "o", "--focus", "Okafor")
    assert r.returncode == 0, r.stderr
