"""The query library: every file in queries/ on the seeds graph in a real Neo4j, its expected
rows derived from the embedded build of the same seeds (never hard-coded names), plus unit
tests of the parts that need no server: finding files, parameters, JSON/CSV/table output.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter, defaultdict, deque
from pathlib import Path

import pytest

from graphbuild.errors import InputError
from graphbuild.graph.model import ARTICLE, CO_MENTIONED, MENTIONS, SAID_ABOUT, Edge, Graph, Node
from graphbuild.store import queries as Q
from tests.clirun import run as run_cli
from tests.neo4jlocal import EMPTY

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
QUERY_FILES = sorted((ROOT / "queries").glob("*.cypher"))
BIG = 10_000  # a limit that returns everything


def _cli(*args, env=None, cwd=ROOT, timeout=300):
    env = {k: v for k, v in (env or os.environ).items() if k != "GRAPHBUILD_DEBUG"}
    return run_cli(*args, env=env, cwd=cwd)


# === unit tests: no server ==============================================================


@pytest.mark.parametrize(
    "text, value",
    [
        ("5", 5),
        ("-2.5", -2.5),
        ("true", True),
        ("false", False),
        ("null", None),
        ("[1, 2]", [1, 2]),
        ('["a", "b"]', ["a", "b"]),
        ('"007"', "007"),
        ('{"k": 1}', {"k": 1}),
        ("Jane Doe", "Jane Doe"),
        ("007x", "007x"),
        ("", ""),
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        ("[unclosed", "[unclosed"),
        ('O\'Neil "Jr"', 'O\'Neil "Jr"'),
    ],
)
def test_param_values_are_json_when_they_parse(text, value):
    assert Q.parse_value(text) == value and type(Q.parse_value(text)) is type(value)


def test_parse_param_splits_at_the_first_equals_sign():
    assert Q.parse_param("name=a=b") == ("name", "a=b")
    assert Q.parse_param("limit=20") == ("limit", 20)
    assert Q.parse_params(["x=1", "y=two", "x=3"]) == {"x": 3, "y": "two"}
    for bad in ("novalue", "=5", "1x=2", "a b=3"):
        with pytest.raises(InputError, match="NAME=VALUE"):
            Q.parse_param(bad)


HEADER = """// demo: a demonstration query.
//
//   @param name            the entity
//   @param limit = 10      how many
//   @param label = null    a label
//   @param tags = ["a", "b"]
MATCH (e:Entity) // a $commented param
WHERE e.name = $name AND e.note <> '$quoted' AND e.x = $extra
RETURN e LIMIT $limit
"""


def test_header_gives_description_defaults_and_required_params():
    q = Q.parse(HEADER, "demo")
    assert q.description == "demo: a demonstration query."
    assert set(q.params) == {"name", "limit", "label", "tags", "extra"}  # not $commented / $quoted
    assert q.params["name"].required and q.params["name"].help == "the entity"
    assert q.params["extra"].required  # used in the body, not declared
    assert (q.params["limit"].default, q.params["label"].default) == (10, None)
    assert q.params["tags"].default == ["a", "b"]


def test_bind_fills_defaults_and_names_missing_or_unknown_params():
    q = Q.parse(HEADER, "demo")
    assert Q.bind(q, {"name": "X", "extra": 1}) == {
        "name": "X",
        "limit": 10,
        "label": None,
        "tags": ["a", "b"],
        "extra": 1,
    }
    with pytest.raises(InputError) as e:
        Q.bind(q, {"extra": 1})
    assert "'name'" in str(e.value) and "name=VALUE" in str(e.value) and "\n" not in str(e.value)
    with pytest.raises(InputError, match="'lmit'"):
        Q.bind(q, {"name": "X", "extra": 1, "lmit": 3})
    with pytest.raises(InputError, match="'limit' must be a whole number"):
        Q.bind(q, {"name": "X", "extra": 1, "limit": "ten"})


def test_find_takes_paths_as_given_and_names_from_the_installed_library_only(tmp_path):
    own = tmp_path / "mine.cypher"
    own.write_text("RETURN 1 AS one", encoding="utf-8")
    assert Q.find(str(own), cwd=tmp_path) == own
    assert Q.find("mine.cypher", cwd=tmp_path) == tmp_path / "mine.cypher"
    (tmp_path / "queries").mkdir()
    (tmp_path / "queries" / "top-entities.cypher").write_text("RETURN 2 AS two", encoding="utf-8")
    (tmp_path / "queries" / "local-only.cypher").write_text("RETURN 3 AS three", encoding="utf-8")
    (tmp_path / "said-about").write_text("RETURN 4 AS planted", encoding="utf-8")
    # a name never comes from the current folder (a planted ./queries/ or ./NAME file)
    assert Q.find("top-entities", cwd=tmp_path) == ROOT / "queries" / "top-entities.cypher"
    assert Q.find("said-about", cwd=tmp_path) == ROOT / "queries" / "said-about.cypher"
    assert Q.load("said-about", cwd=tmp_path).name == "said-about"
    # ... unless the user passes it as a path
    assert Q.find("queries/local-only.cypher", cwd=tmp_path) == tmp_path / "queries" / "local-only.cypher"
    assert Q.find("./queries/top-entities.cypher", cwd=tmp_path).read_text() == "RETURN 2 AS two"
    with pytest.raises(InputError) as e:
        Q.find("local-only", cwd=tmp_path)
    msg = str(e.value)
    assert "local-only" in msg and "said-about" in msg and "\n" not in msg
    with pytest.raises(InputError, match="no query file"):
        Q.find("local-only.cypher", cwd=tmp_path)


NASTY = [
    'He said "no", then left',
    "a,b,,c",
    "line one\nline two\r\nthree",
    "<script>alert('x')</script>",
    "back\\slash",
    "tab\there",
    "émigré – 東京",
    "",
]


def test_json_output_round_trips_awkward_values():
    keys = ["text", "n", "none", "list", "map", "flag", "nan"]
    rows = [[s, i, None, [s, 1], {"q": s}, i % 2 == 0, float("nan")] for i, s in enumerate(NASTY)]
    out = Q.format_rows(keys, rows, "json")
    data = json.loads(out)
    assert [d["text"] for d in data] == NASTY
    assert data[0] == {
        "text": NASTY[0],
        "n": 0,
        "none": None,
        "list": [NASTY[0], 1],
        "map": {"q": NASTY[0]},
        "flag": True,
        "nan": None,
    }
    assert "NaN" not in out  # strict JSON


def test_csv_output_round_trips_awkward_values():
    keys = ["text", "n", "none", "list", "flag"]
    rows = [[s, i, None, [s, 2], True] for i, s in enumerate(NASTY)]
    out = Q.format_rows(keys, rows, "csv")
    back = list(csv.reader(io.StringIO(out, newline="")))
    assert back[0] == keys
    assert [r[0] for r in back[1:]] == NASTY
    assert back[1][1:] == ["0", "", json.dumps([NASTY[0], 2]), "true"]


def test_table_output_is_aligned_one_line_per_row():
    keys = ["name", "count", "quote"]
    rows = [["a", 1, "short"], ["much longer name", 12345, "x\ny"], [None, [1, 2], "z" * 200], ["w" * 100, 0, ""]]
    out = Q.format_rows(keys, rows, "table")
    lines = out.splitlines()
    assert len(lines) == 2 + len(rows) + 1 and lines[-1] == "(4 rows)"
    assert lines[0].split() == keys
    starts = [lines[0].index("count"), lines[0].index("quote")]
    for line in lines[2:-1]:  # every column starts where its header does
        padded = line.ljust(max(starts) + 1)
        for s in starts:
            assert (padded[s - 2 : s] == "  " and padded[s - 3] != " ") or padded[s - 3 : s] == "   ", line
    assert "x y" in lines[3] and "1, 2" in lines[4]
    assert "z" * 200 in lines[4]  # the last column is never cut
    assert "w" * (Q.TABLE_MAX_WIDTH - 1) + "…" in lines[5] and "w" * Q.TABLE_MAX_WIDTH not in lines[5]
    assert Q.format_rows(keys, [], "table").splitlines()[-1] == "(0 rows)"


def test_every_query_file_is_documented():
    assert len(QUERY_FILES) >= 10
    for path in QUERY_FILES:
        q = Q.load(str(path))
        text = path.read_text(encoding="utf-8")
        assert q.description.startswith(f"{path.stem}: "), path.name
        assert "Parameters:" in text and "Example:" in text, path.name
        assert f"graphbuild query {path.stem}" in text, path.name
        declared = {m.group(1) for m in map(Q._PARAM_LINE.match, text.splitlines()) if m}
        assert set(q.params) == declared, f"{path.name}: every $param is declared in the header"
        assert all(p.help for p in q.params.values()), path.name
        for line in text.splitlines():  # the examples only use parameters the query takes
            if f"graphbuild query {path.stem}" in line:
                used = {spec.split("=")[0] for spec in line.split("--param ")[1:]}
                assert used <= set(q.params), line


def test_cli_unknown_query_lists_available_names(tmp_path):
    r = _cli("query", "no-such-query", cwd=tmp_path)
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert "no-such-query" in r.stderr and "top-entities" in r.stderr and "said-about" in r.stderr


def test_cli_missing_parameter_is_named(tmp_path):
    r = _cli("query", "said-about", "--param", "limit=3", cwd=tmp_path)
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "'name'" in r.stderr


# === on the seeds graph in Neo4j ========================================================


FOREIGN_NODES = """MATCH (n) WHERE NOT n:Entity AND NOT n:Article
AND NOT any(l IN labels(n) WHERE l STARTS WITH 'Graphbuild') RETURN count(n) AS n"""


@pytest.fixture()
def seeds_db(neo4j_env, seeds_build, tmp_path_factory):
    """The seeds stored in Neo4j (built once, again only if another test changed the
    database), and the embedded build's graph of the same seeds."""
    from graphbuild.api import BuildOptions, build_files
    from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore

    s = Neo4jSettings(neo4j_env["NEO4J_URI"], neo4j_env.get("NEO4J_USER", "neo4j"), neo4j_env["NEO4J_PASSWORD"])
    graph = seeds_build[1].graph
    want = {
        "entities": len(_ents(graph)),
        "articles": sum(n.label == ARTICLE for n in graph.nodes.values()),
        "relationships": len(graph.edges),
    }
    with Neo4jStore(s) as store:
        # the store's own bookkeeping nodes (settings, state, keys, votes) come with every
        # build; anything else, or other entities, means another test changed the database
        if (
            store.counts() == want
            and store._read(FOREIGN_NODES)[0]["n"] == 0
            and {r["id"] for r in store._read("MATCH (e:Entity) RETURN e.id AS id")} == {n.id for n in _ents(graph)}
        ):
            return s, graph
        store._write(EMPTY)
    build_files([str(SEEDS)], tmp_path_factory.mktemp("seeds-neo4j"), BuildOptions(write_html=False), neo4j=s)
    return s, graph


