"""Where reported content ends, round seven (attrI), on the real spaCy pipeline (invented
sentences): a second speaker's cue conjoined inside the content."""

from __future__ import annotations

import pytest

from tests.quotehelp import only, said


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        (
            "Maria Lindqvist said that the harbour tax was a burden on the town and Peter Alves argues it will hurt the port.",
            "that the harbour tax was a burden on the town",
            ("Peter Alves", "argues", "it will hurt the port"),
        ),
        (
            "Maria Lindqvist noted that the bridge was closed, and an engineer quoted by the council insisted that it was safe.",
            "that the bridge was closed",
            ("an engineer", "insisted", "that it was safe"),
        ),
    ],
)
def test_a_conjoined_cue_with_its_own_subject_is_a_second_attribution(attribute, sentence, first, second):
    text, quotes = attribute(sentence)
    assert [(q.speaker.text, q.cue.text, said(text, q)) for q in quotes] == [
        ("Maria Lindqvist", "said" if "said" in sentence else "noted", first),
        second,
    ]


def test_a_second_reported_clause_goes_on(attribute):
    text, quotes = attribute(
        "Maria Lindqvist said the harbour tax would fail and that Peter Alves admits the ferry fares will double."
    )
    assert (
        said(text, only(quotes)) == "the harbour tax would fail and that Peter Alves admits the ferry fares will double"
    )


def test_a_conjoined_verb_that_is_no_cue_makes_no_second_attribution(attribute):
    _, quotes = attribute("Maria Lindqvist said the harbour tax would fail, and the ferry fares rose.")
    assert only(quotes).speaker.text == "Maria Lindqvist"
