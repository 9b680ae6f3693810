"""Every quote's kind travels through the graph: extractions.jsonl, the spool/store codec,
per-kind counts and evidence on SAID_ABOUT, and the `kind` parameter of the said-about and
said-by queries (real spaCy pipeline, real files, real Neo4j; invented text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuild.graph import codec
from graphbuild.graph.model import SAID_ABOUT

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "Maria Lindqvist said that Peter Alves had misled the council.\n\n"
    "Maria Lindqvist hopes that Peter Alves will resign before the summer.\n\n"
    "Maria Lindqvist believes that Peter Alves will lose the vote.\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from graphbuild.api import BuildOptions, build_files

    folder = tmp_path_factory.mktemp("kinds")
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    out = folder / "out"
    result = build_files([str(folder / "a.txt")], out, BuildOptions(write_html=False))
    return out, result.graph


def _edge(graph):
    (edge,) = [e for e in graph.edges.values() if e.type == SAID_ABOUT]
    return edge


def test_extractions_say_each_quotes_kind(built):
    out, _ = built
    (record,) = [json.loads(line) for line in (out / "extractions.jsonl").read_text().splitlines()]
    kinds = sorted(q["kind"] for q in record["quotes"])
    assert kinds == ["attitude", "attitude", "speech"]
    assert all({"speaker", "cue", "content", "direct", "targets"} <= set(q) for q in record["quotes"])


def test_said_about_counts_and_keeps_evidence_by_kind(built):
    _, graph = built
    e = _edge(graph)
    assert (e.source, e.target) == ("person:maria-lindqvist", "person:peter-alves")
    assert (e.props["speech_count"], e.props["attitude_count"], e.props["evidence_count"]) == (1, 2, 0)
    assert e.props["kinds"] == ["speech", "attitude"] and e.props["count"] == 3
    assert sorted(ev["kind"] for ev in e.props["evidence"]) == ["attitude", "attitude", "speech"]


def test_codec_round_trip_keeps_the_kind(parser):
    from graphbuild.graph.model import Article
    from graphbuild.pipeline.extract import extract

    x = extract(next(parser.parse([Article("k", TEXT)])))
    back = codec.from_dict(json.loads(json.dumps(codec.to_dict(x))))
    assert [q.kind for q in back.quotes] == [q.kind for q in x.quotes] == ["speech", "attitude", "attitude"]


@pytest.mark.neo4j
def test_said_queries_take_a_kind(built, neo4j_settings, tmp_path):
    from graphbuild.api import BuildOptions, build_files
    from graphbuild.store import queries as Q
    from graphbuild.store.neo4j import Neo4jStore

    out, _ = built
    build_files([str(out.parent / "a.txt")], tmp_path / "db", BuildOptions(write_html=False), neo4j=neo4j_settings)

    def run(query, **params):
        q = Q.load(query, cwd=ROOT)
        with Neo4jStore(neo4j_settings) as store:
            keys, rows = store.query(q.text, Q.bind(q, params))
        return [dict(zip(keys, row)) for row in rows]

    every = run("said-about", name="Peter Alves")
    assert sorted(r["kind"] for r in every) == ["attitude", "attitude", "speech"]
    assert {r["statements"] for r in every} == {3}
    (speech,) = run("said-about", name="Peter Alves", kind="speech")
    assert speech["statements"] == 1 and "misled the council" in speech["quote"]
    assert speech["speaker"] == "Maria Lindqvist"
    attitude = run("said-by", name="Maria Lindqvist", kind="attitude")
    assert len(attitude) == 2 and {r["statements"] for r in attitude} == {2}
    assert run("said-by", name="Maria Lindqvist", kind="evidence") == []
