"""graphbuild review: ranked findings on a hand-made graph, and end to end on a small corpus
made for it (build, review, draft alias file, rebuild with it; and from Neo4j). Invented names."""

import json

import pytest

from graphbuild.entities.aliases import parse_aliases
from graphbuild.entities.review import DUPLICATE, JUNK, WRONG_TYPE, review
from graphbuild.graph.model import CO_MENTIONED, MENTIONS, Edge, Graph, Node
from graphbuild.writers import aliasfile
from tests.clirun import run


def _graph(nodes, sentences=()) -> Graph:
    """nodes: (id, label, name, mentions, articles, aliases); sentences: (id, article, text)
    evidence attached to a co-mention edge of that node."""
    g = Graph()
    for eid, label, name, n, arts, aliases in nodes:
        g.add_node(Node(eid, label, name, {"mentions": n, "articles": len(arts), "aliases": aliases}))
        for a in arts:
            g.add_edge(Edge(MENTIONS, f"article:{a}", eid, 1, {"count": 1}))
    for i, (eid, art, text) in enumerate(sentences):
        g.add_edge(
            Edge(CO_MENTIONED, eid, f"other:{i}", 1, {"articles": 1, "evidence": [{"article": art, "text": text}]})
        )
    return g


NODES = [
    ("person:orla-quenby", "Person", "Orla Quenby", 40, ["a1", "a2"], ["Quenby", "Orla Quenby"]),
    ("organization:mr-quenby", "Organization", "Mr Quenby", 6, ["a2"], ["Mr Quenby"]),
    ("organization:veldt-party", "Organization", "Veldt Party", 20, ["a3"], ["Veldt Party"]),
    ("organization:veldt", "Organization", "Veldt", 30, ["a4"], ["Veldt"]),
    ("organization:zbc", "Organization", "ZBC", 50, ["a5"], ["ZBC"]),
    ("organization:zbc-radio", "Organization", "ZBC Radio", 10, ["a6"], ["ZBC Radio"]),
    ("person:zentrix", "Person", "Zentrix", 25, ["a7"], ["Zentrix"]),
    ("country:NOR", "Country", "Norway", 80, ["a8"], ["Norway"]),
    ("person:norway", "Person", "Norway", 5, ["a9"], ["Norway"]),
    ("organization:quarrow-4-daleford", "Organization", "Quarrow 4 Daleford", 3, ["a9"], ["Quarrow 4 Daleford"]),
]
SENTENCES = [("person:zentrix", f"a{i}", f"Shares in Zentrix rose {i}% on day {i}.") for i in range(5)]


def test_review_ranks_findings_with_rules_and_evidence():
    found = review(_graph(NODES, SENTENCES))
    by_ids = {tuple(sorted(f.ids)): f for f in found}
    hon = by_ids[("organization:mr-quenby", "person:orla-quenby")]
    assert (hon.kind, hon.confident, hon.rule) == (
        DUPLICATE,
        True,
        "merge: person:orla-quenby = organization:mr-quenby",
    )
    assert "6 mentions" in hon.evidence[0] and "1 articles name both" in hon.evidence[0]
    party = by_ids[("organization:veldt", "organization:veldt-party")]
    assert party.confident and party.rule == "merge: organization:veldt-party = organization:veldt"
    # A subsidiary is not its parent: suggested at most, never active.
    assert not any(f.confident and "organization:zbc-radio" in f.ids for f in found)
    ctx = by_ids[("person:zentrix",)]
    assert (ctx.kind, ctx.rule, ctx.confident) == (WRONG_TYPE, "label: person:zentrix => Organization", True)
    assert any("Shares in Zentrix" in e for e in ctx.evidence)
    assert by_ids[("person:norway",)].rule == "merge: country:NOR = person:norway"
    assert by_ids[("organization:quarrow-4-daleford",)].kind == JUNK
    assert [f.score for f in found] == sorted((f.score for f in found), reverse=True)