def run(settings, query, /, **params):
    from graphbuild.store.neo4j import Neo4jStore

    q = Q.load(query, cwd=ROOT)
    with Neo4jStore(settings) as store:
        keys, rows = store.query(q.text, Q.bind(q, params))
    return [dict(zip(keys, row)) for row in rows]


# -- expectations from the embedded Graph --


def _ents(g: Graph):
    return [n for n in g.nodes.values() if n.label != ARTICLE]


def _edges(g: Graph, etype):
    return [e for e in g.edges.values() if e.type == etype]


def _match(g: Graph, text: str) -> Node | None:
    """The entity the queries pick for ``text``: exact id, else exact name, else alias;
    ties by most mentions."""
    t = text.lower()
    cands = [
        n
        for n in _ents(g)
        if n.id == text or n.name.lower() == t or t in [a.lower() for a in n.props.get("aliases", [])]
    ]
    if not cands:
        return None
    return min(cands, key=lambda n: (0 if n.id == text else 1 if n.name.lower() == t else 2, -n.props["mentions"]))


def _by_mentions(g):
    return sorted(_ents(g), key=lambda n: (-n.props["mentions"], -n.props["articles"], n.id))


def _evidence_rows(edges, other):
    return sorted((other(e), ev["article"], ev["quote"]) for e in edges for ev in e.props["evidence"])


