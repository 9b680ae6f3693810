"""Time: dates in (parsing, path dates, warnings), dates on the graph (first/last seen,
counts per month, undated), cut by date (a period exported from a build, or from Neo4j,
equals the graph built from only that period's articles), the time queries.

The dated corpus is made here: invented articles with known dates, plus, when the eval
data is at hand (../shared/eval or GRAPHBUILD_EVAL), a sample of BBC articles given invented
dates over several months. Expectations come from the dates given here and the graph's own
MENTIONS edges, never from names in the eval data.
"""

from __future__ import annotations

import csv
import json
import os
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from graphbuild.graph.model import ARTICLE, CO_MENTIONED, MENTIONS, SAID_ABOUT
from graphbuild.graph.timeline import Seen, spells
from graphbuild.ingest import dates
from graphbuild.ingest.options import ReadOptions
from graphbuild.ingest.sources import read_articles
from tests.clirun import run as run_cli
from tests.neo4jlocal import EMPTY
from tests.test_gephi import gephi  # noqa: F401  (the Gephi toolkit fixture)

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path(os.environ.get("GRAPHBUILD_EVAL", ROOT.parent / "shared" / "eval"))
SINCE, UNTIL = "2026-02-01", "2026-03-31"

# (id, published as the source gives it, text); the day each one means is in DAYS
INVENTED = [
    (
        "t1",
        "2026-01-10",
        "Odile Brack, the director of Vela TV, visited Portugal on Monday. "
        "Odile Brack said that Vela TV would open a studio in Portugal next year.\n\n"
        "The studio will employ forty people, the company said.",
    ),
    (
        "t2",
        "Sat, 14 Feb 2026 09:30:00 +0000",
        "Marten Oslo criticised the Crimson Valley Brigade on Friday. "
        "Marten Oslo said that the Crimson Valley Brigade had broken the truce in Moldova.\n\n"
        "Talks are due to resume next week.",
    ),
    (
        "t3",
        "2 March 2026",
        "Odile Brack met Marten Oslo in Lisbon. Odile Brack said that Vela TV would report from Moldova.\n\n"
        "Vela TV and Marten Oslo signed an agreement on coverage.",
    ),
    (
        "t4",
        "Mar 20, 2026",
        "Marten Oslo and Odile Brack spoke again about Moldova. "
        "Marten Oslo said that Odile Brack had kept her promise.\n\nThe Crimson Valley Brigade did not comment.",
    ),
    (
        "t5",
        1775390400,  # epoch seconds: 2026-04-05 12:00 UTC
        "Tomas Qirell, a newcomer at Vela TV, said that Vela TV had doubled its audience in Portugal. "
        "Tomas Qirell praised Odile Brack.\n\nThe figures were published on Sunday.",
    ),
    (
        "t6",
        None,
        "Ilse Vantberg spoke with Marten Oslo about the truce. "
        "Ilse Vantberg said that the Crimson Valley Brigade wanted new talks.\n\nNo date was given.",
    ),
    (
        "t7",
        "soon",
        "Ilse Vantberg and Marten Oslo will meet in Moldova. "
        "Marten Oslo said that Ilse Vantberg was a serious negotiator.\n\nThe meeting place is secret.",
    ),
]
DAYS = {"t1": "2026-01-10", "t2": "2026-02-14", "t3": "2026-03-02", "t4": "2026-03-20", "t5": "2026-04-05"}


