"""One long article costs what the same text in pieces costs: no step looks at every
mention for every quote. (Figures: benchmarks/long_article.py, BENCHMARKS.md.)"""

from __future__ import annotations

import time

from graphbuild.graph.model import Article, ArticleExtraction, Mention, Quote, Span
from graphbuild.graph.relate import apply_ids


def _long_extraction(n: int) -> ArticleExtraction:
    """n sentences of 100 characters: a mention in each, a quote over every other one."""
    mentions = [Mention(i * 100 + 10, i * 100 + 20, f"Name{i % 50}", "PERSON", f"k{i % 50}") for i in range(n)]
    quotes = [
        Quote(Span(i * 100, i * 100 + 5, "Ann"), f"k{i % 50}", None, [(i * 100 + 30, i * 100 + 230)], True)
        for i in range(0, n, 2)
    ]
    return ArticleExtraction("a", " " * (n * 100), None, mentions, quotes, [], [])


def test_apply_ids_is_linear_in_the_article():
    ids = {f"k{i}": (f"person:p{i}", "Person") for i in range(50)}
    x = _long_extraction(40_000)  # 40,000 mentions, 20,000 quotes: 8e8 checks if quadratic
    t0 = time.perf_counter()
    y = apply_ids(x, ids)
    assert time.perf_counter() - t0 < 10
    q = y.quotes[1]  # quote over [230, 430): the mentions at 310-320 and 410-420 lie inside it
    assert q.targets == ["person:p3", "person:p4"] and q.speaker_entity == "person:p2"
    assert all(len(q.targets) == 2 for q in y.quotes[:-1]) and len(y.quotes[-1].targets) == 1


def test_parsed_tokens_share_their_strings(parser):
    text = "Ann Lee spoke. " * 400
    (parsed,) = parser.parse([Article("a", text)])
    same = [t for t in parsed.tokens if t.text == "spoke"]
    assert len(same) == 400
    assert all(t.text is same[0].text and t.lemma is same[0].lemma and t.tag is same[0].tag for t in same)
