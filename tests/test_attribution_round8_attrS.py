"""Attribution constructions of round eight (missed direct quotes, subjectless cues) on the
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
