"""Where reported content ends, round seven, on the real spaCy pipeline (invented
sentences): a closing apposition in a paragraph's last sentence, a list that is no
apposition, and a second speaker's cue conjoined inside the content."""

from __future__ import annotations

import pytest

from tests.quotehelp import only, said


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the sentence ends in a line break (a paragraph's last one): the aside is still cut
        (
            "Maria Lindqvist praised the harbour plan, a scheme that the council drafted in May.\n\nThe vote is soon.",
            "the harbour plan",
        ),
        # an indefinite description with conjuncts of its own is still an aside
        (
            "Maria Lindqvist praised the harbour board, an old and trusted partner of the city.\n\nThe vote is soon.",
            "the harbour board",
        ),
    ],
)
def test_a_closing_apposition_is_cut_before_a_paragraph_break(attribute, text, content):
    text, quotes = attribute(text)
    assert said(text, only(quotes)) == content


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lindqvist praised the harbour board, the ferry union and the dock workers.",
        "Maria Lindqvist praised the harbour board, the ferry union and the dock workers.\n\nThe vote is soon.",
    ],
)
def test_a_list_after_a_comma_is_no_apposition(attribute, text):
    text, quotes = attribute(text)
    assert said(text, only(quotes)) == "the harbour board, the ferry union and the dock workers"


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


def test_a_participle_after_a_reported_infinitive_is_the_narrators(attribute):
    text, quotes = attribute("Maria Lindqvist vowed to rebuild the harbour, reversing years of neglect.")
    assert said(text, only(quotes)) == "to rebuild the harbour"


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # no comma: the participle is part of what was vowed
        (
            "Maria Lindqvist vowed to keep the harbour running through the winter.",
            "to keep the harbour running through the winter",
        ),
        # a second infinitive after the comma goes on
        (
            "Maria Lindqvist vowed to rebuild the harbour, and to reopen the ferry.",
            "to rebuild the harbour, and to reopen the ferry",
        ),
    ],
)
def test_an_infinitive_goes_on_without_a_participle_after_a_comma(attribute, sentence, content):
    text, quotes = attribute(sentence)
    assert said(text, only(quotes)) == content


def test_a_finite_verb_conjoined_to_a_reported_infinitive_is_the_speakers_next_act(attribute):
    text, quotes = attribute(
        "Maria Lindqvist urged the council to cut the ferry fares and tried to win over the union."
    )
    assert said(text, only(quotes)) == "the council to cut the ferry fares"


def test_a_second_infinitive_without_to_goes_on(attribute):
    text, quotes = attribute("Maria Lindqvist vowed to cut the ferry fares and raise the dock wages.")
    assert said(text, only(quotes)) == "to cut the ferry fares and raise the dock wages"


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # the setting before what the speaker did next is cut too
        (
            "Maria Lindqvist praised the harbour plan at a rally in the town square, calling it a fresh start.",
            "the harbour plan",
        ),
        # a manner phrase is no setting: only the participle goes
        (
            "Maria Lindqvist praised the harbour plan with real warmth, calling it a fresh start.",
            "the harbour plan with real warmth",
        ),
    ],
)
def test_a_setting_before_the_speakers_next_act_is_cut(attribute, sentence, content):
    text, quotes = attribute(sentence)
    assert said(text, quotes[0]) == content


def test_an_indefinite_noun_phrase_after_a_dash_is_a_closing_comment(attribute):
    text, quotes = attribute(
        "Maria Lindqvist said that she would cut the dock wages — a proposal she has raised at every council meeting."
    )
    assert said(text, only(quotes)) == "that she would cut the dock wages"


@pytest.mark.parametrize(
    "sentence",
    [
        "Maria Lindqvist said that she would cut the dock wages — and the ferry fares.",
        "Maria Lindqvist said that she would cut the dock wages, the ferry fares and the port fees.",
    ],
)
def test_a_definite_phrase_or_a_list_after_a_dash_or_comma_goes_on(attribute, sentence):
    text, quotes = attribute(sentence)
    assert said(text, only(quotes)) == sentence[len("Maria Lindqvist said ") : -1]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "The harbour board reported a profit of 4 million kroner, up from 3 million a year earlier.",
            "a profit of 4 million kroner",
        ),
        (
            "Maria Lindqvist said the ferry fares would rise by 4 percent next year, well above what the union had asked for.",
            "the ferry fares would rise by 4 percent next year",
        ),
        # no figure before the comma: the comparison is the speaker's
        (
            "Maria Lindqvist said the harbour was busier, more than it had been in years.",
            "the harbour was busier, more than it had been in years",
        ),
    ],
)
def test_the_comparison_of_a_reported_figure_is_the_narrators(attribute, sentence, content):
    text, quotes = attribute(sentence)
    assert said(text, only(quotes)) == content
