"""Attribution constructions (cue gerunds and lost subjects) on the
real spaCy pipeline, invented sentences."""

from __future__ import annotations

import pytest

from tests.quotehelp import only, said


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "content"),
    [
        (
            "The harbour board took the rare step of announcing that the ferry would stop.",
            "The harbour board",
            "announcing",
            "that the ferry would stop",
        ),
        ("Ortiz was loud in denouncing the ferry plan.", "Ortiz", "denouncing", "the ferry plan"),
        ("The council stopped short of endorsing the ferry plan.", "The council", "endorsing", "the ferry plan"),
        ("The unions dropped their plan of attacking the mayor.", "their", "attacking", "the mayor"),
    ],
)
def test_a_gerund_after_a_preposition_is_the_clause_subjects_act(attribute, sentence, speaker, cue, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q)) == (speaker, cue, content)


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor kept Lindqvist from endorsing the ferry plan.",  # object control: Lindqvist's act, unsaid
        "Few tasks are harder than denouncing a friend.",  # a comparison: nobody's act
        "Lindqvist left the hall without endorsing the ferry plan.",  # what was left unsaid
    ],
)
def test_a_gerund_after_from_than_or_without_takes_no_subject(attribute, sentence):
    _, quotes = attribute(sentence)
    assert quotes == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "During a briefing for reporters on May 2, Col. Jan Ortiz, a harbour spokesman in Oslo, "
            "said the raid was a rescue.",
            "Col. Jan Ortiz",
            "the raid was a rescue",
        ),
        (
            "But in a briefing for reporters on May 2, Col. Jan Ortiz, a harbour spokesman in Oslo, "
            "said the raid was a rescue.",
            "Col. Jan Ortiz",
            "the raid was a rescue",
        ),
        (
            "On Friday, Norway, heading a group of nine towns, asked a court to halt the ferry rules.",
            "Norway",
            "a court to halt the ferry rules",
        ),
        (
            "Speaking in Bergen, Lindqvist, without naming him, also accused the mayor of lying about the ferry.",
            "Lindqvist",
            "the mayor of lying about the ferry",
        ),
        (
            "At a harbour rally in Dayton, Ohio, 48-year-old Jan Ortiz also railed against the ferry tax.",
            "48-year-old Jan Ortiz",
            "the ferry tax",
        ),
        ("About 6 in 10 say the ferry should stop in May.", "About 6 in 10", "the ferry should stop in May"),
    ],
)
def test_a_subject_the_parse_lost_read_by_the_commas(attribute, sentence, speaker, content):
    # opening phrases, then the noun phrase, then only asides up to the verb; or a count
    # the parser hung on the verb as a number modifier
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == (speaker, content)


def test_opening_phrases_alone_name_no_speaker(attribute):
    assert attribute("Late on Friday, after the vote, announced the closure of the harbour.")[1] == []
