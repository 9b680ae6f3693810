"""Attribution constructions on the real spaCy pipeline (invented
sentences): lexicon cues the gates or the parse lost."""

from __future__ import annotations

import pytest

from tests.quotehelp import only, said


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        # the name hung on the "who" clause's verb: the cue has no subject in the tree
        (
            "Peter Alves, meanwhile, who chairs the harbour board, said that the ferry fares would double.",
            "Peter Alves",
            "that the ferry fares would double",
        ),
        (
            "One sailor, who like others spoke on condition of anonymity, said the ferry was late.",
            "One sailor",
            "the ferry was late",
        ),
        # a country set off by a participle clause ("leading ...") speaks too
        (
            "On Friday, Norway, leading a group of six states, asked a court to block the harbour rules.",
            "Norway",
            "a court to block the harbour rules",
        ),
    ],
)
def test_a_speaker_set_off_before_the_cue(attribute, sentence, speaker, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == (speaker, content)


def test_no_lost_speaker_for_a_participle(attribute):
    # "a banner calling for ...": a participle's noun is found elsewhere or not at all
    assert attribute("The dockers marched past the town hall, a banner calling for a new bridge.")[1] == []


def test_a_naming_predicate_inside_the_object_phrase(attribute):
    text, quotes = attribute("Maria Lindqvist called her old friend her hero.")
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q)) == ("Maria Lindqvist", "called", "her old friend her hero")


@pytest.mark.parametrize(
    "sentence",
    [
        "Peter Alves called the harbour board.",  # a phone call: no predicate
        "Maria Lindqvist called the harbour chief, Peter Alves, on Tuesday.",  # an apposition after a comma
    ],
)
def test_no_naming_without_a_predicate(attribute, sentence):
    assert attribute(sentence)[1] == []


def test_a_cue_of_a_quote_before_it_reports_its_own_clause_after_it(attribute):
    # the direct pass framed the show's title with "said"; the clause after the cue is Lindqvist's too
    text, quotes = attribute(
        'Pressed on why she had not signed the lease during a visit to "Harbour Hour," Lindqvist said she had'
        ' not "read the papers that matter."'
    )
    assert ("Lindqvist", 'she had not "read the papers that matter') in [
        (q.speaker.text, said(text, q)) for q in quotes
    ]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ('"It is over," Alves said.', "It is over,"),
        ('"It is over," Alves said, "and we lost."', "It is over, | and we lost."),
    ],
)
def test_a_framed_quote_alone_stays_one_quote(attribute, sentence, content):
    text, quotes = attribute(sentence)
    assert said(text, only(quotes)) == content


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "Then Mr. Alves asked the sailors if they were always so terribly serious.",
            "Mr. Alves",
            "if they were always so terribly serious",
        ),
        (
            "During a visit this week, the Harbour Gazette asked the ferry captain if she had been preparing herself for a strike.",
            "the Harbour Gazette",
            "if she had been preparing herself for a strike",
        ),
    ],
)
def test_the_question_asked_read_as_a_condition(attribute, sentence, speaker, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == (speaker, content)


def test_a_condition_set_off_by_commas_is_no_question(attribute):
    text, quotes = attribute("Mr. Alves asked the sailors, if the ferry was late, to wait on the pier.")
    assert not any(said(text, q).startswith("if the ferry") for q in quotes)


def test_the_subject_after_an_inverted_cue(attribute):
    # the parser made "rejection" a second subject of "said"
    text, quotes = attribute(
        'The defeat of the harbour plan signals "a new era" for the port, said Lars Holm, founder of the Dock Party.'
    )
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == (
        "Lars Holm",
        'The defeat of the harbour plan signals "a new era" for the port',
    )


def test_a_past_tense_read_as_a_participle_on_the_subject(attribute):
    # the parser made "found" a participle on "analysts" (the sentence's root)
    text, quotes = attribute(
        "Two ferry analysts, Lars Holm and Eva Berg, found in 2014 that the Northport fleet is “the oldest in Europe.”"
    )
    q = only(quotes)
    assert (q.speaker.text, q.cue.text) == ("Two ferry analysts", "found")
    assert said(text, q).startswith("that the Northport fleet is")


def test_no_past_tense_for_a_participle_with_its_agent(attribute):
    assert attribute("The harbour bill, opposed by the dockers, never became law.")[1] == []


def test_the_subject_next_to_a_closing_cue_given_two_subjects(parser):
    # the slip of the small parser, made by hand: "said" hung on "made" as an adverbial clause
    # with two subjects, "people" (of the reported clause) and "she" (the speaker)
    from dataclasses import replace

    from graphbuild.graph.model import Article
    from graphbuild.pipeline.extract import extract

    text = "The ferry made it easier for people to reach the islands, she said."
    parsed = next(parser.parse([Article("t", text)]))
    toks = {t.text: t.i for t in parsed.tokens}
    made, said_, people = toks["made"], toks["said"], toks["people"]
    slips = {made: ("ROOT", made), said_: ("advcl", made), people: ("nsubj", said_)}
    parsed.tokens[:] = [replace(t, dep=slips[t.i][0], head=slips[t.i][1]) if t.i in slips else t for t in parsed.tokens]
    q = only(extract(parsed).quotes)
    assert (q.speaker.text, said(text, q)) == ("she", "The ferry made it easier for people to reach the islands")
