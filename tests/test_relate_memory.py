"""The embedded build's aggregates stay small while they fold in articles, and give what
one pass over everything gives (benchmarks/memory.py measures the build's peak RSS)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.graph.model import KINDS, ArticleExtraction, Mention
from graphbuild.graph.relate import GraphBuilder, _Agg, _smallest

ITEMS = st.tuples(
    st.sampled_from(["a1", "a2", "b1", "b1~1", "c"]),
    st.integers(0, 40),
    st.sampled_from(["Ann said", "Bo left"]),
    st.sampled_from(["", "2024-05-01"]),
    st.sampled_from(["", *KINDS]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ITEMS, max_size=80), st.integers(1, 6))
def test_evidence_kept_while_aggregating_is_what_one_pass_picks(items, cap):
    agg = _Agg()
    for item in items:
        agg.add_evidence(item, cap)
        assert len(agg.evidence) <= cap * (len(KINDS) + 1)  # never more than the cap of each kind
    assert _smallest(agg.evidence, cap) == _smallest(items, cap)


def _article(aid: str) -> ArticleExtraction:
    text = "Ann Lee met Bo Park in Lima. Ann Lee left."
    ms = [
        Mention(0, 7, "Ann Lee", "Person", "ann-lee", 0, 0, "Ann Lee", "person:ann-lee"),
        Mention(12, 19, "Bo Park", "Person", "bo-park", 0, 0, "Bo Park", "person:bo-park"),
        Mention(29, 36, "Ann Lee", "Person", "ann-lee", 1, 0, "Ann Lee", "person:ann-lee"),
    ]
    return ArticleExtraction(aid, text, "T", ms, [], [(0, 28), (29, 42)], [(0, 42)])


def test_copies_of_an_article_share_their_snippets_and_keep_the_cap():
    b = GraphBuilder(evidence_cap=3)
    for i in range(50):
        b.add(_article(f"a{i:02d}"))
    (agg,) = b.co.values()
    assert [e[0] for e in agg.evidence] == ["a00", "a01", "a02"]  # the smallest, already while adding
    texts = [e[2] for e in agg.evidence]
    assert all(t is texts[0] for t in texts)  # one string for the one sentence
    g = b.graph({"person:ann-lee": ("Person", "Ann Lee", {}), "person:bo-park": ("Person", "Bo Park", {})})
    co = next(e for e in g.edges.values() if e.type == "CO_MENTIONED")
    assert co.weight == 50 and co.props["articles"] == 50 and len(co.props["evidence"]) == 3
    mentions = [e for e in g.edges.values() if e.type == "MENTIONS"]
    assert len(mentions) == 100 and {e.props["count"] for e in mentions if e.target == "person:ann-lee"} == {2}
    assert not b.co and not b.mentions  # the aggregates were let go as the edges were made
