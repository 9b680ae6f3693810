"""The spaCy stage: long texts are split safely with exact offsets; furniture is blanked."""

import itertools

from graphbuild.graph.model import Article
from graphbuild.nlp import parser as pipelines
from graphbuild.nlp.parser import Parser, _chunks


def test_chunks_cover_text_and_cut_at_line_breaks():
    text = "Line of prose number one.\n" * 400
    spans = _chunks(text, 1000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(e - s <= 1000 for s, e in spans)
    assert all(text[e - 1] == "\n" or text[e] == "\n" for s, e in spans[:-1])


def test_a_pipeline_still_held_is_not_loaded_again_after_unload(parser):
    pipelines.unload()  # as a build does before writing: the session's Parser still holds it
    assert pipelines.load(parser.model_name) is parser.nlp
    assert Parser(parser.model_name).nlp is parser.nlp


def test_long_article_is_parsed_in_chunks_with_exact_offsets(parser):
    para = "Maria Lindqvist met Tomas Okafor in Norway on Tuesday. They spoke about trade.\n"
    text = para * 120  # ~9.6k chars, cut into ~2k pieces below
    small = Parser(parser.model_name, chunk_chars=2000)
    parsed = next(small.parse([Article("long", text)]))
    people = [e for e in parsed.ents if e.label == "PERSON"]
    assert len(people) >= 100
    for e in parsed.ents:
        assert text[e.start : e.end] == e.text
    for t in parsed.tokens:
        assert text[t.start : t.end] == t.text
    assert parsed.ents[-1].start > len(text) - len(para)
    assert [t.i for t in parsed.tokens] == list(range(len(parsed.tokens)))
    assert all(parsed.tokens[t.head].sent == t.sent for t in parsed.tokens)


def test_furniture_never_yields_entities(parser):
    text = (
        "Share on Facebook | Share on Twitter | Email Maria Lindqvist\n\n"
        "Tomas Okafor arrived in Oslo on Monday to open the new office of his company.\n\n"
        "Related: Maria Lindqvist Norway Sweden Denmark\n"
    )
    parsed = next(parser.parse([Article("f", text)]))
    names = {e.text for e in parsed.ents}
    assert "Tomas Okafor" in names
    assert not any("Lindqvist" in n for n in names)


def test_lemmas_are_those_of_spacys_own_lemmatizer(parser):
    import spacy

    # One paragraph, no furniture: the same sentences in both pipelines, so any difference is
    # the lemmas' (graphbuild computes them once per distinct word form, with the rule
    # lemmatizer's index held as sets).
    text = (
        "The ministers were meeting their counterparts while the geese flew over the studies. "
        "Dalia Verhoeven said the companies had been buying cheaper batteries and better wines, "
        "and that she was running faster than ever; the children's mice lay sleeping."
    )
    own = next(parser.parse([Article("l", text)]))
    full = spacy.load(parser.model_name)(text)
    assert [(t.text, t.lemma) for t in own.tokens] == [(t.text, t.lemma_) for t in full]


def test_fast_attribute_rules_give_spacys_attributes(parser):
    import spacy

    from graphbuild.nlp import rules

    # The same pipeline with spaCy's attribute ruler and with graphbuild's per-token-key
    # rules: every attribute of every token must be the same. The text touches the tag map
    # and the exceptions: pronoun cases, "there is", do/have as main verbs and auxiliaries,
    # determiners as pronouns, spaces and line breaks, "gets"/"got".
    text = (
        "There is a plan, and there were doubts.  I gave it to you; you gave it to me.\n\n"
        "Odile Varga does her homework, did it well and has had enough of that. She got a prize "
        "and gets another one while they've been waiting. 'Nuff said: those were the days.\n"
        "   \nWhat did Tomas Okafor do? He does what he said he'd do, and it's done!"
    )
    ours = spacy.load(parser.model_name)
    assert rules.install(ours)
    assert "attribute_ruler" not in ours.pipe_names
    theirs = spacy.load(parser.model_name)
    attrs = ["ORTH", "POS", "TAG", "DEP", "HEAD", "LEMMA", "MORPH", "SENT_START"]
    a, b = ours(text), theirs(text)
    assert (a.to_array(attrs) == b.to_array(attrs)).all()
    assert [str(t.morph) for t in a] == [str(t.morph) for t in b]
    assert {t.pos_ for t in a} >= {"AUX", "VERB", "PRON", "SPACE", "PUNCT", "PROPN"}


def test_parser_uses_the_fast_attribute_rules(parser):
    from graphbuild.nlp.rules import FAST_RULES

    assert FAST_RULES in parser.nlp.pipe_names


def test_fast_attribute_rules_test_each_value_of_an_attribute_once(parser):
    from graphbuild.nlp.rules import FAST_RULES

    # Keys are (DEP, IS_SPACE, LOWER, TAG): one word in many roles makes many keys, but a
    # pattern's predicate on one attribute is evaluated once per distinct value of it, not
    # once per key (re-testing every key was most of the rules' cost on a big corpus).
    fast = parser.nlp.get_pipe(FAST_RULES)
    calls: dict = {}
    for col, tests in enumerate(fast.tests):
        for k, (n, test) in enumerate(tests):
            tests[k] = (n, lambda v, t=test, c=col, n=n: calls.setdefault((c, n, v), []).append(1) or t(v))
    fast.cache.clear()
    fast.meets = [{} for _ in fast.used]
    try:
        doc = parser.nlp("Round the round table, they round up a round of rounds. Round! Round and round it went.")
        keys = {tuple(row) for row in doc.to_array(fast.read).tolist()}
        assert len(keys) > len({k[fast.used.index("LOWER")] for k in keys})  # the same words in other roles
        assert calls and all(len(c) == 1 for c in calls.values())
    finally:
        for tests in fast.tests:
            for k, (n, test) in enumerate(tests):
                tests[k] = (n, test.__defaults__[0])
        fast.cache.clear()
        fast.meets = [{} for _ in fast.used]
