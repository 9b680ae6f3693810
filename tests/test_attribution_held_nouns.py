"""Attribution constructions on the real spaCy pipeline (invented
sentences): cue nouns with a holder."""

from __future__ import annotations

import pytest

from tests.quotehelp import only, said


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "content", "kind"),
    [
        (
            "Maria Lindqvist's claim that the harbour was safe was false.",
            "Maria Lindqvist's",
            "claim",
            "that the harbour was safe",
            "speech",
        ),
        (
            "His claim that the port was losing money surprised the council.",
            "His",
            "claim",
            "that the port was losing money",
            "speech",
        ),
        (
            "His suggestion that the ferry should be sold was rejected.",
            "His",
            "suggestion",
            "that the ferry should be sold",
            "speech",
        ),
        (
            "Her fear that the ferry would close is shared by many.",
            "Her",
            "fear",
            "that the ferry would close",
            "attitude",
        ),
        (
            "A claim by the Northport Dock Union that the fares had doubled was denied.",
            "the Northport Dock Union",
            "claim",
            "that the fares had doubled",
            "speech",
        ),
    ],
)
def test_a_held_noun_with_a_that_clause(attribute, sentence, speaker, cue, content, kind):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q), q.kind) == (speaker, cue, content, kind)


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "content", "kind"),
    [
        (
            "Peter Alves's attacks on the harbour board continued on Monday.",
            "Peter Alves's",
            "attacks on",
            "the harbour board",
            "speech",
        ),
        ("Their opposition to the toll bridge has grown.", "Their", "opposition to", "the toll bridge", "attitude"),
        ("Her plan to sell the ferry angered the dock union.", "Her", "plan", "to sell the ferry", "attitude"),
        (
            "The dock union's promise to end the strike came on Monday.",
            "The dock union's",
            "promise",
            "to end the strike",
            "speech",
        ),
        (
            "The dock union's endorsement of Peter Alves came as a surprise.",
            "The dock union's",
            "endorsement of",
            "Peter Alves",
            "speech",
        ),
    ],
)
def test_a_held_noun_as_a_subject_with_its_object_or_infinitive(attribute, sentence, speaker, cue, content, kind):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q), q.kind) == (speaker, cue, content, kind)


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "content"),
    [
        (
            "The dock union voted after Peter Alves's attack on the harbour board.",
            "Peter Alves's",
            "attack on",
            "the harbour board",
        ),
        (
            "Peter Alves won the union's vote with his attacks on the harbour board.",
            "his",
            "attacks on",
            "the harbour board",
        ),
        (
            "Given her support for the ferry plan, Maria Lindqvist will vote yes.",
            "her",
            "support for",
            "the ferry plan",
        ),
    ],
)
def test_a_held_noun_in_an_adjunct_with_its_object(attribute, sentence, speaker, cue, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q)) == (speaker, cue, content)


@pytest.mark.parametrize(
    "sentence",
    [
        # an object or a prepositional object: someone else's topic
        "The report looked at Peter Alves's attack on the harbour board.",
        "The council waited for her plan to sell the ferry.",
        "The dock union sank her plan to sell the ferry.",
        # a reaction: its object is what was reacted to
        "Peter Alves's response to the storm was slow.",
        # no noun of saying or stance
        "The mayor's need for a new ferry is clear.",
        "The storm's impact on the harbour was severe.",
        # the holder is a relative pronoun
        "The harbour board, whose criticism of the mayor was sharp, met on Monday.",
    ],
)
def test_no_held_noun_attribution(attribute, sentence):
    assert attribute(sentence)[1] == []


def test_a_held_noun_as_a_cue_verbs_object_is_the_verbs(attribute):
    text, quotes = attribute("The council heard Maria Lindqvist's claim that the harbour was safe.")
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q)) == ("The council", "heard", "that the harbour was safe")


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "Maria Lindqvist leads the race by nine points in the latest Velmora poll.",
            "the latest Velmora poll",
            "Maria Lindqvist leads the race by nine points",
        ),
        (
            "Peter Alves has a 12-point lead in a new harbour survey.",
            "a new harbour survey",
            "Peter Alves has a 12-point lead",
        ),
        (
            "Maria Lindqvist slipped to 12 percent in the newest Velmora poll, while Peter Alves rose.",
            "the newest Velmora poll",
            "Maria Lindqvist slipped to 12 percent",
        ),
    ],
)
def test_a_figure_in_a_poll_later_in_the_sentence_is_the_polls(attribute, sentence, speaker, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q), q.kind) == (speaker, "in", content, "evidence")


def test_no_poll_finding_without_a_figure_or_with_a_cue_of_its_own(attribute):
    assert attribute("Maria Lindqvist leads the race in the polls.")[1] == []
    _, quotes = attribute("Maria Lindqvist said she leads by nine points in the poll.")
    assert only(quotes).cue.text == "said"


def test_backing_among_a_group_is_the_groups(attribute):
    text, quotes = attribute("Maria Lindqvist's support among dock workers has grown.")
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q), q.kind) == (
        "dock workers",
        "support among",
        "Maria Lindqvist",
        "attitude",
    )
    # an appeal is how the one backed strikes the group, no stance of theirs
    assert attribute("Maria Lindqvist's appeal among dock workers has grown.")[1] == []