def check_top_entities(s, g):
    want = _by_mentions(g)
    rows = run(s, "top-entities", limit=5)
    assert [r["id"] for r in rows] == [n.id for n in want[:5]]
    assert [(r["name"], r["label"], r["mentions"], r["articles"]) for r in rows] == [
        (n.name, n.label, n.props["mentions"], n.props["articles"]) for n in want[:5]
    ]
    assert len(run(s, "top-entities")) == min(10, len(want))
    persons = [n.id for n in want if n.label == "Person"]
    assert [r["id"] for r in run(s, "top-entities", label="person", limit=BIG)] == persons


def check_strongest_co_mentions(s, g):
    co = sorted(_edges(g, CO_MENTIONED), key=lambda e: (-e.weight, -e.props["articles"], e.source, e.target))
    rows = run(s, "strongest-co-mentions", limit=5)
    assert [(r["id_a"], r["id_b"], r["weight"], r["articles"]) for r in rows] == [
        (e.source, e.target, e.weight, e.props["articles"]) for e in co[:5]
    ]
    top = _by_mentions(g)[0]
    rows = run(s, "strongest-co-mentions", name=top.name.upper(), limit=BIG)
    assert [(r["id_a"], r["id_b"]) for r in rows] == [
        (e.source, e.target) for e in co if top.id in (e.source, e.target)
    ]
    assert run(s, "strongest-co-mentions", name="no such entity at all") == []


