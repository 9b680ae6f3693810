"""The streaming build: per-article provenance goes through a sorted spool on disk, and the
files it writes are those of the build that holds the whole graph."""

from __future__ import annotations

import hashlib
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.graph.model import SAID_ABOUT, ArticleExtraction, Mention, Quote, Span
from graphbuild.graph.relate import GraphBuilder, provenance, with_provenance
from graphbuild.writers import graphml, html
from graphbuild.writers.provenance import ProvenanceSpool

RECORDS = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "b~1", "c", "z\u00e9", "10", "9"]),
        st.dictionaries(st.sampled_from(["title", "url", "published"]), st.text("xyz", min_size=1), max_size=2),
        st.lists(st.tuples(st.sampled_from(["e:1", "e:2", "e:3"]), st.integers(1, 5)), unique_by=lambda t: t[0]),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(RECORDS, st.integers(1, 5))
def test_spool_gives_the_records_sorted_with_repeated_ids_merged(tmp_path_factory, records, run):
    expected: dict[str, tuple[dict, Counter]] = {}
    for aid, props, counts in records:  # what a builder holding every article makes
        total = expected.get(aid, ({}, Counter()))[1]
        expected[aid] = (props, total + Counter(dict(counts)))
    # small runs, more of them than max_runs now and then: merged into one on the way
    with ProvenanceSpool(tmp_path_factory.mktemp("prov"), run=run, max_runs=3) as spool:
        for aid, props, counts in records:
            spool.add((aid, props, sorted(counts)))
        for _ in range(2):  # read as often as the writers need
            got = list(spool.records())
            assert got == [(aid, p, sorted(c.items())) for aid, (p, c) in sorted(expected.items())]
        folder = spool.dir
    assert not folder.exists()


def _mention(text: str, name: str, sentence: int, after: int = 0) -> Mention:
    start = text.index(name, after)
    key = name.lower().replace(" ", "-")
    return Mention(start, start + len(name), name, "Person", key, sentence, 0, name, f"person:{key}")


def _article(aid: str, day: str | None, names: list[str]) -> ArticleExtraction:
    """One sentence naming every one of ``names``, then the first saying something of the last."""
    first = " and ".join(names) + " met."
    text = f"{first} {names[0]} said {names[-1]} was right."
    at = len(first) + 1
    mentions = [_mention(text, n, 0) for n in names] + [_mention(text, names[0], 1, at)]
    mentions.append(_mention(text, names[-1], 1, mentions[-1].end))
    speaker = Span(mentions[-2].start, mentions[-2].end, names[0])
    cue = Span(speaker.end + 1, speaker.end + 5, "said")
    quote = Quote(speaker, mentions[-2].key, cue, [(cue.end + 1, len(text) - 1)], False, mentions[-2].entity_id)
    quote.targets = [str(mentions[-1].entity_id)]
    meta = {"published": day, "url": f"https://example.org/{aid}"} if day else {}
    return ArticleExtraction(
        aid, text, f"On {aid}", mentions, [quote], [(0, len(first)), (at, len(text))], [(0, len(text))], meta=meta
    )


CAST = ["Ann Velo", "Bo Karsk", "Cy Munro", "Di Oakes"]


def _corpus() -> list[ArticleExtraction]:
    out = []
    for i in range(23):  # more articles than a run, ids out of order, some undated
        names = [CAST[(i + k) % 4] for k in range(2 + i % 3)]
        out.append(_article(f"art-{(i * 7) % 23:02d}", None if i % 5 == 0 else f"2024-0{1 + i % 9}-1{i % 10}", names))
    return out


def _entities() -> dict:
    return {f"person:{n.lower().replace(' ', '-')}": ("Person", n, {}) for n in CAST}


def _md5(path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def test_the_streamed_files_are_those_of_the_whole_graph(tmp_path):
    whole, entities = GraphBuilder(), GraphBuilder(articles=False)
    with ProvenanceSpool(tmp_path, run=4) as spool:
        for x in _corpus():
            whole.add(x)
            entities.add(x)
            spool.add(provenance(x))
        assert not entities.articles and not entities.mentions  # nothing held per article
        g_whole, g_entities = whole.graph(_entities()), entities.graph(_entities())
        assert any(e.type == SAID_ABOUT for e in g_entities.edges.values())
        rebuilt = with_provenance(g_entities, spool.records())
        assert list(rebuilt.nodes.items()) == list(g_whole.nodes.items())
        assert list(rebuilt.edges.items()) == list(g_whole.edges.items())  # same order too
        for articles in (False, True):
            a = graphml.write(g_whole, tmp_path / f"whole-{articles}.graphml", articles=articles)
            b = graphml.write(
                g_entities, tmp_path / f"streamed-{articles}.graphml", articles=articles, provenance=spool.records
            )
            assert _md5(a) == _md5(b)
        html.write(g_entities, tmp_path / "streamed.html", provenance=spool.records)
        page, _ = html.render(g_whole)
        assert (tmp_path / "streamed.html").read_text(encoding="utf-8") == page
        html.write(g_whole, tmp_path / "whole.html")  # the graph's own articles, streamed to the file
        assert (tmp_path / "whole.html").read_text(encoding="utf-8") == page
    assert '"ar":[[' in page  # the nodes' article lists were filled


def test_write_build_writes_the_files_of_build_files_and_returns_no_graph(tmp_path, seeds_build):
    from graphbuild.api import write_build
    from graphbuild.graph.summary import summarize
    from tests.conftest import SEEDS

    out, result = seeds_build
    summary = write_build([str(SEEDS)], tmp_path / "out")
    assert not hasattr(summary, "graph")
    assert summary.articles == result.articles and summary.undated == result.undated
    assert summary.summary == summarize(result.graph)
    assert sorted(p.name for p in summary.files) == sorted(
        ["extractions.jsonl", "graph.graphml", "graph.html", "articles.jsonl.gz", "build.json"]
    )
    for f in summary.files:
        assert f.parent == tmp_path / "out"
        assert _md5(f) == _md5(out / f.name) or f.name == "articles.jsonl.gz"  # gzip stamps its time
