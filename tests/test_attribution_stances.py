"""Attribution constructions (invented sentences): verbs of stating
a topic and of taking a position, in the shapes the lexicon's gates left out."""

from __future__ import annotations

import pytest

from graphbuild.graph.model import ATTITUDE, SPEECH
from tests.quotehelp import only, said


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "content"),
    [
        (
            "Maria Lindqvist discussed the harbour tax at length.",
            "Maria Lindqvist",
            "discussed",
            "the harbour tax",
        ),
        (
            "The mayor listed three reasons for the ferry strike.",
            "The mayor",
            "listed",
            "three reasons for the ferry strike",
        ),
        (
            "Peter Alves compared the new bridge to a toll gate.",
            "Peter Alves",
            "compared",
            "the new bridge to a toll gate",
        ),
        (
            "The harbour police identified the driver as a local fisherman.",
            "The harbour police",
            "identified",
            "the driver as a local fisherman",
        ),
    ],
)
def test_topic_verb_in_the_main_clause(attribute, sentence, speaker, cue, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q), q.kind) == (speaker, cue, content, SPEECH)


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "kind"),
    [
        ("Peter Alves challenged the harbour tax figures.", "challenged", "the harbour tax figures", SPEECH),
        ("Maria Lindqvist addressed the ferry fares.", "addressed", "the ferry fares", SPEECH),
        ("The dock union welcomed the council's decision.", "welcomed", "the council's decision", SPEECH),
        ("Maria Lindqvist focused on the ferry fares.", "focused", "the ferry fares", SPEECH),
        ("The council voted against the harbour tax.", "voted", "the harbour tax", ATTITUDE),
    ],
)
def test_answering_and_preposition_verbs(attribute, sentence, cue, content, kind):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.cue.text, said(text, q), q.kind) == (cue, content, kind)


def test_topic_verb_in_a_clause_of_its_own(attribute):
    text, quotes = attribute("The council met on Monday, while Maria Lindqvist discussed the ferry fares.")
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == ("Maria Lindqvist", "the ferry fares")


@pytest.mark.parametrize(
    "sentence",
    [
        "The ferry fares were discussed at the meeting.",  # a passive: no one named
        "Maria Lindqvist will discuss the ferry fares on Monday.",  # not said yet
        "Peter Alves named his boat after his mother.",  # no statement
        "If Maria Lindqvist discusses the fares, the council will listen.",  # a condition
        "Maria Lindqvist, who discussed the fares, left early.",  # a description
        "The council voted on Monday.",  # no preposition of a stance
        "Maria Lindqvist addressed the rally in Northport.",  # an audience, not a topic
        "Peter Alves addressed them at the harbour.",  # someone addressed
        "The ferry focused its lights on the harbour.",  # a thing: no statement
    ],
)
def test_no_topic_attribution(attribute, sentence):
    text, quotes = attribute(sentence)
    assert [(q.cue.text, said(text, q)) for q in quotes] == []


def test_stance_participle_on_the_subject(attribute):
    text, quotes = attribute("Dock workers supporting the harbour tax have marched to the town hall.")
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q), q.kind) == (
        "Dock workers",
        "supporting",
        "the harbour tax",
        ATTITUDE,
    )


def test_no_stance_participle_on_an_object(attribute):
    # a label of the group the money went to, not a stance stated
    text, quotes = attribute("The donors gave money to groups supporting the harbour tax.")
    assert [(q.cue.text, said(text, q)) for q in quotes] == []
