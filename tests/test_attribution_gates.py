"""Attribution constructions of round seven on the real spaCy pipeline (invented
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


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        (
            "Maria Lindqvist wants the harbour council to lower the ferry fares.",
            "wants",
            "the harbour council to lower the ferry fares",
        ),
        ("Peter Alves considers the new bridge a waste of money.", "considers", "the new bridge a waste of money"),
        ("Maria Lindqvist decided the harbour tax was too high.", "decided", "the harbour tax was too high"),
        ("The Northport Dock Union supported raising the ferry fares.", "supported", "raising the ferry fares"),
    ],
)
def test_a_main_clause_cue_reports_a_clause_its_class_does_not_list(attribute, sentence, cue, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.cue.text, said(text, q)) == (cue, content)


def test_no_clause_of_a_cue_outside_the_main_clause(attribute):
    # an adverbial clause describes why; it states no one's wish
    assert attribute("The ferry stopped because Maria Lindqvist wanted the council to act.")[1] == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "content"),
    [
        (
            "The ferry fares rose sharply, while Maria Lindqvist opposes the harbour tax.",
            "Maria Lindqvist",
            "opposes",
            "the harbour tax",
        ),
        ("Peter Alves visited the harbour and supported the new bridge.", "Peter Alves", "supported", "the new bridge"),
        ("Voters who oppose the harbour tax marched through Northport on Friday.", "who", "oppose", "the harbour tax"),
    ],
)
def test_a_stance_held_outside_the_main_clause(attribute, sentence, speaker, cue, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q), q.kind) == (speaker, cue, content, "attitude")


@pytest.mark.parametrize(
    "sentence",
    [
        "Voters who support the harbour tax marched through Northport on Friday.",  # describes the voters
        "The ferry still runs because the council might support the harbour plan.",  # a possibility, no stance held
    ],
)
def test_no_stance_in_a_relative_clause_or_with_a_modal(attribute, sentence):
    assert attribute(sentence)[1] == []


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("The voters who prefer other candidates stayed home on Friday.", "prefer", "other candidates"),
        (
            "Many residents who see the new bridge as a waste of money signed the letter.",
            "see",
            "the new bridge as a waste of money",
        ),
    ],
)
def test_a_who_clause_of_people_with_a_plain_object(attribute, sentence, cue, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q)) == ("who", cue, content)


def test_no_plain_object_in_a_who_clause_of_a_named_person(attribute):
    # an apposition-like description of the person, not a statement
    assert attribute("Maria Lindqvist, who wanted a new bridge, signed the letter.")[1] == []


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Peter Alves lobbied to keep the ferry running.", "lobbied", "to keep the ferry running"),
        ("Maria Lindqvist has pushed to repeal the harbour tax.", "pushed", "to repeal the harbour tax"),
    ],
)
def test_an_open_complement_of_a_cue_outside_its_class(attribute, sentence, cue, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.cue.text, said(text, q)) == (cue, content)


@pytest.mark.parametrize(
    "sentence",
    [
        "The harbour tax proved to be a costly mistake.",  # a copula: no message
        "The councillors who lobbied to keep the ferry running lost their seats.",  # a description
    ],
)
def test_no_open_complement_of_a_copula_or_in_a_relative_clause(attribute, sentence):
    assert attribute(sentence)[1] == []


def test_a_named_speaker_after_the_clause_with_words_after_the_frame(attribute):
    sentence = "The ferry fares are too high, {} said during her campaign speech to become mayor."
    text, quotes = attribute(sentence.format("Maria Lindqvist"))
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q)) == ("Maria Lindqvist", "said", "The ferry fares are too high")
    text, quotes = attribute(sentence.format("she"))  # a pronoun: more often an aside
    assert "The ferry fares are too high" not in [said(text, q) for q in quotes]


def test_a_named_speakers_purpose_with_a_speech_verb(attribute):
    text, quotes = attribute("Maria Lindqvist travelled to Northport to criticize the harbour tax.")
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q)) == ("Maria Lindqvist", "criticize", "the harbour tax")
    assert attribute("The councillors travelled to Northport to criticize the harbour tax.")[1] == []