def test_draft_alias_file_parses_and_comments_out_the_unsure(tmp_path):
    found = review(_graph(NODES, SENTENCES))
    path = tmp_path / "aliases.txt"
    active = aliasfile.write(path, found)
    text = path.read_text(encoding="utf-8")
    rules = parse_aliases(text)
    assert active == sum(f.confident for f in found) == len(rules.merges) + len(rules.labels) + len(rules.drops)
    assert ["person:orla-quenby", "organization:mr-quenby"] in rules.merges
    assert "# drop: organization:quarrow-4-daleford" in text
    for f in found:  # every rule follows its reason and evidence
        block = text.split(f.rule)[0].rsplit("\n\n", 1)[-1]
        assert block.startswith(f"# {f.kind}: ") and "# evidence: " in block
    assert not list(tmp_path.glob(".aliases.txt.*"))  # no temporary file left behind


CORPUS = [
    {
        "id": "a1",
        "text": "Northgate Energy Partners expects oil prices to rise this winter, the company said on "
        "Monday. Its chief executive, Odile Brack, met investors in Lisbon.",
    },
    {
        "id": "a2",
        "text": "NEP shares fell sharply on Tuesday after a weak forecast. Analysts in London said NEP "
        "had overpaid for its pipelines, and Odile Brack declined to comment.",
    },
    {"id": "a3", "text": "Odile Brack told reporters in Lisbon that the pipeline deal would go ahead."},
]


@pytest.fixture()
def corpus(tmp_path):
    src = tmp_path / "corpus.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in CORPUS), encoding="utf-8")
    return src


def _ids(out) -> set[str]:
    import networkx as nx

    return {n for n, d in nx.read_graphml(out / "graph.graphml").nodes(data=True) if d.get("label") != "Article"}


def test_review_end_to_end_finds_the_split_and_the_draft_fixes_it(corpus, tmp_path):
    out = tmp_path / "out"
    assert run("build", corpus, "--out", out, "-q").returncode == 0
    assert {"organization:northgate-energy-partners", "organization:nep"} <= _ids(out)
    draft = tmp_path / "aliases.txt"
    res = run("review", "--from", out, "--write-aliases", draft)
    assert res.returncode == 0, res.stderr
    assert "'NEP' is the initials of 'Northgate Energy Partners'" in res.stdout
    assert "findings shown" in res.stdout and f"wrote {draft}" in res.stdout
    text = draft.read_text(encoding="utf-8")
    line = "# merge: organization:northgate-energy-partners = organization:nep"
    assert line in text  # not in one article: a suggestion for the reader
    draft.write_text(text.replace(line, line[2:]), encoding="utf-8")
    out2 = tmp_path / "out2"
    assert run("build", corpus, "--out", out2, "-q", "--aliases", draft).returncode == 0
    assert "organization:nep" not in _ids(out2) and "organization:northgate-energy-partners" in _ids(out2)


def test_review_of_a_missing_build_is_a_one_line_error(tmp_path):
    res = run("review", "--from", tmp_path / "nothing")
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "fix:" in res.stderr


@pytest.mark.neo4j
def test_review_from_neo4j_matches_review_from_the_folder(corpus, tmp_path, neo4j_settings, neo4j_env):
    import os

    env = {**os.environ, **neo4j_env}
    out = tmp_path / "out"
    assert run("build", corpus, "--out", out, "-q", "--neo4j", env=env).returncode == 0
    a = run("review", "--from", out, "--top", "0")
    b = run("review", "--from-neo4j", "--top", "0", env=env)
    assert b.returncode == 0, b.stderr
    # The graph read from Neo4j has no MENTIONS edges, so "articles that name both" is
    # evidence from a build folder only; the findings and their rules are the same.
    rules = [line for line in a.stdout.splitlines() if "rule:" in line or "suggest:" in line]
    assert rules == [line for line in b.stdout.splitlines() if "rule:" in line or "suggest:" in line]
    assert "'NEP' is the initials of 'Northgate Energy Partners'" in b.stdout
