"""Attribution constructions of round eight (attrT) on the real spaCy pipeline (invented
sentences): lexicon cues the gates or the parse lost."""

from __future__ import annotations

import pytest

from tests.quotehelp import only, said


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        # the name hung on the "who" clause's verb: the cue has no subject in the tree
        (
            "Peter Alves, meanwhile, who chairs the harbour board, said that the ferry fares would double.",
            "Peter Alves",
            "that the ferry fares would double",
        ),
        (
            "One sailor, who like others spoke on condition of anonymity, said the ferry was late.",
            "One sailor",
            "the ferry was late",
        ),
    ],
)
def test_a_speaker_set_off_before_the_cue(attribute, sentence, speaker, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == (speaker, content)


def test_no_lost_speaker_for_a_participle(attribute):
    # "a banner calling for ...": a participle's noun is found elsewhere or not at all
    assert attribute("The dockers marched past the town hall, a banner calling for a new bridge.")[1] == []


def test_a_naming_predicate_inside_the_object_phrase(attribute):
    text, quotes = attribute("Maria Lindqvist called her old friend her hero.")
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q)) == ("Maria Lindqvist", "called", "her old friend her hero")


@pytest.mark.parametrize(
    "sentence",
    [
        "Peter Alves called the harbour board.",  # a phone call: no predicate
        "Maria Lindqvist called the harbour chief, Peter Alves, on Tuesday.",  # an apposition after a comma
    ],
)
def test_no_naming_without_a_predicate(attribute, sentence):
    assert attribute(sentence)[1] == []