# === dates in ===========================================================================


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2026-12-01", "2026-12-01"),
        ("2026-12-01T09:30:00Z", "2026-12-01T09:30:00+00:00"),
        ("2026-12-01T09:30:00+05:30", "2026-12-01T09:30:00+05:30"),
        ("2026-12-01 09:30", "2026-12-01T09:30:00"),
        ("2026-12-01T00:00:00", "2026-12-01T00:00:00"),
        ("Tue, 01 Dec 2026 09:30:00 +0000", "2026-12-01T09:30:00+00:00"),
        ("Tue, 01 Dec 2026 09:30:00 GMT", "2026-12-01T09:30:00+00:00"),
        ("1 December 2026", "2026-12-01"),
        ("Dec 1, 2026", "2026-12-01"),
        ("December 1st, 2026", "2026-12-01"),
        (1796117400, "2026-12-01T09:30:00+00:00"),
        ("1796117400", "2026-12-01T09:30:00+00:00"),
        ("  2026-12-01  ", "2026-12-01"),
    ],
)
def test_news_date_formats_are_normalised_to_iso(value, iso):
    assert dates.normalize(value) == iso
    assert dates.day(dates.normalize(value)) == "2026-12-01"


@pytest.mark.parametrize(
    "value", [None, "", "soon", "December 2026", "2026-02-30", "12", "32 January 2026", True, "0800 hours"]
)
def test_what_is_not_a_full_date_is_none(value):
    assert dates.normalize(value) is None


def test_date_from_path_and_period_bounds():
    assert dates.from_path("news/2026/03/05/story.txt") == "2026-03-05"
    assert dates.from_path("archive/2026-03-05-story.md") == "2026-03-05"
    assert dates.from_path("2025/01/01/2026/03/05/a.txt") == "2026-03-05"  # the deepest one
    assert dates.from_path("2026/13/05/a.txt") is None and dates.from_path("story-20260305.txt") is None
    assert dates.bound("5 March 2026") == "2026-03-05" and dates.bound(date(2026, 3, 5)) == "2026-03-05"
    with pytest.raises(ValueError):
        dates.bound("last week")
    assert dates.in_period("2026-03-05", "2026-03-05", "2026-03-05")
    assert not dates.in_period("2026-03-06", None, "2026-03-05")
    assert not dates.in_period(None, "2026-01-01", None) and dates.in_period(None, None, None)


def test_unparseable_published_is_a_warning_with_file_and_line(tmp_path):
    p = _jsonl(tmp_path / "in.jsonl", INVENTED)
    problems: list = []
    arts = {a.id: a for a in read_articles([str(p)], problems.append)}
    assert len(arts) == len(INVENTED)  # nothing skipped
    assert [(x.origin, x.skipped) for x in problems] == [(f"{p}:7", False)]
    assert "'soon'" in problems[0].reason and "undated" in problems[0].reason
    assert {i: dates.day(a.published) for i, a in arts.items() if a.published} == DAYS
    assert arts["t6"].published is None and arts["t7"].published is None


def test_date_from_path_fills_only_undated_articles(tmp_path):
    day = tmp_path / "2026" / "03" / "05"
    day.mkdir(parents=True)
    (day / "a.txt").write_text("Odile Brack visited Portugal.", encoding="utf-8")
    (tmp_path / "2026-04-01-b.txt").write_text("Marten Oslo visited Moldova.", encoding="utf-8")
    (tmp_path / "undated.txt").write_text("Ilse Vantberg visited Moldova.", encoding="utf-8")
    _jsonl(day / "c.jsonl", [("c1", "2026-01-02", "Own date."), ("c2", None, "No date of its own.")])
    got = {a.id: a.published for a in read_articles([str(tmp_path)], options=ReadOptions(date_from_path=True))}
    assert got == {
        "2026/03/05/a.txt": "2026-03-05",
        "2026-04-01-b.txt": "2026-04-01",
        "undated.txt": None,
        "c1": "2026-01-02",
        "c2": "2026-03-05",
    }
    assert {a.published for a in read_articles([str(tmp_path)])} == {None, "2026-01-02"}


# === the timeline model =================================================================


