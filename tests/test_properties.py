"""Property tests: random text and Unicode through the whole pipeline never crash, offsets
stay inside the text, every edge endpoint is a node, and extractions read back equal."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild.graph import codec
from graphbuild.graph.model import Article
from graphbuild.pipeline.extract import extract
from graphbuild.pipeline.run import resolve_and_relate
from graphbuild.writers import graphml

WORDS = [
    "Anna",
    "Berg",
    "said",
    "told",
    "Sweden",
    "“",
    "”",
    '"',
    "Acme",
    "Corp",
    "(AC)",
    "the",
    "he",
    "she",
    "that",
    "according",
    "to",
    ".",
    ",",
    "\n",
    "\n\n",
    "Mr.",
    "President",
    "U.S.",
    "Iranian",
    "<script>",
    "{",
    "}",
    "MATCH (n) DETACH DELETE n",
    "🙂",
    "עברית",
    "\u202e",
    "\x00",
    "\x07",
]
texts = st.one_of(
    st.text(min_size=1, max_size=300),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=80).map(" ".join),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(texts, min_size=1, max_size=3))
def test_random_text_through_the_pipeline(parser, tmp_path, docs):
    articles = [Article(f"a{i}", t) for i, t in enumerate(docs)]
    xs = [extract(p) for p in parser.parse(articles)]
    stored = [json.dumps(codec.to_dict(x)) for x in xs]
    out = []
    graph = resolve_and_relate(lambda: (codec.from_dict(json.loads(s)) for s in stored), "sentence", sink=out.append)
    for x, art in zip(out, articles):
        n = len(art.text)
        for m in x.mentions:
            assert 0 <= m.start < m.end <= n and art.text[m.start : m.end] == m.text and m.entity_id
        for q in x.quotes:
            assert 0 <= q.speaker.start <= q.speaker.end <= n
            assert all(0 <= s <= e <= n for s, e in q.content)
            assert q.speaker_entity not in q.targets
        public = codec.to_public(x)
        assert json.loads(json.dumps(public)) == public
        assert codec.to_dict(codec.from_dict(codec.to_dict(x))) == codec.to_dict(x)
    for e in graph.edges.values():
        assert e.source in graph.nodes and e.target in graph.nodes
    path = graphml.write(graph, tmp_path / "g.graphml", articles=True)
    back = graphml.read(path)
    assert set(back.nodes) == set(graph.nodes) and set(back.edges) == set(graph.edges)
