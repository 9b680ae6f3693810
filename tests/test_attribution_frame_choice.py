"""Attribution constructions on the real spaCy pipeline (invented
sentences): which frame or speaker a quote gets."""

from __future__ import annotations

import pytest

from tests.quotehelp import only, said


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            'Maria Lindqvist declared the need for calm: "The ferry is late again," she wrote.',
            "she",
            "wrote",
        ),
        (
            'Peter Alves followed up by lamenting the harbour tax: "It is a burden on us all," he said.',
            "he",
            "said",
        ),
    ],
)
def test_a_cue_verb_after_the_quote_beats_the_colon_before_it(attribute, text, speaker, cue):
    text, quotes = attribute(text)
    q = only(quotes)
    assert (q.speaker.text, q.cue.text if q.cue else None) == (speaker, cue)


def test_a_colon_frame_without_a_cue_after_the_quote_stays(attribute):
    _text, quotes = attribute('Maria Lindqvist added: "The ferry is late again."')
    q = only(quotes)
    assert (q.speaker.text, q.cue.text if q.cue else None) == ("Maria Lindqvist", "added")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Northport (AFP) – Democrat Maria Lindqvist has taken a swipe at the council, saying the ferry was late.",
            "Democrat Maria Lindqvist",
        ),
        ("Oslo (Harbour Wire) – Award-winning captain Peter Alves is not sure the ferry is safe.", "Peter Alves"),
    ],
)
def test_a_mixed_case_dateline_with_an_agency_is_no_speaker(attribute, text, speaker):
    _text, quotes = attribute(text)
    assert {q.speaker.text for q in quotes} == {speaker}


def test_a_person_with_a_party_in_brackets_is_no_dateline(attribute):
    _text, quotes = attribute("Maria Lindqvist (Labour) – a fierce critic of the plan – said the ferry was late.")
    assert only(quotes).speaker.text == "Maria Lindqvist"


def test_a_transcript_label_is_no_subject(attribute):
    _text, quotes = attribute(
        "Mayor sits down for harbour talk.\n\nThe mayor spoke to us on Monday.\n\n"
        "Q: Now you’re talking about ways the ferry might run faster."
    )
    assert [q.speaker.text for q in quotes] == ["you"]


def test_a_one_letter_subject_without_a_colon_stays(attribute):
    _text, quotes = attribute("Mayor sits down for harbour talk.\n\nI argued that the ferry could be better.")
    assert [q.speaker.text for q in quotes] == ["I"]


def test_an_if_question_after_a_question_verb_is_what_was_asked(attribute):
    text, quotes = attribute("Harbour news.\n\nMaria Lindqvist asked the sailors if they planned to strike.")
    q = only(quotes)
    assert (q.speaker.text, q.cue.text if q.cue else None, said(text, q)) == (
        "Maria Lindqvist",
        "asked",
        "if they planned to strike",
    )


def test_an_if_clause_of_a_speech_verb_is_a_condition(attribute):
    text, quotes = attribute("Harbour news.\n\nMaria Lindqvist said the ferry would stop if the sailors strike.")
    assert said(text, only(quotes)) == "the ferry would stop if the sailors strike"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Harbour roundup.\n\nFerry polls agree - Maria Lindqvist: “The ferry count was right all along.”",
            "Maria Lindqvist",
        ),
        (
            "Harbour roundup.\n\nBut polls did predict the ferry vote - HarbourPollster: “Most pollsters fared better.”",
            "HarbourPollster",
        ),
    ],
)
def test_a_name_after_a_dash_before_a_colon_frames_the_quote(attribute, text, speaker):
    text, quotes = attribute(text)
    assert [q.speaker.text for q in quotes if said(text, q).startswith("Most") or said(text, q).startswith("The")] == [
        speaker
    ]


def test_a_place_after_from_before_a_colon_is_no_speaker(attribute):
    _text, quotes = attribute(
        "Harbour roundup.\n\nHe suggested the captain was from Norway: “The captain, we believe, is Norwegian.”"
    )
    assert only(quotes).speaker.text == "He"


