"""Attribution constructions of round seven on the real spaCy pipeline (invented
sentences): direct quotes after a colon whose frame has no cue word."""

from __future__ import annotations

import pytest

from tests.quotehelp import said, speaker_of


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            'Asked about the harbour plan, Maria Lindqvist gloated: "I told you it would pass."',
            "Maria Lindqvist",
            "I told you it would pass.",
        ),
        (
            'The mayor went on: "We will open the ferry line in May."',
            "The mayor",
            "We will open the ferry line in May.",
        ),
    ],
)
def test_the_verb_a_colon_closes_frames_the_quote(attribute, sentence, speaker, content):
    text, quotes = attribute(sentence)
    assert speaker_of(text, quotes, content) == speaker


def test_a_name_after_a_dash_or_from_and_before_a_colon_signs_the_quote(attribute):
    text, quotes = attribute(
        'Turnout was low on the island all day - more from Peter Alves: "Fares at the Northport terminal rose '
        'for the third year in a row."'
    )
    hits = [q for q in quotes if said(text, q).startswith("Fares at the Northport")]
    assert hits and hits[0].speaker.text == "Peter Alves"


def test_a_colon_with_no_speaker_frames_nothing(attribute):
    text, quotes = attribute('The sign on the ferry terminal was simple. It said nothing else: "Closed."')
    assert not [q for q in quotes if said(text, q) == "Closed."]
    text, quotes = attribute('There was one rule at the terminal: "No bicycles on the ferry after noon."')
    assert not quotes


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            'Signs lined the harbour road. "No cars on the island," read one.',
            "one",
            "No cars on the island,",
        ),
        (
            'Reactions online were fierce. "Whoever closes the ferry line has no place in this town!" wrote a man '
            "calling himself Harbour Fan.",
            "a man",
            "Whoever closes the ferry line has no place in this town!",
        ),
    ],
)
def test_the_noun_phrase_after_an_inverted_cue_is_the_speaker(attribute, sentence, speaker, content):
    text, quotes = attribute(sentence)
    assert speaker_of(text, quotes, content) == speaker


def test_a_participle_after_a_scare_quote_is_no_inverted_frame(attribute):
    text, quotes = attribute('The mayor defended the "harbour values," saying the town would keep its ferry.')
    assert not [q for q in quotes if said(text, q) == "harbour values,"]
    assert all(q.speaker.text == "The mayor" for q in quotes)


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            'The harbour vote failed. "That is a disgrace for the island," Peter Alves fumed on Tuesday.',
            "Peter Alves",
            "That is a disgrace for the island,",
        ),
        (
            'The vote failed. "Who will pay for the new ferry?" Peter Alves pressed.',
            "Peter Alves",
            "Who will pay for the new ferry?",
        ),
        (
            'The ferry arrived at last. "This is fantastic!" beamed Maria Lindqvist, who had waited all day.',
            "Maria Lindqvist",
            "This is fantastic!",
        ),
    ],
)
def test_any_verb_with_nothing_of_its_own_after_a_quote_frames_it(attribute, sentence, speaker, content):
    text, quotes = attribute(sentence)
    assert speaker_of(text, quotes, content) == speaker


def test_a_verb_with_its_own_object_after_a_quote_frames_nothing(attribute):
    _text, quotes = attribute('The ferry left at noon. "Goodbye," she waved her hand at the island.')
    assert not quotes


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            'A notice hung at the pier. "No cars on the ferry after noon," the notice read.',
            "notice",
            "No cars on the ferry after noon,",
        ),
        (
            'The harbour board wrote to every owner. "Fees are due in May," the letter states, adding a form.',
            "the letter",
            "Fees are due in May,",
        ),
    ],
)
def test_a_noun_phrase_and_a_cue_word_after_a_quote_frame_it(attribute, sentence, speaker, content):
    text, quotes = attribute(sentence)
    assert speaker_of(text, quotes, content) == speaker


def test_a_title_and_a_noun_phrase_after_it_frame_nothing(attribute):
    text, quotes = attribute('"The Harbour Years," the film series, returns to the island in May.')
    assert not [q for q in quotes if said(text, q).startswith("The Harbour Years")]
