"""Attribution constructions of round six on the real spaCy pipeline (invented sentences):
structural cues that need no word list."""

from __future__ import annotations

import pytest

from tests.quotehelp import only, said


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "content"),
    [
        (
            "Maria Lindqvist calculated that the harbour tax would raise four million.",
            "Maria Lindqvist",
            "calculated",
            "that the harbour tax would raise four million",
        ),
        (
            "The Northport Dock Union noticed that the ferry fares had doubled.",
            "The Northport Dock Union",
            "noticed",
            "that the ferry fares had doubled",
        ),
        (
            "Peter Alves queried whether the new bridge was safe.",
            "Peter Alves",
            "queried",
            "whether the new bridge was safe",
        ),
    ],
)
def test_any_verb_with_a_that_clause_and_a_named_subject(attribute, sentence, speaker, cue, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q)) == (speaker, cue, content)


@pytest.mark.parametrize(
    "sentence",
    [
        "It seems that the harbour tax will fail.",  # no one holds it
        "That means that the ferry fares will double.",  # a relation of facts, no holder
        "The storm ensured that the ferry stayed in port.",  # a thing as the subject
        "Maria Lindqvist calculated the harbour tax.",  # no clause
    ],
)
def test_no_attribution_without_a_holder_or_a_clause(attribute, sentence):
    assert attribute(sentence)[1] == []


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # the quoted predicate parsed as the verb's object, the real object hung on it
        ('He called the harbour protesters "thugs" and "bullies."', 'the harbour protesters "thugs" and "bullies'),
        # the adjective predicate parsed as a preposition's object
        (
            "Peter Alves called the mayor's public squabble with the council unusual.",
            "the mayor's public squabble with the council unusual",
        ),
    ],
)
def test_a_naming_verb_whose_predicate_the_parser_lost(attribute, sentence, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.cue.text, said(text, q)) == ("called", content)


@pytest.mark.parametrize("sentence", ["Maria Lindqvist called the mayor.", "The council called an emergency session."])
def test_a_naming_verb_without_a_predicate_reports_nothing(attribute, sentence):
    assert attribute(sentence)[1] == []


def test_a_long_frame_after_a_question_opening_with_its_cue(attribute):
    text, quotes = attribute(
        "The firm paid nothing.\n\n“Who do they think they are?” Peter Alves said of Harbour Inc. in February,"
        " when the company refused to pay."
    )
    q = next(q for q in quotes if q.direct)
    assert (q.speaker.text, q.cue.text, said(text, q)) == ("Peter Alves", "said", "Who do they think they are?")


def test_a_new_sentence_with_a_cue_and_its_object_frames_no_quote(attribute):
    _text, quotes = attribute(
        "The speech ended.\n\n“Tear down this wall!” Conservatives praise the mayor for his speech at the harbour last May."
    )
    assert not any(q.direct for q in quotes)


def test_a_frame_whose_subject_the_parser_took_from_the_quote(attribute):
    # the vocative inside the quote parsed as the cue's subject, the name an apposition of it
    _text, quotes = attribute(
        "It was late.\n\n''That was a good speech you gave last night, Mr. Mayor,'' Representative Peter Alves,"
        " Democrat of Northport, told Mr. Lindqvist as he stopped to talk."
    )
    q = next(q for q in quotes if q.direct)
    assert (q.speaker.text, q.cue.text) == ("Representative Peter Alves", "told")


def test_a_participle_framing_a_quote_is_not_the_quoted_speakers(attribute):
    # the parser hung the frame on the quote's own verb ("said" inside the quote marks)
    _text, quotes = attribute(
        "Alves did not seem impressed, telling reporters, “A lot of people said the mayor should step down.”"
    )
    q = next(q for q in quotes if q.direct)
    assert (q.speaker.text, q.cue.text) == ("Alves", "telling")


def test_a_long_frame_after_a_question_may_name_the_addressee(attribute):
    text, quotes = attribute(
        "The debate ended.\n\n“We are not going to get along, who knows?” Peter Alves told the harbour council"
        " in a long interview on Tuesday night."
    )
    q = next(q for q in quotes if q.direct)
    assert (q.speaker.text, q.cue.text, said(text, q)) == (
        "Peter Alves",
        "told",
        "We are not going to get along, who knows?",
    )


def test_a_dash_and_a_name_below_a_quoted_paragraph_sign_it(attribute):
    text, quotes = attribute(
        'The debate ended.\n\n"The ferry fares are a scandal. Nobody can pay them."\n\n- Peter Alves.\n\nThe council met.'
    )
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == ("Peter Alves", "The ferry fares are a scandal. Nobody can pay them.")
    # a sentence after the dash is no signature
    _text, quotes = attribute(
        'The debate ended.\n\n"The ferry fares are a scandal."\n\n- Reuters reported in May that the council met again.'
    )
    assert not any(q.direct for q in quotes)


def test_a_message_noun_frames_the_quote_after_it(attribute):
    text, quotes = attribute(
        "It rained.\n\nPeter Alves issued the following statement:\n\n“Our prayers are with all those affected by the storm.”"
    )
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q)) == (
        "Peter Alves",
        "issued",
        "Our prayers are with all those affected by the storm.",
    )
    assert attribute('It rained.\n\nThe council issued new permits: "Harbour Only" and "Ferry Only."')[1] == []
