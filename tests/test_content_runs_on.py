"""Attribution constructions of round seven on the real spaCy
pipeline (invented sentences): what was said going on past where it used to stop."""

from __future__ import annotations

import pytest

from tests.quotehelp import only, said


@pytest.mark.parametrize(
    "text",
    [
        '"The ferry is late again," Maria Lindqvist said on the radio show "Harbour Hour." "Nobody '
        'in Northport trusts the timetable."',
        '"The ferry is late again," Maria Lindqvist told the weekly "Dock Notes" on Monday. "Nobody '
        'in Northport trusts the timetable."',
    ],
)
def test_a_title_in_the_frame_does_not_end_the_quote(attribute, text):
    text, quotes = attribute(text)
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == (
        "Maria Lindqvist",
        "The ferry is late again, | Nobody in Northport trusts the timetable.",
    )


def test_a_scare_quote_outside_the_frame_still_ends_the_quote(attribute):
    # the scare quote sits in a sentence of its own, not in the frame of the first quote:
    # the quote after it is not the first speaker's by this rule
    text, quotes = attribute(
        '"The ferry is late again," Maria Lindqvist said. Her neighbours call the ferry "the Snail." '
        '"It has not been on time once."'
    )
    first = next(q for q in quotes if q.speaker.text == "Maria Lindqvist")
    assert said(text, first) == "The ferry is late again,"


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Maria Lindqvist said she was tired of the delays and wanted a faster ferry.",
            "she was tired of the delays and wanted a faster ferry",
        ),
        (
            "Peter Alves said he was proud of the harbour and expected to win the vote.",
            "he was proud of the harbour and expected to win the vote",
        ),
    ],
)
def test_a_second_attitude_predicate_goes_on(attribute, sentence, content):
    # an attitude verb joined to the reported clause's verb is a second predicate of what
    # was said, not the speaker's next statement
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert said(text, q) == content


def test_a_second_speech_predicate_still_ends_the_content(attribute):
    text, quotes = attribute("Maria Lindqvist said the ferry was late and suggested that the council buy a new one.")
    first = next(q for q in quotes if q.cue.text == "said")
    assert said(text, first) == "the ferry was late"


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Maria Lindqvist described the harbour as crowded by cruise ships.", "the harbour as crowded by cruise ships"),
        ("Peter Alves sees the mayor as trapped by his own promises.", "the mayor as trapped by his own promises"),
        # set off by a comma, the "as" clause is the narrator's aside
        ("Maria Lindqvist criticized the plan, as expected by her aides.", "the plan"),
    ],
)
def test_an_as_clause_after_the_object_is_what_it_was_said_to_be(attribute, sentence, content):
    text, quotes = attribute(sentence)
    assert said(text, only(quotes)) == content


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Maria Lindqvist praised the harbour works, particularly the new ferry pier.",
            "the harbour works, particularly the new ferry pier",
        ),
        ("Peter Alves questioned my budget, my honesty.", "my budget, my honesty"),
        # after a name the apposition describes it; a comment on the words is the writer's
        ("Maria Lindqvist praised Peter Alves, her adviser.", "Peter Alves"),
        ("Maria Lindqvist criticized the ferry fares, a charge that angered the council.", "the ferry fares"),
    ],
)
def test_a_part_singled_out_or_a_second_possession_goes_on(attribute, sentence, content):
    text, quotes = attribute(sentence)
    assert said(text, only(quotes)) == content


def test_a_quote_ending_the_next_sentence_goes_on(attribute):
    text, quotes = attribute('"It is late again," Maria Lindqvist said. But "nobody in Northport trusts the ferry."')
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == (
        "Maria Lindqvist",
        'It is late again, | But "nobody in Northport trusts the ferry.',
    )


@pytest.mark.parametrize(
    "text",
    [
        # the next sentence has a frame of its own
        '"It is late again," Maria Lindqvist said. The mayor replied that the ferry was "on time."',
        # the quote does not end the next sentence
        '"It is late again," Maria Lindqvist said. The ferry "was built in a hurry," and the council "never checked it."',
    ],
)
def test_the_next_sentence_is_no_continuation_otherwise(attribute, text):
    text, quotes = attribute(text)
    first = next(q for q in quotes if q.speaker.text == "Maria Lindqvist")
    assert said(text, first) == "It is late again,"


def test_wire_copy_double_single_marks_close_a_title(attribute):
    text, quotes = attribute(
        "''The ferry is late again,'' Maria Lindqvist said on ''Harbour Hour.'' ''Nobody in Northport trusts the "
        "timetable.''"
    )
    q = only(quotes)
    assert said(text, q) == "The ferry is late again, | Nobody in Northport trusts the timetable."


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Maria Lindqvist said, "The ferry needs two more months" before the harbour vote.',
            'The ferry needs two more months" before the harbour vote',
        ),
        # the quote's own comma ends it
        ('Maria Lindqvist said, "We will see," when asked about the harbour vote.', "We will see,"),
        # "and" starts a second act
        ('Maria Lindqvist wrote to supporters, "The fight goes on" and vowed to run again.', "The fight goes on"),
    ],
)
def test_a_quote_goes_on_in_the_writers_words_without_a_stop(attribute, text, content):
    text, quotes = attribute(text)
    q = next(q for q in quotes if q.speaker.text == "Maria Lindqvist")
    assert said(text, q) == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('The harbour plan, Maria Lindqvist said, "is a costly mistake."', "The harbour plan | is a costly mistake."),
        # an adjunct before the frame is the writer's
        ('Minutes later, Maria Lindqvist said, "it is done."', "it is done."),
        # a quote opening in capitals is a sentence of its own
        ('The harbour plan, Maria Lindqvist said, "Nobody wants it."', "Nobody wants it."),
    ],
)
def test_the_noun_phrase_before_a_frame_is_the_quotes_subject(attribute, text, content):
    text, quotes = attribute(text)
    assert said(text, only(quotes)) == content


def test_the_next_sentence_with_a_cue_of_its_own_is_its_own(attribute):
    text, quotes = attribute('"It is late again," Maria Lindqvist said. She wants the council "to buy a faster ferry."')
    first = next(q for q in quotes if q.cue.text == "said")
    assert said(text, first) == "It is late again,"