def _most(g, key_fn, etype=SAID_ABOUT):
    per = defaultdict(list)
    for e in _edges(g, etype):
        per[key_fn(e)].append(e)
    best = min(per, key=lambda k: (-len(per[k]), -sum(e.weight for e in per[k]), k))
    return g.nodes[best], per[best]


def check_said_about(s, g):
    target, edges = _most(g, lambda e: e.target)
    name = lambda e: g.nodes[e.source].name  # noqa: E731
    rows = run(s, "said-about", name=target.name.upper(), limit=BIG)
    assert {r["about"] for r in rows} == {target.name}
    assert sorted((r["speaker"], r["article"], r["quote"]) for r in rows) == _evidence_rows(edges, name)
    stmts = {g.nodes[e.source].name: e.weight for e in edges}
    assert all(r["statements"] == stmts[r["speaker"]] for r in rows)
    assert [r["statements"] for r in rows] == sorted((r["statements"] for r in rows), reverse=True)
    assert len(run(s, "said-about", name=target.id, limit=1)) == 1


def check_said_by(s, g):
    speaker, edges = _most(g, lambda e: e.source)
    name = lambda e: g.nodes[e.target].name  # noqa: E731
    rows = run(s, "said-by", name=speaker.id, limit=BIG)
    assert sorted((r["about"], r["article"], r["quote"]) for r in rows) == _evidence_rows(edges, name)
    by_target = {g.nodes[e.target].name: e for e in edges}
    for r in rows:
        e = by_target[r["about"]]
        assert (r["statements"], r["direct"], r["indirect"], r["cues"]) == (
            e.weight,
            e.props["direct"],
            e.props["indirect"],
            e.props["cues"],
        )


def check_country_relations(s, g):
    cc = [e for e in _edges(g, SAID_ABOUT) if g.nodes[e.source].label == g.nodes[e.target].label == "Country"]
    rows = run(s, "country-relations")
    assert sorted((r["speaker_id"], r["about_id"], r["statements"]) for r in rows) == sorted(
        (e.source, e.target, e.weight) for e in cc
    )
    if cc:
        iso = g.nodes[cc[0].target].props["iso"]
        rows = run(s, "country-relations", country=iso.lower())
        assert rows and all(cc[0].target in (r["speaker_id"], r["about_id"]) for r in rows)


def check_country_coverage(s, g):
    per = defaultdict(list)
    for e in _edges(g, SAID_ABOUT):
        if g.nodes[e.target].label == "Country":
            per[e.target].append(e)

    def summary(cid):
        es = per[cid]
        labels = Counter(g.nodes[e.source].label for e in es)
        top = [g.nodes[e.source].name for e in sorted(es, key=lambda e: (-e.weight, e.source))][:2]
        return (
            cid,
            len(es),
            labels["Person"],
            labels["Organization"],
            labels["Country"],
            sum(e.weight for e in es),
            top,
        )

    want = sorted((summary(c) for c in per), key=lambda t: (-t[5], -t[1], t[0]))
    rows = run(s, "country-coverage", top=2, limit=BIG)
    assert [
        (r["id"], r["speakers"], r["persons"], r["organizations"], r["countries"], r["statements"], r["top_speakers"])
        for r in rows
    ] == want


def _neighbours(g):
    adj = defaultdict(set)
    for e in g.edges.values():
        if e.type in (CO_MENTIONED, SAID_ABOUT):
            adj[e.source].add(e.target)
            adj[e.target].add(e.source)
    return adj