def test_seen_counts_by_month_and_spells_join_consecutive_months():
    s = Seen()
    for d in ("2026-03-20", "2026-01-31", "2026-02-01", "2026-05-02", None, None):
        s.add(d)
    props = s.props()
    assert props == {
        "first_seen": "2026-01-31",
        "last_seen": "2026-05-02",
        "monthly": {"2026-01": 1, "2026-02": 1, "2026-03": 1, "2026-05": 1},
        "undated": 2,
    }
    assert spells(props) == [("2026-01-31", "2026-03-31"), ("2026-05-01", "2026-05-02")]
    assert spells(
        {"monthly": {"2026-11": 1, "2026-12": 2, "2027-01": 1}, "first_seen": "2026-11-03", "last_seen": "2027-01-09"}
    ) == [("2026-11-03", "2027-01-09")]
    assert spells({"undated": 3}) == [] and Seen().props() == {}
    assert spells({"first_seen": "2026-01-02", "last_seen": "2026-02-03"}) == [("2026-01-02", "2026-02-03")]


def test_graph_spells_give_every_dated_node_and_edge_its_intervals(builds):
    from graphbuild.graph.timeline import graph_spells

    g = _graph(builds[0])
    nodes, edges = graph_spells(g)
    assert nodes["person:odile-brack"][0][0] == g.nodes["person:odile-brack"].props["first_seen"]
    assert "person:ilse-vantberg" not in nodes  # undated only
    assert edges[(CO_MENTIONED, "person:marten-oslo", "person:odile-brack")] == [("2026-03-02", "2026-03-20")]
    for key, sp in edges.items():
        e = g.edges[key]
        assert sp[0][0] == e.props["first_seen"] and sp[-1][1] == e.props["last_seen"]
        assert all(a <= b for a, b in sp) and all(sp[i][1] < sp[i + 1][0] for i in range(len(sp) - 1))


# === the dated corpus, built ============================================================


def _jsonl(path: Path, articles) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for aid, published, text in articles:
            rec = {"id": aid, "title": f"Article {aid}", "text": text}
            if published is not None:
                rec["published"] = published
            fh.write(json.dumps(rec) + "\n")
    return path


def _bbc_sample(n: int = 18) -> list[tuple]:
    """Every 120th BBC article, with invented dates two weeks apart from January on, in
    rotating formats; the last one undated."""
    path = EVAL / "bbc.jsonl"
    if not path.is_file():
        return []
    recs = [json.loads(line) for i, line in enumerate(path.open(encoding="utf-8")) if i % 120 == 0][:n]
    out = []
    for i, rec in enumerate(recs):
        d = date(2026, 1, 5) + timedelta(days=14 * i)
        given = [
            d.isoformat(),
            d.strftime("%d %B %Y"),
            d.strftime("%b %d, %Y"),
            d.strftime("%a, %d %b %Y 08:00:00 +0000"),
        ]
        out.append((f"bbc-{rec['id']}", None if i == n - 1 else given[i % 4], rec["text"]))
        if i < n - 1:
            DATED_BBC[f"bbc-{rec['id']}"] = d.isoformat()
    return out


DATED_BBC: dict[str, str] = {}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The dated corpus as JSONL (ids in sorted order) and every dated article's day."""
    arts = sorted([*_bbc_sample(), *INVENTED], key=lambda a: a[0])
    path = _jsonl(tmp_path_factory.mktemp("dated") / "corpus.jsonl", arts)
    return path, {**DAYS, **DATED_BBC}


@pytest.fixture(scope="module")
def builds(corpus, tmp_path_factory):
    """The whole corpus built, and the period built from only its articles (CLI)."""
    path, _ = corpus
    full, part = tmp_path_factory.mktemp("full"), tmp_path_factory.mktemp("part")
    whole = run_cli("build", path, "--out", full, "--articles")
    assert whole.returncode == 0, whole.stderr
    r = run_cli("build", path, "--out", part, "--since", SINCE, "--until", UNTIL, "--articles")
    assert r.returncode == 0, r.stderr
    return full, part, r, whole


def _graph(folder):
    from graphbuild.api import load_graph

    return load_graph(folder)


