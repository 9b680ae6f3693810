"""One long article costs what the same text in pieces costs: no step looks at every
mention for every quote. (Figures: benchmarks/long_article.py, BENCHMARKS.md.)"""

from __future__ import annotations

import time
import tracemalloc

from graphbuild.graph import codec
from graphbuild.graph.model import Article, ArticleExtraction, Mention, Quote, Span
from graphbuild.graph.relate import apply_ids
from graphbuild.pipeline.run import read_spool
from graphbuild.writers.jsonl import JsonlWriter


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


def _big_extraction(n: int) -> ArticleExtraction:
    """A long article's extraction: n sentences of 100 characters, each with a mention
    (names repeated, as news repeat them) and a quote over every fourth one."""
    text = "".join(
        f"Ann Vell{i % 40} said on Monday that the plan of the council was a good one, again. " for i in range(n)
    )
    mentions = [
        Mention(
            i * 100, i * 100 + 9, f"Ann Vell{i % 40}", "Person", f"ann-vell{i % 40}", i, i // 5, f"Ann Vell{i % 40}"
        )
        for i in range(n)
    ]
    quotes = [
        Quote(
            Span(i * 100, i * 100 + 9, f"Ann Vell{i % 40}"),
            f"ann-vell{i % 40}",
            Span(i * 100 + 10, i * 100 + 14, "said"),
            [(i * 100 + 30, i * 100 + 90)],
            False,
        )
        for i in range(0, n, 4)
    ]
    sentences = [(i * 100, i * 100 + 99) for i in range(n)]
    paragraphs = [(i * 500, i * 500 + 499) for i in range(n // 5)]
    return ArticleExtraction("long", text, None, mentions, quotes, sentences, paragraphs)


def test_a_long_record_is_written_and_read_a_batch_of_rows_at_a_time(tmp_path):
    """The spool and extractions.jsonl records of a long article are written and read a
    batch of rows at a time, never held whole as rows, dicts and one string at once: what
    writing takes beyond the extraction stays under its text's size (10x and 11x when the
    whole dict was dumped at once), and the extraction read back is held without the
    dicts it was read from (20x its text with ``json.loads`` and its dict kept alive).
    tracemalloc counts every Python allocation, so the figures do not depend on the load."""
    x = _big_extraction(6_000)  # an article of 0.5 MB, 6,000 mentions, 1,500 quotes
    chars = len(x.text)
    spool = tmp_path / "spool.jsonl"
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        with JsonlWriter(spool) as w:
            w.write_pieces(codec.spool_json(x))
        written = tracemalloc.get_traced_memory()[1] - base
        ids = {m.key: (f"person:{m.key}", m.label, m.name) for m in x.mentions}
        del x
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        out = JsonlWriter(tmp_path / "extractions.jsonl")
        for y in read_spool(spool):
            held = tracemalloc.get_traced_memory()[0] - base
            read = tracemalloc.get_traced_memory()[1] - base
            y = apply_ids(y, ids)
            tracemalloc.reset_peak()
            now = tracemalloc.get_traced_memory()[0]
            out.write_pieces(codec.public_json(y))
            public = tracemalloc.get_traced_memory()[1] - now
        out.close()
    finally:
        tracemalloc.stop()
    assert written < chars and public < chars
    assert held < 12 * chars and read < held + 6 * chars  # the record's line while it is read
    assert y.mentions[0].entity_id == "person:ann-vell0" and len(y.quotes) == 1_500
