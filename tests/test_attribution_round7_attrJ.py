"""Attribution constructions of round seven (attrJ) on the real spaCy pipeline (invented
sentences): whose words a cue reports when the parser hung it on the wrong verb."""

from __future__ import annotations

import pytest

from tests.quotehelp import only, said


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        # the second cue parsed as a conjunct of the reported clause's verb
        (
            "Maria Lindqvist said the harbour tax was unfair and urged the council to drop it.",
            "urged",
            "the council to drop it",
        ),
        (
            "Maria Lindqvist noted that the ferry fares had doubled and asked whether the port could cope.",
            "asked",
            "whether the port could cope",
        ),
        # two clauses deep: the conjunct hangs on the clause that "thought" reports
        (
            "Maria Lindqvist said she thought the ferry fares were too high and urged the council to act.",
            "urged",
            "the council to act",
        ),
    ],
)
def test_a_cue_conjoined_to_a_reported_clause_is_the_reporters(attribute, sentence, cue, content):
    text, quotes = attribute(sentence)
    q = next(q for q in quotes if q.cue.text == cue)
    assert (q.speaker.text, said(text, q)) == ("Maria Lindqvist", content)


def test_a_conjunct_with_a_subject_of_its_own_keeps_it(attribute):
    quotes = attribute("The mayor said the bridge was safe and the council praised the engineers.")[1]
    assert [(q.speaker.text, q.cue.text) for q in quotes] == [("The mayor", "said")]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # PolNeAR's source of a quote reported by an outlet is the outlet, the quote nested in it
        ('"The ferry is safe," Maria Lindqvist said, according to the Northport Herald.', "the Northport Herald"),
        ('"The ferry is safe," Maria Lindqvist said on Tuesday.', "Maria Lindqvist"),
    ],
)
def test_a_quote_said_according_to_an_outlet_is_the_outlets(attribute, sentence, speaker):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == (speaker, "The ferry is safe,")
