"""Attribution constructions of round seven on the real spaCy pipeline (invented
sentences): a cue verb the parser read as a plural noun, and a saying verb after "to"."""

from __future__ import annotations

from dataclasses import replace

import pytest

from graphbuild.graph.model import Article
from graphbuild.pipeline.extract import extract
from tests.quotehelp import only, said


def _slipped(parser, text: str, verb: str, subject: str, det: str = ""):
    """The parse of ``text`` with the slip of the small model put in: ``verb`` a plural noun
    (NNS) at the root and the name before it, ``subject``, a compound hung on it (and the
    word ``det``, if given, a determiner of the noun)."""
    pa = next(parser.parse([Article("t", text)]))
    toks = list(pa.tokens)
    v = next(t.i for t in toks if t.text == verb)
    for n, t in enumerate(toks):
        if t.text == verb:
            toks[n] = replace(t, pos="NOUN", tag="NNS")
        elif t.text == subject:
            toks[n] = replace(t, dep="compound")
        elif t.text == det:
            toks[n] = replace(t, dep="det", head=v)
    pa.tokens = toks
    return text, extract(pa).quotes


@pytest.mark.parametrize(
    ("sentence", "verb", "subject", "content"),
    [
        ("Lindqvist predicts the ferry will fail.", "predicts", "Lindqvist", "the ferry will fail"),
        ("Governor Ortiz claims she won the vote.", "claims", "Ortiz", "she won the vote"),
    ],
)
def test_a_cue_verb_tagged_as_a_plural_noun_after_a_name(parser, sentence, verb, subject, content):
    text, quotes = _slipped(parser, sentence, verb, subject)
    q = only(quotes)
    assert (q.cue.text, said(text, q)) == (verb, content)
    assert subject in q.speaker.text


def test_a_plural_noun_with_a_determiner_is_no_cue(parser):
    # "The claims ...": a determiner makes it a noun whatever the tagger says
    _, quotes = _slipped(parser, "The Lindqvist claims the ferry will fail.", "claims", "Lindqvist", "The")
    assert quotes == []


def test_a_real_plural_noun_stays_a_noun(attribute):
    # no "claims" verb reporting "about the budget were false"; the noun with its holder
    # is a cue noun (attribution.nouns)
    text, quotes = attribute("The mayor's claims about the budget were false.")
    assert [(q.cue.text, said(text, q)) for q in quotes] == [("claims about", "the budget")]


def test_a_saying_verb_after_to_takes_the_subject_of_the_verb_before(attribute):
    text, quotes = attribute("Ortiz pivoted to arguing that the ferry was too slow.")
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q)) == ("Ortiz", "arguing", "that the ferry was too slow")


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "content"),
    [
        ("They released a report showing that fares had doubled.", "They", "showing", "that fares had doubled"),
        (
            "The port said nothing. A letter warning that the ferry was unsafe reached the council.",
            "A letter",
            "warning",
            "that the ferry was unsafe",
        ),
    ],
)
def test_a_participle_on_a_noun_speaks_for_the_noun_or_who_issued_it(attribute, sentence, speaker, cue, content):
    # the object's participle is its issuer's words ("they released a report showing ..."),
    # the subject's the noun's own ("a letter warning ...")
    text, quotes = attribute(sentence)
    q = next(q for q in quotes if q.cue.text == cue)
    assert (q.speaker.text, said(text, q)) == (speaker, content)


def test_a_participle_on_a_prepositional_object_is_no_speaker(attribute):
    # "to ads attacking X": the gold is split on these (who paid? the ads?): left out
    _, quotes = attribute("Money went to ads attacking the ferry plan.")
    assert quotes == []