def check_shortest_path(s, g):
    adj = _neighbours(g)
    start = _by_mentions(g)[0]
    dist, todo = {start.id: 0}, deque([start.id])
    while todo:
        u = todo.popleft()
        for v in sorted(adj[u]):
            if v not in dist:
                dist[v] = dist[u] + 1
                todo.append(v)
    far = max((d, v) for v, d in dist.items() if d <= 6)[1]
    assert far != start.id
    rows = run(s, "shortest-path", x=start.name.lower(), y=far)
    assert len(rows) == 1
    r = rows[0]
    assert r["hops"] == dist[far] and r["ids"][0] == start.id and r["ids"][-1] == far
    assert r["names"] == [g.nodes[i].name for i in r["ids"]]
    assert all(b in adj[a] for a, b in zip(r["ids"], r["ids"][1:]))
    assert len(r["relations"]) == len(r["weights"]) == r["hops"]
    assert run(s, "shortest-path", x=start.id, y="no such entity at all") == []
    assert run(s, "shortest-path", x=start.id, y=start.name) == []


def check_ego_network(s, g):
    x = _by_mentions(g)[0]
    want = defaultdict(lambda: [0, 0, 0])
    for e in g.edges.values():
        if e.type == CO_MENTIONED and x.id in (e.source, e.target):
            want[e.target if e.source == x.id else e.source][0] += e.weight
        elif e.type == SAID_ABOUT and e.target == x.id:
            want[e.source][1] += e.weight
        elif e.type == SAID_ABOUT and e.source == x.id:
            want[e.target][2] += e.weight
    rows = run(s, "ego-network", name=x.name, limit=BIG)
    assert {r["id"]: [r["co_mentions"], r["said_about_it"], r["it_said_about"]] for r in rows} == dict(want)
    assert all(r["total"] == r["co_mentions"] + r["said_about_it"] + r["it_said_about"] for r in rows)
    assert [r["total"] for r in rows] == sorted((r["total"] for r in rows), reverse=True)
    assert len(run(s, "ego-network", name=x.id, limit=2)) == min(2, len(want))


def _mention_counts(g, eid):
    return {e.source.split(":", 1)[1]: e.weight for e in _edges(g, MENTIONS) if e.target == eid}


def check_articles_mentioning_both(s, g):
    pair = max(_edges(g, CO_MENTIONED), key=lambda e: (e.weight, e.props["articles"]))
    a, b = _mention_counts(g, pair.source), _mention_counts(g, pair.target)
    rows = run(s, "articles-mentioning-both", x=pair.source, y=g.nodes[pair.target].name.upper())
    assert {r["article"]: (r["mentions_x"], r["mentions_y"]) for r in rows} == {
        art: (a[art], b[art]) for art in set(a) & set(b)
    }
    assert len(rows) >= pair.props["articles"] > 0


def check_top_speakers(s, g):
    per = defaultdict(list)
    for e in _edges(g, SAID_ABOUT):
        per[e.source].append(e)
    want = sorted(per, key=lambda k: (-len(per[k]), -sum(e.weight for e in per[k]), k))
    rows = run(s, "top-speakers", limit=5)
    assert [(r["id"], r["targets"], r["statements"]) for r in rows] == [
        (k, len(per[k]), sum(e.weight for e in per[k])) for k in want[:5]
    ]
    persons = [k for k in want if g.nodes[k].label == "Person"]
    assert [r["id"] for r in run(s, "top-speakers", label="PERSON", limit=BIG)] == persons


def check_find_entity(s, g):
    with_alias = [n for n in _by_mentions(g) if any(a.lower() != n.name.lower() for a in n.props["aliases"])]
    assert with_alias, "the seeds should have an entity known by another name"
    n = with_alias[0]
    alias = next(a for a in n.props["aliases"] if a.lower() != n.name.lower())
    rows = run(s, "find-entity", name=alias.swapcase(), limit=BIG)
    assert any(r["id"] == n.id and r["matched"] == "exact" for r in rows)
    assert _match(g, alias.swapcase()) is not None
    part = n.name[1:4].lower()
    rows = run(s, "find-entity", name=part, limit=BIG)
    want = {m.id for m in _ents(g) if part in m.name.lower() or any(part in a.lower() for a in m.props["aliases"])}
    assert {r["id"] for r in rows} == want
    assert [r["matched"] for r in rows] == sorted(r["matched"] for r in rows)  # exact first