def test_period_export_equals_the_graph_built_from_only_its_articles(builds, tmp_path):
    full, part, *_ = builds
    cut = tmp_path / "cut.graphml"
    r = run_cli("export", "graphml", cut, "--from", full, "--since", SINCE, "--until", UNTIL, "--articles")
    assert r.returncode == 0, r.stderr
    assert cut.read_bytes() == (part / "graph.graphml").read_bytes()
    whole, period = _graph(full), _graph(part)
    assert len(period.edges) < len(whole.edges)  # the cut removed something
    # ... and the weights are counted in the period, not copied from the whole corpus
    lighter = [
        k
        for k, e in period.edges.items()
        if e.type != MENTIONS and k in whole.edges and e.weight < whole.edges[k].weight
    ]
    assert lighter
    r = run_cli("export", "csv", tmp_path / "csv", "--from", full, "--since", SINCE, "--until", UNTIL)
    assert r.returncode == 0, r.stderr
    with (tmp_path / "csv" / "edges.csv").open(encoding="utf-8") as fh:
        rows = {(r["type"], r["source"], r["target"]): int(r["weight"]) for r in csv.DictReader(fh)}
    assert rows == {k: e.weight for k, e in period.edges.items() if e.type != MENTIONS}
    html = tmp_path / "cut.html"
    r = run_cli("export", "html", html, "--from", full, "--since", SINCE, "--until", UNTIL)
    assert r.returncode == 0 and "Tomas Qirell" not in html.read_text(encoding="utf-8")  # April only
    assert "Tomas Qirell" in (full / "graph.html").read_text(encoding="utf-8")


def test_build_with_a_period_builds_only_its_articles(builds, corpus):
    _, part, r, _ = builds
    _, days = corpus
    arts = {n.props["article_id"] for n in _graph(part).nodes.values() if n.label == ARTICLE}
    assert arts == {a for a, d in days.items() if SINCE <= d <= UNTIL}
    assert "articles outside the period (or undated) left out" in r.stdout


def test_first_and_last_seen_and_monthly_counts_are_right(builds, corpus):
    full, *_ = builds
    _, days = corpus
    g = _graph(full)
    per: dict[str, list] = defaultdict(list)
    for e in g.edges.values():
        if e.type == MENTIONS:
            per[e.target].append((days.get(e.source.removeprefix("article:")), e.weight))
    assert per
    for eid, seen in per.items():
        n = g.nodes[eid]
        dated = [(d, c) for d, c in seen if d]
        monthly = Counter()
        for d, c in dated:
            monthly[d[:7]] += c
        assert n.props.get("first_seen") == (min(d for d, _ in dated) if dated else None), eid
        assert n.props.get("last_seen") == (max(d for d, _ in dated) if dated else None), eid
        assert n.props.get("monthly", {}) == dict(monthly), eid
        assert n.props.get("undated", 0) == sum(c for d, c in seen if not d), eid
        assert sum(monthly.values()) + n.props.get("undated", 0) == n.props["mentions"]
    for e in g.edges.values():
        if e.type in (CO_MENTIONED, SAID_ABOUT):
            assert sum(e.props.get("monthly", {}).values()) + e.props.get("undated", 0) == e.weight
            for ev in e.props["evidence"]:
                assert ev.get("date") == days.get(ev["article"])
    # the invented pair, by hand: co-mentioned in March only, three times
    pair = g.edges[(CO_MENTIONED, "person:marten-oslo", "person:odile-brack")]
    assert (pair.props["first_seen"], pair.props["last_seen"]) == ("2026-03-02", "2026-03-20")
    assert pair.props["monthly"] == {"2026-03": 3} and "undated" not in pair.props
    said = g.edges[(SAID_ABOUT, "person:marten-oslo", "organization:crimson-valley-brigade")]
    assert said.props["first_seen"] == said.props["last_seen"] == "2026-02-14"


