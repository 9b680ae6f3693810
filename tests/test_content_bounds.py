"""Where the content of an attribution starts and ends (graphbuild/attribution/bounds.py
and the span helpers of quotes.py and direct.py), on the real spaCy pipeline with
invented sentences."""

from __future__ import annotations

import pytest

from graphbuild.graph.model import Article
from graphbuild.pipeline.extract import extract


@pytest.fixture(scope="module")
def content(parser):
    """text, cue word -> the content of the quote with that cue, its spans joined by " | "."""

    def run(text: str, cue: str) -> str:
        quotes = extract(next(parser.parse([Article("t", text)]))).quotes
        found = [q for q in quotes if q.cue and q.cue.text.lower() == cue]
        assert found, f"no quote with cue {cue!r}: {[q.cue.text for q in quotes if q.cue]}"
        return " | ".join(text[s:e] for s, e in found[0].content)

    return run


def test_but_with_a_clause_of_its_own_ends_the_content(content):
    text = "Mayor Ilse Brandt said the tunnel was late, but the council approved it anyway."
    assert content(text, "said") == "the tunnel was late"


def test_but_with_a_second_predicate_goes_on(content):
    text = "Mayor Ilse Brandt said the tunnel was expensive, but never too slow for the city."
    assert content(text, "said") == "the tunnel was expensive, but never too slow for the city"


def test_and_that_is_a_second_reported_clause(content):
    text = "Councillor Tomas Reyes insisted the budget was balanced, and that the auditors had approved it."
    assert content(text, "insisted").endswith("and that the auditors had approved it")


def test_an_infinitive_on_the_cue_belongs_to_its_object(content):
    text = "Ilse Brandt supported the creation of a website to explain the new tax."
    assert content(text, "supported") == "the creation of a website to explain the new tax"


def test_who_is_urged_to_act_is_part_of_the_content(content):
    assert content("Ines Varga urged the council to reject the harbour plan.", "urged") == (
        "the council to reject the harbour plan"
    )


def test_a_clause_subject_parsed_as_the_cue_object_is_part_of_the_clause(content):
    text = "The report showed the city with the highest turnout won the grant only twice."
    assert content(text, "showed") == "the city with the highest turnout won the grant only twice"


def test_the_one_told_is_no_part_of_a_clause_with_its_own_subject(content):
    assert content("Ines Varga told the council that the plan would fail.", "told") == "that the plan would fail"


def test_a_parenthetical_frame_reports_its_own_conjunct(content):
    text = "The mayor had a rally planned, and the permit, her office said, had been hard to get."
    assert content(text, "said") == "the permit | had been hard to get"


def test_the_object_a_quote_describes_is_part_of_the_content(content):
    said = content('Ines Varga called the use of emergency orders "quite reckless."', "called")
    assert said.startswith("the use of emergency orders") and "quite reckless" in said


def test_an_unframed_quote_right_after_reported_speech_goes_on_with_it(content):
    text = 'Ines Varga argued that the bridge was unsafe. "Nobody should drive on it before the repairs."'
    assert content(text, "argued") == "that the bridge was unsafe | Nobody should drive on it before the repairs."


def test_an_unframed_quoted_paragraph_after_reported_speech_stays_apart(content):
    text = 'Ines Varga argued that the bridge was unsafe.\n\n"Nobody should drive on it before the repairs."'
    assert content(text, "argued") == "that the bridge was unsafe"


def test_a_quote_joined_to_the_last_by_and_goes_on_with_it(content):
    text = 'Ines Varga said, "I am a builder like you, folks," and, "Who here has never built a shed?"'
    assert content(text, "said") == "I am a builder like you, folks, | Who here has never built a shed?"


@pytest.fixture(scope="module")
def cues_of(parser):
    """text -> the cue words of its quotes, lowercased."""

    def run(text: str) -> list[str]:
        return [q.cue.text.lower() for q in extract(next(parser.parse([Article("t", text)]))).quotes if q.cue]

    return run


def test_a_cue_in_the_future_tense_reports_nothing_yet(cues_of):
    assert "say" not in cues_of("Mayor Ilse Brandt will say that the tunnel is late.")
    assert "said" in cues_of("Mayor Ilse Brandt said that the tunnel is late.")


def test_the_bare_pronoun_that_is_no_speaker(cues_of):
    assert "said" not in cues_of('Ines Varga posted her message under a headline that said, "The harbour is closing."')
    assert "said" not in cues_of("That said, Ines Varga still backs the plan.")
