"""A very long article is extracted in windows (graphbuild.pipeline.windows): memory stays
bounded, and the result is what one pass over the whole article gives."""

from __future__ import annotations

import gc
import itertools

import pytest

from graphbuild.graph.model import Article, ArticleExtraction, Token
from graphbuild.nlp import furniture
from graphbuild.nlp.parser import Parser
from graphbuild.pipeline.extract import extract
from graphbuild.pipeline.windows import extract_articles, windows

PARAS = [
    "Tomas Okafor, the mayor of Lindgate, met Maria Lindqvist of the Harbour Trust in Norway on Monday.",
    "“We will rebuild the old docks,” Okafor said after the meeting. Lindqvist agreed with him.",
    "Okafor said the Harbour Trust would pay for half of the work, and Norway for the rest.",
    "Lindqvist told reporters that the Harbour Trust had waited ten years for this decision.",
    "“The docks have been empty for too long.",
    "“Now the city will see ships again,” Lindqvist said, standing next to Okafor.",
    "Critics in Sweden said the plan was too expensive. Okafor dismissed them on Tuesday.",
    "Maria Lindqvist said the trust would publish the accounts of the project every month.",
]


def _article(rounds: int) -> Article:
    return Article("long", "\n\n".join(PARAS * rounds))


def _rows(x):
    ms = [(m.start, m.end, m.text, m.key, m.label, m.sentence, m.paragraph) for m in x.mentions]
    qs = [(q.speaker.start, q.speaker_key, q.cue and q.cue.start, q.content, q.direct, q.kind) for q in x.quotes]
    return ms, qs, x.sentences, x.paragraphs


@pytest.fixture(scope="module")
def small_parser():
    return Parser(chunk_chars=700)  # cuts a few thousand characters into many pieces


def test_windows_cut_at_prose_line_ends_outside_quotes(small_parser):
    text = _article(6).text
    content, _ = furniture.split_content(text)
    spans = windows(text, content, small_parser.pieces(text), size=1000)
    assert len(spans) >= 3 and spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))  # contiguous, nothing lost
    assert all(e - s >= 1000 for s, e in spans[:-1])
    for s, e in spans[:-1]:
        before, after = text[s:e].rstrip(), text[e:].lstrip()
        last = before.splitlines()[-1]
        assert last.endswith(".") and last.count("“") == last.count("”")
        assert not after.startswith("“")  # a quote running over two paragraphs stays whole


def test_a_long_article_in_windows_gives_what_one_pass_gives(small_parser):
    art = _article(6)
    (whole,) = [extract(p) for p in small_parser.parse([art])]
    (windowed,) = list(extract_articles(small_parser, [art], long_chars=1500))
    assert _rows(windowed) == _rows(whole)
    assert windowed.text == art.text and windowed.article_id == "long"
    keys = {m.key for m in windowed.mentions}
    assert "okafor" not in keys and {q.speaker_key for q in windowed.quotes} >= {"tomas-okafor", "maria-lindqvist"}


def test_a_short_form_whose_full_name_is_in_another_window_joins_it(small_parser):
    # the full name only in the first paragraph: later windows write just "Okafor"
    text = "\n\n".join([PARAS[0], *(p.replace("Maria Lindqvist", "Lindqvist") for p in PARAS[1:] * 6)])
    (windowed,) = list(extract_articles(small_parser, [Article("a", text)], long_chars=1500))
    assert {m.key for m in windowed.mentions if m.text == "Okafor"} == {"tomas-okafor"}


def test_articles_up_to_the_threshold_are_extracted_as_before(small_parser):
    arts = [_article(1), Article("b", "Ann Lee visited Peru."), _article(6)]
    before = [extract(p) for p in small_parser.parse(arts)]
    after = list(extract_articles(small_parser, arts, long_chars=100_000))
    assert after == before
    mixed = list(extract_articles(small_parser, arts, long_chars=1500))  # only the long one windowed
    assert mixed[:2] == before[:2] and [x.article_id for x in mixed] == ["long", "b", "long"]


def test_nothing_of_a_long_articles_windows_is_held_while_it_is_used(small_parser):
    # the generator is paused at its yield while the build spools the article: whatever it
    # holds then is held on top of the whole article's extraction
    art = Article("held-test", _article(6).text)
    it = extract_articles(small_parser, [art], long_chars=1500)
    gc.collect()
    tokens = sum(isinstance(o, Token) for o in gc.get_objects())
    x = next(it)
    gc.collect()
    alive = gc.get_objects()
    assert sum(isinstance(o, Token) for o in alive) == tokens  # no window's parsed tokens
    extractions = [o for o in alive if isinstance(o, ArticleExtraction) and o.article_id == "held-test"]
    assert extractions == [x] and len(x.mentions) > 50  # no window's extraction (nor its text)
