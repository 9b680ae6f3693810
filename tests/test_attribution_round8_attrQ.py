"""Attribution constructions of round eight on the real spaCy pipeline (invented sentences):
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