def check_entity_articles(s, g):
    x = _by_mentions(g)[0]
    alias = x.props["aliases"][-1]
    target = _match(g, alias)  # usually x itself; the rule decides if the alias is shared
    rows = run(s, "entity-articles", name=alias)
    assert {r["article"]: r["mentions"] for r in rows} == _mention_counts(g, target.id)
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)


# The seeds are undated: the time queries find nothing in any period here (undated articles
# lie in none); tests/test_time.py checks them on a dated corpus.


def check_entity_timeline(s, g):
    x = _by_mentions(g)[0]
    assert "first_seen" not in x.props and "undated" not in x.props  # no dates at all: no time properties
    assert run(s, "entity-timeline", name=x.id) == []


def check_rising_pairs(s, g):
    assert _edges(g, CO_MENTIONED)
    assert (
        run(
            s,
            "rising-pairs",
            before_since="2000-01-01",
            before_until="2000-12-31",
            after_since="2001-01-01",
            after_until="2100-12-31",
        )
        == []
    )


def check_said_about_in_period(s, g):
    e = max(_edges(g, SAID_ABOUT), key=lambda e: (e.weight, e.key))
    rows = run(s, "said-about-in-period", speaker=e.source, about=e.target)
    assert sorted((r["article"], r["quote"]) for r in rows) == sorted(
        (v["article"], v["quote"]) for v in e.props["evidence"]
    )
    assert all(r["statements"] == e.weight and r["date"] is None for r in rows)
    assert run(s, "said-about-in-period", speaker=e.source, about=e.target, since="1800-01-01") == []


def check_new_entities(s, g):
    assert run(s, "new-entities", since="1800-01-01") == []


CHECKS = {
    "entity-timeline": check_entity_timeline,
    "rising-pairs": check_rising_pairs,
    "said-about-in-period": check_said_about_in_period,
    "new-entities": check_new_entities,
    "top-entities": check_top_entities,
    "strongest-co-mentions": check_strongest_co_mentions,
    "said-about": check_said_about,
    "said-by": check_said_by,
    "country-relations": check_country_relations,
    "country-coverage": check_country_coverage,
    "shortest-path": check_shortest_path,
    "ego-network": check_ego_network,
    "articles-mentioning-both": check_articles_mentioning_both,
    "top-speakers": check_top_speakers,
    "find-entity": check_find_entity,
    "entity-articles": check_entity_articles,
}


@pytest.mark.neo4j
@pytest.mark.parametrize("path", QUERY_FILES, ids=[p.stem for p in QUERY_FILES])
def test_query_on_seeds_graph(path, seeds_db):
    assert path.stem in CHECKS, f"queries/{path.name} has no test: add a check to CHECKS"
    settings, graph = seeds_db
    CHECKS[path.stem](settings, graph)


@pytest.mark.neo4j
def test_cli_query_formats(seeds_db, neo4j_env, tmp_path):
    settings, _graph = seeds_db
    env = {**os.environ, **{k: v for k, v in neo4j_env.items()}}
    want = run(settings, "top-entities", limit=3)
    r = _cli("query", "top-entities", "--param", "limit=3", "--format", "json", env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == want
    r = _cli("query", "top-entities", "-p", "limit=3", "-f", "csv", env=env, cwd=tmp_path)
    back = list(csv.DictReader(io.StringIO(r.stdout, newline="")))
    assert [(d["id"], int(d["mentions"])) for d in back] == [(w["id"], w["mentions"]) for w in want]
    r = _cli("query", str(ROOT / "queries" / "top-entities.cypher"), "--param", "limit=3", env=env)
    lines = r.stdout.splitlines()
    assert lines[0].split()[:3] == ["id", "name", "label"] and lines[-1] == "(3 rows)"
    assert all(w["id"] in line for w, line in zip(want, lines[2:]))


@pytest.mark.neo4j
def test_cli_query_is_read_only_unless_write(seeds_db, neo4j_env, tmp_path):
    settings, _ = seeds_db
    env = {**os.environ, **neo4j_env}
    q = tmp_path / "tag.cypher"
    marker = tmp_path / "count.cypher"
    marker.write_text("MATCH (m:QueryTestMarker) RETURN count(m) AS n", encoding="utf-8")
    q.write_text(
        "// tag: writes a marker node.\n//   @param v   the value\nCREATE (m:QueryTestMarker {v: $v}) RETURN m.v AS v",
        encoding="utf-8",
    )
    try:
        r = _cli("query", q, "--param", "v=1", env=env)
        assert r.returncode != 0 and "--write" in r.stderr and len(r.stderr.strip().splitlines()) == 1
        assert run(settings, str(marker)) == [{"n": 0}]
        r = _cli("query", q, "--param", "v=1", "--write", "-f", "json", env=env)
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout) == [{"v": 1}]
    finally:
        from graphbuild.store.neo4j import Neo4jStore

        with Neo4jStore(settings) as store:
            store._write("MATCH (m:QueryTestMarker) DELETE m")


