"""Attribution bounds: content too long (invented sentences, real pipeline)."""

from __future__ import annotations

import pytest

from tests.quotehelp import said


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # the words' setting before ", and she did Y" goes, though "and" stands between them
        (
            "Maria Lindqvist stressed those risks on Sunday at a forum in Oslo, and she raised them again at the harbour meeting.",
            "those risks",
        ),
        (
            "Peter Alves endorsed the harbour plan at a news conference in Bergen, and he repeated his support a week later.",
            "the harbour plan",
        ),
        # no setting: the object's own phrase stays
        (
            "Peter Alves endorsed the harbour plan for its low cost, and he repeated his support a week later.",
            "the harbour plan for its low cost",
        ),
    ],
)
def test_setting_before_a_conjoined_act_ends_the_content(attribute, sentence, content):
    text, quotes = attribute(sentence)
    assert said(text, quotes[0]) == content


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # who carried the words is the narrator's detail, like where they were said
        ("Peter Alves disputed the figures through his attorney.", "the figures"),
        ("The harbour board rejected the report through an aide on Friday.", "the report"),
        # "through" inside what was said stays
        (
            "Maria Lindqvist praised the plan to run ferries through the winter.",
            "the plan to run ferries through the winter",
        ),
    ],
)
def test_through_a_spokesman_is_no_content(attribute, sentence, content):
    text, quotes = attribute(sentence)
    assert said(text, quotes[0]) == content


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # where a judgement came from is the narrator's detail
        ("Peter Alves attacked the harbour board from the floor of the council.", "the harbour board"),
        ("Maria Lindqvist criticized the ferry plan from the left.", "the ferry plan"),
        # after other cues "from" says whose or what: part of what was said
        ("Maria Lindqvist sought support from the dock union.", "support from the dock union"),
        ("Peter Alves reported rental income from a property in Bergen.", "rental income from a property in Bergen"),
    ],
)
def test_from_after_a_judgement_is_its_setting(attribute, sentence, content):
    text, quotes = attribute(sentence)
    assert said(text, quotes[0]) == content


def test_speech_participle_after_a_closing_quote_is_a_second_statement(attribute):
    text, quotes = attribute(
        'Maria Lindqvist insisted that the ferry plan had "saved the harbour," claiming that fares had fallen by half.'
    )
    assert [(q.cue.text, said(text, q)) for q in quotes] == [
        ("insisted", 'that the ferry plan had "saved the harbour'),
        ("claiming", "that fares had fallen by half"),
    ]


def test_other_participle_after_a_closing_quote_goes_on(attribute):
    text, quotes = attribute('Peter Alves said the council had "kept the harbour open," creating jobs for the town.')
    assert [said(text, q) for q in quotes] == ['the council had "kept the harbour open," creating jobs for the town']


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # the comma inside the closing mark ends the content as one outside it would
        (
            'Peter Alves said the council was "making it up as it goes," while the mayor stayed at home.',
            'the council was "making it up as it goes',
        ),
        (
            'Maria Lindqvist called the ferry plan "a costly mistake," which is how many in the town see it.',
            'the ferry plan "a costly mistake',
        ),
        # no narrator after it: the speaker's words go on
        (
            'Peter Alves said the harbour plan was "too costly," too slow and too late.',
            'the harbour plan was "too costly," too slow and too late',
        ),
    ],
)
def test_narrator_after_a_comma_inside_the_closing_mark(attribute, sentence, content):
    text, quotes = attribute(sentence)
    assert [said(text, q) for q in quotes] == [content]


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        # ', which / while X verb' after a closing mark is the narrator's clause, no frame
        (
            'Peter Alves said the harbour plan was "a costly mistake," which the council denied on Friday.',
            ["Peter Alves"],
        ),
        (
            'Maria Lindqvist argued that the ferries were "running late," while the council blamed the weather.',
            ["Maria Lindqvist", "the council"],
        ),
        # a frame after the closing mark still frames the quote
        ('"The ferries are late," the council said.', ["the council"]),
    ],
)
def test_narrator_clause_after_a_quote_frames_nothing(attribute, sentence, speakers):
    _, quotes = attribute(sentence)
    assert [q.speaker.text for q in quotes] == speakers
