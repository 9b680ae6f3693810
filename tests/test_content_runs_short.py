"""Attribution constructions on the real spaCy pipeline (invented sentences):
content that ran short of what the speaker said."""

from __future__ import annotations

import pytest

from tests.quotehelp import only, said


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            'Ferries are "a lifeline" and "keep the islands alive," Maria Lindqvist told the council.',
            "Maria Lindqvist",
            'Ferries are "a lifeline" and "keep the islands alive,',
        ),
        (
            '"The Long Road Home" was meant to be "a warning," said Peter Alves, the author.',
            "Peter Alves",
            '"The Long Road Home" was meant to be "a warning,',
        ),
    ],
)
def test_a_framed_quote_takes_the_unattributed_quotes_before_it_in_its_sentence(attribute, sentence, speaker, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == (speaker, content)


def test_the_clause_of_a_framed_quote_stops_at_a_cue_before_it(attribute):
    # the words before "far too costly" are the board's report, not Lindqvist's clause
    text, quotes = attribute(
        'The harbour board said the ferries were "too slow" and "far too costly," Maria Lindqvist added.'
    )
    added = next(q for q in quotes if q.cue and q.cue.text == "added")
    assert said(text, added) == 'and "far too costly,'


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # a concession with no verb inside what was said
        (
            "Maria Lindqvist said it was possible, though not likely, that the ferry would stop.",
            "it was possible, though not likely, that the ferry would stop",
        ),
        # a gerund like the content's, hung on the cue
        (
            "Harbour voters would consider voting for Roe or sitting out the election?",
            "voting for Roe or sitting out the election",
        ),
        # a modal predicate with no subject of its own
        ("The mayor defended the plan and will present it on Monday.", "the plan and will present it on Monday"),
        # gerunds after a colon name what was repeated
        (
            "The mayor repeated her campaign pledges: rebuilding the pier, widening the harbour road and cutting ferry fares.",
            "her campaign pledges: rebuilding the pier, widening the harbour road and cutting ferry fares",
        ),
        # a list of gerunds going on with a gerund of the content
        (
            "Maria Lindqvist proposed squeezing out the old crews by tightening the rules, temporarily freezing wages "
            "and changing the harbour charter.",
            "squeezing out the old crews by tightening the rules, temporarily freezing wages and changing the harbour charter",
        ),
    ],
)
def test_the_content_goes_on_past_a_cut_the_parse_suggests(attribute, sentence, content):
    text, quotes = attribute(sentence)
    assert said(text, only(quotes)) == content


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Peter Alves said the harbour was busy, though he left early.", "the harbour was busy"),  # a clause
        (
            "Maria Lindqvist said the ferry had kept a larger crew for months, though.",
            "the ferry had kept a larger crew for months",
        ),
        ("She denied the ferry claims, and would not say more.", "the ferry claims"),  # negated: her next act
    ],
)
def test_the_narrator_and_the_speakers_next_act_still_end_the_content(attribute, sentence, content):
    text, quotes = attribute(sentence)
    assert said(text, only(quotes)) == content


def test_a_participle_without_a_gerund_in_the_content_is_the_speakers_next_act(attribute):
    text, quotes = attribute("Peter Alves praised the ferry crews, thanking them for their work and promising a bonus.")
    assert [said(text, q) for q in quotes][0] == "the ferry crews"


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            '"The way I see it," Maria Lindqvist elaborated, "nobody on the island wants the new pier."',
            "The way I see it, | nobody on the island wants the new pier.",
        ),
        (
            '"This plan must come with a budget," she said, and "a date for the vote."',
            "This plan must come with a budget, | a date for the vote.",
        ),
    ],
)
def test_a_quote_goes_on_right_after_the_frame_that_splits_it(attribute, sentence, content):
    text, quotes = attribute(sentence)
    assert said(text, only(quotes)) == content


def test_a_second_frame_between_two_quotes_keeps_them_apart(attribute):
    text, quotes = attribute('"The ferry is late," Peter Alves said, and the mayor added, "nobody knows why."')
    assert [(q.speaker.text, said(text, q)) for q in quotes] == [
        ("Peter Alves", "The ferry is late,"),
        ("the mayor", "nobody knows why."),
    ]


def test_words_between_a_quote_and_its_frame_go_with_the_quote(attribute):
    text, quotes = attribute('"The ferry is a lifeline," in sharp contrast to the harbour board, says Maria Lindqvist.')
    assert said(text, only(quotes)) == 'The ferry is a lifeline," in sharp contrast to the harbour board'


def test_the_speakers_name_before_the_cue_is_no_content(attribute):
    text, quotes = attribute('"The pier is safe," Lindqvist, who chairs the board, said.')
    assert said(text, only(quotes)) == "The pier is safe,"
