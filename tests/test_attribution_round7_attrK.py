"""Attribution constructions of round seven (attrK) on the real spaCy pipeline (invented
sentences): lexicon cues that the gates or the parse had dropped."""

from __future__ import annotations

import pytest

from tests.quotehelp import only, said


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            '"The ferry fares were far too high" before the strike, Maria Lindqvist said.',
            "Maria Lindqvist",
            'The ferry fares were far too high" before the strike',
        ),
        ('"The harbour was full of boats" that morning, he said.', "he", 'The harbour was full of boats" that morning'),
    ],
)
def test_a_frame_closing_a_sentence_that_opens_with_a_partial_quote(attribute, sentence, speaker, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q), q.direct) == (speaker, "said", content, False)