def test_a_cue_after_and_opens_its_own_clause_no_frame_of_the_quote(attribute):
    text, quotes = attribute(
        'Harbour news.\n\nMaria Lindqvist describes the ferry as "a floating disaster," '
        "and Peter Alves talks about what the council can achieve."
    )
    assert [(q.speaker.text, said(text, q)) for q in quotes] == [
        ("Maria Lindqvist", 'the ferry as "a floating disaster'),
        ("Peter Alves", "what the council can achieve"),
    ]


def test_two_speakers_joined_by_and_still_frame_the_quote(attribute):
    _text, quotes = attribute(
        'Harbour news.\n\nThe ferry is "a floating disaster," Maria Lindqvist and Peter Alves said.'
    )
    assert only(quotes).speaker.text == "Maria Lindqvist"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Maria Lindqvist camp: Ferry tax threatens the harbour.\n\nNORTHPORT - The rival answered.",
            "Maria Lindqvist camp",
        ),
        (
            "Northport Gazette editorial: Scrap the ferry tax.\n\nNORTHPORT - The council met.",
            "Northport Gazette editorial",
        ),
    ],
)
def test_a_headline_label_of_a_name_and_its_camp_or_document(attribute, text, speaker):
    _text, quotes = attribute(text)
    assert only(quotes).speaker.text == speaker


def test_a_headline_label_of_a_name_and_another_noun_is_no_speaker(attribute):
    _text, quotes = attribute("Maria Lindqvist ferries: a new fleet for the harbour.\n\nNORTHPORT - The council met.")
    assert quotes == []


def test_a_relative_pronoun_subject_of_a_conjoined_cue_is_its_antecedent(attribute):
    _text, quotes = attribute(
        "Harbour news.\n\nMaria Lindqvist, who backed the ferry plan in May and said it would pass, did not attend the vote."
    )
    q = only(quotes)
    assert (q.speaker.text, q.speaker_key) == ("who", "maria-lindqvist")


def test_a_relative_pronoun_object_gives_no_antecedent_to_the_cue(attribute):
    _text, quotes = attribute(
        "Harbour news.\n\nThe ferry plan, which the council backed in May and said would pass, failed."
    )
    assert only(quotes).speaker.text == "the council"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Harbour news.\n\nThe ferry delays have left many sailors saying the council does not care.", "many sailors"),
        (
            "Harbour news.\n\nYou have to go back only ten years to see a harbour board defending the idea that "
            "the tax was fair.",
            "a harbour board",
        ),
    ],
)
def test_the_object_of_a_verb_of_perception_does_what_the_participle_says(attribute, text, speaker):
    _text, quotes = attribute(text)
    assert only(quotes).speaker.text == speaker


def test_a_participle_after_a_comma_stays_with_the_subject(attribute):
    _text, quotes = attribute(
        "Harbour news.\n\nThe mayor left no doubt of her support for the plan, saying the tax was fair."
    )
    assert only(quotes).speaker.text == "The mayor"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Harbour news.\n\nEven before that, Alves capitalized on antipathy toward Maria Lindqvist, whom many "
            "sailors believed was unfairly tilting the harbour vote toward the council.",
            "many sailors",
        ),
        (
            "Harbour news.\n\nEditor's Note: A story on Tuesday about the ferry, drawn from what dock "
            "workers told us, reported that the captain had spoken freely of the strike.",
            "A story",
        ),
    ],
)
def test_of_two_subjects_before_the_verb_the_nearer_one_speaks(attribute, text, speaker):
    _text, quotes = attribute(text)
    assert only(quotes).speaker.text == speaker


def test_a_subject_in_brackets_is_not_the_nearer_speaker(attribute):
    _text, quotes = attribute(
        "Harbour news.\n\nPeter Alves, a baker from Northport who paints at weekends (his small gallery "
        "of sea pictures shows one of a storm), has cast himself chiefly as a careful harbour planner."
    )
    assert only(quotes).speaker.text == "Peter Alves"