def test_undated_articles_count_in_totals_and_are_said_to_be_undated(builds, corpus):
    full, *_ = builds
    g = _graph(full)
    ilse = g.nodes["person:ilse-vantberg"]  # only in the two undated articles
    assert ilse.props["undated"] == ilse.props["mentions"] > 0 and "first_seen" not in ilse.props
    oslo = g.nodes["person:marten-oslo"]
    assert 0 < oslo.props["undated"] < oslo.props["mentions"]
    assert g.edges[(CO_MENTIONED, "person:ilse-vantberg", "person:marten-oslo")].props["undated"] >= 1
    whole = builds[3]
    undated = sum(1 for line in corpus[0].open() if json.loads(line)["id"] not in corpus[1])
    assert undated >= 2 and f"{undated} of them undated" in whole.stdout
    assert "published 'soon' is not a date" in whole.stderr and "corpus.jsonl:" in whole.stderr


def test_period_bounds_are_checked(builds, tmp_path):
    full, *_ = builds
    r = run_cli("export", "graphml", tmp_path / "x.graphml", "--from", full, "--since", "the spring")
    assert r.returncode == 2 and "--since" in r.stderr and "fix:" in r.stderr
    r = run_cli("export", "graphml", tmp_path / "x.graphml", "--from", full, "--since", UNTIL, "--until", SINCE)
    assert r.returncode == 2 and "swap" in r.stderr
    assert not (tmp_path / "x.graphml").exists()


# === Neo4j ==============================================================================


