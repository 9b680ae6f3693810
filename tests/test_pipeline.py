"""End-to-end on the seeds: the three files, and structural properties of a *right* graph."""

import json
import re

import networkx as nx

from graphbuild.graph.model import ARTICLE, CO_MENTIONED, SAID_ABOUT
from graphbuild.nlp.furniture import split_content

from .conftest import SEEDS

TITLES = re.compile(r"^(mr|mrs|ms|dr|president|prime minister|secretary|ayatollah|sen|gov|the)\b\.?\s", re.I)


def _extractions(out):
    return [json.loads(line) for line in (out / "extractions.jsonl").read_text(encoding="utf-8").splitlines()]


def test_build_writes_three_files(seeds_build):
    out, result = seeds_build
    for name in ("graph.graphml", "graph.html", "extractions.jsonl"):
        assert (out / name).stat().st_size > 0
    assert result.articles == len(list(SEEDS.glob("*.txt")))


def test_graphml_loads_with_networkx_and_has_attributes(seeds_build):
    out, _ = seeds_build
    g = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    types = {d["type"] for _, d in g.nodes(data=True)}
    assert {"Person", "Country", "Organization"} <= types and ARTICLE not in types  # the entity graph
    for _, d in g.nodes(data=True):
        assert d["label"] and d["label"] == d["name"]
        assert int(d["mentions"]) >= 1
    types = {d["type"] for _, _, d in g.edges(data=True)}
    assert types == {CO_MENTIONED, SAID_ABOUT}  # MENTIONS only with --articles
    assert all(int(d["weight"]) >= 1 for _, _, d in g.edges(data=True))
    ids = [k for _, _, k in g.edges(keys=True)]
    assert len(ids) == len(set(ids))


def test_offsets_are_exact_and_no_mention_comes_from_furniture(seeds_build):
    out, _ = seeds_build
    for rec in _extractions(out):
        text = (SEEDS / rec["article_id"]).read_text(encoding="utf-8")
        _, furniture = split_content(text)
        assert rec["mentions"]
        for m in rec["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
            assert not any(s <= m["start"] < e for s, e in furniture), m
        for q in rec["quotes"]:
            sp = q["speaker"]
            assert text[sp["start"] : sp["end"]] == sp["text"]
            assert sp["entity_id"] not in q["targets"]
            assert all(0 <= s < e <= len(text) for s, e in q["content"])


def test_one_node_per_name_and_no_titles_or_lowercase_junk(seeds_build):
    _, result = seeds_build
    ents = [n for n in result.graph.nodes.values() if n.label != ARTICLE]
    names = [n.name.lower() for n in ents]
    assert len(names) == len(set(names)), "two nodes share a name"
    for n in ents:
        assert any(c.isupper() for c in n.name), n
        assert not TITLES.match(n.name), n
        assert not n.name.endswith(("'s", "’s")), n
    # Short forms join the full name: no person node's name is the last word of another's.
    people = [n.name for n in ents if n.label == "Person"]
    for p in people:
        assert not any(p != q and q.endswith(" " + p) for q in people), p


def test_said_about_edges_have_provenance_and_no_self_loops(seeds_build):
    _, result = seeds_build
    said = [e for e in result.graph.edges.values() if e.type == SAID_ABOUT]
    assert said
    for e in said:
        assert e.source != e.target
        assert result.graph.nodes[e.source].label in ("Person", "Organization", "Country")
        assert e.props["evidence"] and e.props["evidence"][0]["article"]
        assert e.props["count"] == e.weight >= 1


def test_countries_carry_iso_codes(seeds_build):
    _, result = seeds_build
    countries = [n for n in result.graph.nodes.values() if n.label == "Country"]
    assert countries
    for n in countries:
        assert re.fullmatch(r"country:[A-Z]{3}", n.id) and n.props.get("iso") == n.id.split(":")[1]
