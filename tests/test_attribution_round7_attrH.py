"""Attribution constructions of round seven (attrH, content too short) on the real spaCy
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