def _env(neo4j_env):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_") and k != "GRAPHBUILD_DEBUG"}
    return {**env, **{k: neo4j_env[k] for k in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD") if k in neo4j_env}}


@pytest.fixture(scope="module")
def dated_db(neo4j_env, corpus, tmp_path_factory):
    """The dated corpus built into an emptied Neo4j once for this module's Neo4j tests (they
    only read it, or build it again and check that nothing was written)."""
    from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore

    settings = Neo4jSettings(neo4j_env["NEO4J_URI"], neo4j_env.get("NEO4J_USER", "neo4j"), neo4j_env["NEO4J_PASSWORD"])
    with Neo4jStore(settings) as store:
        store._write(EMPTY)
    path, _ = corpus
    out = tmp_path_factory.mktemp("db-build")
    r = run_cli("build", path, "--out", out, "--quiet", "--neo4j", env=_env(neo4j_env))
    assert r.returncode == 0, r.stderr
    return settings


def _query(settings, query, /, **params):
    from graphbuild.store import queries as Q
    from graphbuild.store.neo4j import Neo4jStore

    q = Q.load(query, cwd=ROOT)
    with Neo4jStore(settings) as store:
        keys, rows = store.query(q.text, Q.bind(q, params))
    return [dict(zip(keys, row)) for row in rows]


@pytest.mark.neo4j
def test_period_from_neo4j_equals_the_period_built_alone(dated_db, neo4j_env, builds, tmp_path):
    full, part, *_ = builds
    cut = tmp_path / "db-cut.graphml"
    r = run_cli(
        "export", "graphml", cut, "--from-neo4j", "--since", SINCE, "--until", UNTIL, "--articles", env=_env(neo4j_env)
    )
    assert r.returncode == 0, r.stderr
    assert cut.read_bytes() == (part / "graph.graphml").read_bytes()
    # the whole graph read back from Neo4j keeps every time property
    from graphbuild.api import load_graph_from_neo4j

    db, embedded = load_graph_from_neo4j(dated_db), _graph(full)
    keys = ("first_seen", "last_seen", "monthly", "undated")
    for nid, n in embedded.nodes.items():
        if n.label != ARTICLE:
            assert {k: db.nodes[nid].props.get(k) for k in keys} == {k: n.props.get(k) for k in keys}, nid
    for k, e in embedded.edges.items():
        assert {x: db.edges[k].props.get(x) for x in keys} == {x: e.props.get(x) for x in keys}, k
        assert db.edges[k].props.get("evidence") == e.props.get("evidence")


@pytest.mark.neo4j
def test_neo4j_holds_dates_as_date_values_and_indexes_them(dated_db):
    from neo4j.time import Date

    from graphbuild.store.neo4j import Neo4jStore

    with Neo4jStore(dated_db) as store:
        art = store._read("MATCH (a:Article {id: 't2'}) RETURN a.date AS d, a.published AS p")[0]
        ent = store._read("MATCH (n:Entity {id: 'person:marten-oslo'}) RETURN n.first_seen AS f, n.months AS m")[0]
        rel = store._read(
            "MATCH ()-[r:CO_MENTIONED]->() WHERE r.first_seen IS NOT NULL RETURN r.last_seen AS l LIMIT 1"
        )
        idx = {r["name"] for r in store._read("SHOW INDEXES YIELD name RETURN name")}
    assert art["d"] == Date(2026, 2, 14) and art["p"] == "2026-02-14T09:30:00+00:00"
    assert ent["f"] == Date(2026, 2, 14) and all(isinstance(m, Date) and m.day == 1 for m in ent["m"])
    assert isinstance(rel[0]["l"], Date)
    assert {"graphbuild_article_date", "graphbuild_entity_first_seen"} <= idx


@pytest.mark.neo4j
def test_building_the_dated_corpus_again_writes_nothing(dated_db, corpus, tmp_path):
    from graphbuild.api import BuildOptions, build_files

    again = build_files([str(corpus[0])], tmp_path / "again", BuildOptions(write_html=False), neo4j=dated_db)
    assert again.store["articles_written"] == 0 and again.store["sync"].total_written == 0


@pytest.mark.neo4j
def test_time_queries(dated_db, builds):
    full, *_ = builds
    g = _graph(full)
    oslo = g.nodes["person:marten-oslo"]
    rows = _query(dated_db, "entity-timeline", name="Marten Oslo")
    assert {r["period"][:7]: r["mentions"] for r in rows} == oslo.props["monthly"]
    weeks = _query(dated_db, "entity-timeline", name="marten oslo", unit="week", since=SINCE, until=UNTIL)
    assert all(date.fromisoformat(r["period"]).weekday() == 0 for r in weeks)
    assert sum(r["mentions"] for r in weeks) == sum(
        v for m, v in oslo.props["monthly"].items() if "2026-02" <= m <= "2026-03"
    )

    new = _query(dated_db, "new-entities", since="2026-04-01", until="2026-04-30", label="person", limit=1000)
    want = {
        n.id
        for n in g.nodes.values()
        if n.label == "Person" and "2026-04-01" <= n.props.get("first_seen", "") <= "2026-04-30"
    }
    assert {r["id"] for r in new} == want and "person:tomas-qirell" in want

    rising = _query(
        dated_db,
        "rising-pairs",
        before_since="2026-01-01",
        before_until="2026-01-31",
        after_since="2026-03-01",
        after_until="2026-03-31",
        limit=1000,
    )
    got = {(r["id_a"], r["id_b"]): (r["before"], r["after"]) for r in rising}
    assert got[("person:marten-oslo", "person:odile-brack")] == (0, 3)
    for (a, b), (before, after) in got.items():
        m = g.edges[(CO_MENTIONED, a, b)].props["monthly"]
        assert (before, after) == (m.get("2026-01", 0), m.get("2026-03", 0)) and after > before
    assert [r["rise"] for r in rising] == sorted((r["rise"] for r in rising), reverse=True)

    said = _query(
        dated_db,
        "said-about-in-period",
        speaker="Marten Oslo",
        about="Crimson Valley Brigade",
        since=SINCE,
        until=UNTIL,
    )
    assert said and {r["article"] for r in said} == {"t2"} and said[0]["date"] == "2026-02-14"
    assert said[0]["statements"] == 2 and "truce" in " ".join(r["quote"] for r in said)
    assert (
        _query(
            dated_db, "said-about-in-period", speaker="Marten Oslo", about="Crimson Valley Brigade", since="2026-04-01"
        )
        == []
    )


def test_a_period_is_cut_with_the_build_s_window_and_alias_rules(tmp_path):
    path = _jsonl(tmp_path / "in.jsonl", INVENTED)
    rules = tmp_path / "aliases.txt"
    rules.write_text("merge: Marten Oslo = Tomas Qirell\nrename: Odile Brack => O. Brack\n", encoding="utf-8")
    opts = ("--window", "paragraph", "--aliases", rules, "--quiet")
    assert run_cli("build", path, "--out", tmp_path / "all", *opts).returncode == 0
    assert run_cli("build", path, "--out", tmp_path / "part", "--since", "2026-03-01", *opts).returncode == 0
    cut = tmp_path / "cut.graphml"
    r = run_cli("export", "graphml", cut, "--from", tmp_path / "all", "--since", "2026-03-01")
    assert r.returncode == 0, r.stderr
    assert cut.read_bytes() == (tmp_path / "part" / "graph.graphml").read_bytes()
    g = _graph(tmp_path / "part")
    assert "O. Brack" in {n.name for n in g.nodes.values()}  # the rules applied to the cut too


# === Gephi's timeline ===================================================================


@pytest.mark.gephi
def test_period_gexf_plays_on_gephis_timeline_with_a_spell_per_run_of_months(builds, gephi, tmp_path):  # noqa: F811
    from graphbuild.graph.timeline import spells

    full, *_ = builds
    g = _graph(full)
    out = tmp_path / "all.gexf"
    assert run_cli("export", "gexf", out, "--from", full).returncode == 0
    imported = gephi(out)
    assert imported["dynamic"] and [i for i in imported["issues"] if not i.startswith("INFO")] == []

    def ms(day: str) -> float:
        return datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp() * 1000

    def want(props) -> list:
        return [[ms(a), ms(b)] for a, b in spells(props)]

    nodes = {n["id"]: n["intervals"] for n in imported["nodes"]}
    assert all(nodes[i] == want(n.props) for i, n in g.nodes.items() if n.label != ARTICLE and "first_seen" in n.props)
    gapped = [i for i, n in g.nodes.items() if len(spells(n.props)) > 1]
    assert gapped and all(len(nodes[i]) > 1 for i in gapped)  # Gephi holds each run of months
    edges = {(e["kind"], e["source"], e["target"]): e["intervals"] for e in imported["edges"]}
    for k, e in g.edges.items():
        if e.type != MENTIONS and "first_seen" in e.props:
            got = edges.get(k) or edges[(k[0], k[2], k[1])]  # Gephi may list an undirected pair either way
            assert got == want(e.props), k
    cut = tmp_path / "march.gexf"
    assert (
        run_cli("export", "gexf", cut, "--from", full, "--since", "2026-03-01", "--until", "2026-03-31").returncode == 0
    )
    march = gephi(cut)
    assert all(iv[0] >= ms("2026-03-01") and iv[1] <= ms("2026-03-31") for n in march["nodes"] for iv in n["intervals"])


def test_every_reader_s_dates_are_normalised_csv_and_html_too(tmp_path):
    (tmp_path / "a.csv").write_text(
        'id,title,published,text\nc1,One,"Dec 1, 2026",Odile Brack visited Portugal.\n'
        "c2,Two,soon,Marten Oslo visited Moldova.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.html").write_text(
        '<html><head><title>Visit</title><meta property="article:published_time" content="2026-03-02T10:00:00Z">'
        "</head><body><article><h1>Visit</h1><p>Odile Brack visited Portugal on Monday, and she met the "
        "minister there to talk about the new studio that Vela TV will open next year.</p></article></body></html>",
        encoding="utf-8",
    )
    problems: list = []
    got = {a.id: a.published for a in read_articles([str(tmp_path)], problems.append)}
    assert got["c1"] == "2026-12-01" and got["c2"] is None
    assert dates.day(got["b.html"]) == "2026-03-02"
    bad = [p for p in problems if "'soon'" in p.reason]
    assert len(bad) == 1 and not bad[0].skipped and "a.csv" in bad[0].origin