@pytest.mark.neo4j
def test_nodes_relationships_paths_and_quotes_come_back_plain(neo4j_settings):
    """A hand-made graph with awkward quotes: evidence parsing in Cypher and value conversion."""
    from graphbuild.store.neo4j import Neo4jStore

    quotes = [
        'She said "no" and \\left\\',
        'tricky "}, {"article": "x", "quote": "y',
        "ends with \\",
        "<script>alert(1)</script>, commas",
        "東京 – émigré",
    ]
    arts = ["art-1", 'art "2"', "art\\3", "art-4", "art-5"]
    g = Graph()
    g.add_node(
        Node(
            "person:ann-quill", "Person", "Ann Quill", {"mentions": 3, "articles": 2, "aliases": ["Ann Quill", "Quill"]}
        )
    )
    g.add_node(Node("person:bo-marsh", "Person", "Bo Marsh", {"mentions": 2, "articles": 2, "aliases": ["Marsh"]}))
    ev = [{"article": a, "quote": q} for a, q in zip(arts, quotes)]
    g.add_edge(
        Edge(
            SAID_ABOUT,
            "person:ann-quill",
            "person:bo-marsh",
            5,
            {"count": 5, "articles": 5, "cues": ["said"], "direct": 3, "indirect": 2, "evidence": ev},
        )
    )
    g.add_edge(
        Edge(
            CO_MENTIONED,
            "person:ann-quill",
            "person:bo-marsh",
            2,
            {"articles": 2, "evidence": [{"article": "art-1", "text": "Ann Quill met Bo Marsh."}]},
        )
    )
    with Neo4jStore(neo4j_settings) as store:
        store.sync(g)
        for name, _col in (("said-about", "speaker"), ("said-by", "about")):
            q = Q.load(name, cwd=ROOT)
            who = "marsh" if name == "said-about" else "QUILL"
            keys, rows = store.query(q.text, Q.bind(q, {"name": who}))
            got = sorted((d["article"], d["quote"]) for d in (dict(zip(keys, r)) for r in rows))
            assert got == sorted(zip(arts, quotes)), name

        keys, rows = store.query(
            "MATCH p = (a:Person)-[r:SAID_ABOUT]->(b) RETURN a, r, p, date('2024-01-02') AS d, [a, {x: b}] AS nested",
            {},
        )
    a, r, p, d, nested = rows[0]
    assert keys == ["a", "r", "p", "d", "nested"]
    assert a == {
        "id": "person:ann-quill",
        "name": "Ann Quill",
        "mentions": 3,
        "articles": 2,
        "aliases": ["Ann Quill", "Quill"],
        "_labels": ["Entity", "Person"],
    }
    assert r["_type"] == SAID_ABOUT and (r["_start"], r["_end"]) == ("person:ann-quill", "person:bo-marsh")
    assert r["evidence"] == ev and "_hash" not in r
    assert [n["id"] for n in p["nodes"]] == ["person:ann-quill", "person:bo-marsh"]
    assert p["relationships"][0]["weight"] == 5
    assert d == "2024-01-02"
    assert nested[0] == a and nested[1]["x"]["name"] == "Bo Marsh"
    json.dumps(rows)  # all plain


def _operators(plan) -> list[str]:
    return [plan["operatorType"].split("@")[0]] + [op for k in plan.get("children", []) for op in _operators(k)]


# name -> parameters; every one of these finds its entities through an index, never a scan
INDEXED = {
    "ego-network": ("name",),
    "entity-articles": ("name",),
    "entity-timeline": ("name",),
    "said-about-in-period": ("speaker", "about"),
    "find-entity": ("name",),
    "said-about": ("name",),
    "said-by": ("name",),
    "strongest-co-mentions": ("name",),
    "shortest-path": ("x", "y"),
    "articles-mentioning-both": ("x", "y"),
    "top-entities": (),
}


@pytest.mark.neo4j
@pytest.mark.parametrize("name", sorted(INDEXED))
def test_lookups_seek_an_index_instead_of_scanning_entities(name, seeds_db):
    from graphbuild.store.neo4j import Neo4jStore

    settings, graph = seeds_db
    top = _by_mentions(graph)
    # an alias in other case: the lookup must go through the lower-cased names index
    alias = next(a for n in top for a in n.props["aliases"] if a.lower() != n.name.lower())
    given = dict(zip(INDEXED[name], [alias.upper(), top[0].id]))
    q = Q.load(name, cwd=ROOT)
    with Neo4jStore(settings) as store, store._session() as session:
        result = session.run("PROFILE " + q.text, Q.bind(q, given))
        rows = list(result)
        ops = _operators(result.consume().profile)
    assert "NodeByLabelScan" not in ops and "AllNodesScan" not in ops, ops
    assert any(op.endswith(("IndexSeek", "IndexContainsScan", "IndexScan")) for op in ops), ops
    if name in ("find-entity", "entity-articles"):
        assert rows  # and the alias did find its entity


@pytest.mark.neo4j
def test_graph_written_without_lookup_keys_gets_them_when_opened(seeds_db):
    from graphbuild.store.neo4j import Neo4jStore

    settings, graph = seeds_db
    n = next(n for n in _by_mentions(graph) if n.props["aliases"])
    with Neo4jStore(settings) as store:
        store._write("MATCH (e:Entity) REMOVE e._names")  # as an older version wrote it
        assert run(settings, "entity-articles", name=n.name.upper()) == []
        store.verify()
    rows = run(settings, "entity-articles", name=n.name.upper())
    assert rows and {r["entity"] for r in rows} == {n.name}


@pytest.mark.neo4j
@pytest.mark.parametrize("depth", [0, 1, 2])
def test_focused_export_from_neo4j_reads_only_the_neighbourhood_and_writes_the_same_files(
    depth, seeds_db, neo4j_env, tmp_path
):
    from graphbuild.api import load_graph_from_neo4j
    from graphbuild.graph.view import subgraph
    from graphbuild.writers import csv as csv_writer
    from graphbuild.writers import gexf, graphml

    settings, graph = seeds_db
    top = _by_mentions(graph)[0]
    focus = top.name.upper()
    part = load_graph_from_neo4j(settings, focus=focus, depth=depth)
    near = {e.target for e in graph.edges.values() if e.source == top.id and e.type != MENTIONS}
    near |= {e.source for e in graph.edges.values() if e.target == top.id and e.type != MENTIONS}
    ents = {i for i, n in part.nodes.items() if n.label != ARTICLE}
    if depth == 0:
        assert ents == {top.id}
    if depth == 1:
        assert ents == {top.id} | near
    # every export format: the same files as selecting on the whole graph read from Neo4j
    env = {**os.environ, **neo4j_env}
    whole = tmp_path / "whole"
    whole.mkdir()
    with_whole = load_graph_from_neo4j(settings)
    for fmt, name in (("graphml", "g.graphml"), ("gexf", "g.gexf"), ("csv", "tables")):
        a = tmp_path / name
        r = _cli("export", fmt, str(a), "--from-neo4j", "--focus", focus, "--depth", str(depth), "--articles", env=env)
        assert r.returncode == 0, r.stderr
        sub = subgraph(with_whole, focus=focus, depth=depth)
        b = whole / name
        if fmt == "graphml":
            graphml.write(sub, b, articles=True)
        elif fmt == "gexf":
            gexf.write(sub, b, articles=True)
        else:
            csv_writer.write(sub, b, articles=True)
        files = sorted(p.name for p in a.iterdir()) if a.is_dir() else [""]
        for f in files:
            pa, pb = (a / f, b / f) if f else (a, b)
            assert pa.read_bytes() == pb.read_bytes(), (fmt, f)


@pytest.mark.neo4j
def test_focused_export_from_neo4j_of_an_unknown_name_says_what_is_close(seeds_db):
    from graphbuild.api import load_graph_from_neo4j

    settings, graph = seeds_db
    name = _by_mentions(graph)[0].name
    with pytest.raises(InputError, match=r"no entity named.*close"):
        load_graph_from_neo4j(settings, focus=name + "x")
