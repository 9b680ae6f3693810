"""Attribution constructions of round seven on the real spaCy pipeline (invented
sentences): whose words a cue reports when the parser hung it on the wrong verb."""

from __future__ import annotations

import pytest

from tests.quotehelp import only, said


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        # the second cue parsed as a conjunct of the reported clause's verb
        (
            "Maria Lindqvist said the harbour tax was unfair and urged the council to drop it.",
            "urged",
            "the council to drop it",
        ),
        (
            "Maria Lindqvist noted that the ferry fares had doubled and asked whether the port could cope.",
            "asked",
            "whether the port could cope",
        ),
        # two clauses deep: the conjunct hangs on the clause that "thought" reports
        (
            "Maria Lindqvist said she thought the ferry fares were too high and urged the council to act.",
            "urged",
            "the council to act",
        ),
    ],
)
def test_a_cue_conjoined_to_a_reported_clause_is_the_reporters(attribute, sentence, cue, content):
    text, quotes = attribute(sentence)
    q = next(q for q in quotes if q.cue.text == cue)
    assert (q.speaker.text, said(text, q)) == ("Maria Lindqvist", content)


def test_a_conjunct_with_a_subject_of_its_own_keeps_it(attribute):
    text, quotes = attribute("The mayor said the bridge was safe and the council praised the engineers.")
    by_cue = {q.cue.text: (q.speaker.text, said(text, q)) for q in quotes}
    assert by_cue["said"] == ("The mayor", "the bridge was safe")
    # the conjunct is the council's own statement (bounds frees it), never the mayor's
    assert by_cue["praised"] == ("the council", "the engineers")


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        # PolNeAR's source of a quote reported by an outlet is the outlet, the quote and its
        # own frame nested in what the outlet reported
        (
            '"The ferry is safe," Maria Lindqvist said, according to the Northport Herald.',
            "the Northport Herald",
            'The ferry is safe," Maria Lindqvist said',
        ),
        ('"The ferry is safe," Maria Lindqvist said on Tuesday.', "Maria Lindqvist", "The ferry is safe,"),
    ],
)
def test_a_quote_said_according_to_an_outlet_is_the_outlets(attribute, sentence, speaker, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == (speaker, content)


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # an opening adjunct and the cue's own object: no "A, X said, B" frame
        (
            "Last year, the Northport police reported 906 attacks on refugee homes, ranging from arson to assaults.",
            "906 attacks on refugee homes",
        ),
        ("On Friday, Maria Lindqvist requested a recount, citing irregularities.", "a recount"),
        # a frame set off by commas still reports the words around it
        ("The ferry plan, Maria Lindqvist said, will fail.", "The ferry plan | will fail"),
        (
            "In the harbour, Maria Lindqvist said, the ferry plan is seen as a failure.",
            "In the harbour | the ferry plan is seen as a failure",
        ),
    ],
)
def test_a_cue_with_an_object_of_its_own_frames_no_parenthetical(attribute, sentence, content):
    text, quotes = attribute(sentence)
    assert said(text, only(quotes)) == content


def test_a_sentence_opening_with_a_quote_and_closed_by_its_frame_is_reported(attribute):
    text, quotes = attribute('"More ferries" would help the harbour, Maria Lindqvist said.')
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == ("Maria Lindqvist", 'More ferries" would help the harbour')


def test_a_subjectless_clause_after_a_frame_cue_does_not_unframe_the_quote(parser):
    """'"...," she told the Gazette in an interview aired on Sunday': the parser may hang the
    participle on the cue as its clause (ccomp); with no subject, mark or auxiliary it is
    no clause the cue reports, so the frame still attributes the quote."""
    from graphbuild.graph.model import Article
    from graphbuild.pipeline.extract import extract

    text = '"We will win," Maria Lindqvist said in an interview aired Monday.'
    parsed = next(parser.parse([Article("t", text)]))
    said_at = next(t.i for t in parsed.tokens if t.text == "said")
    aired = next(t for t in parsed.tokens if t.text == "aired")
    aired.dep, aired.head = "ccomp", said_at  # the parse error seen in wire copy
    q = only(extract(parsed).quotes)
    assert (q.speaker.text, said(text, q)) == ("Maria Lindqvist", "We will win,")


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        # a passive aside: the "by" agent said the clause it hangs on
        (
            "As reported by the Northport Herald, the council found 200 faults in the ferry.",
            "the Northport Herald",
            "the council found 200 faults in the ferry",
        ),
        # where the aside's words were said is no complement of its own
        ("The ferry failed, as Maria Lindqvist noted in a memo.", "Maria Lindqvist", "The ferry failed"),
    ],
)
def test_as_asides_passive_or_with_a_setting(attribute, sentence, speaker, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == (speaker, content)


@pytest.mark.parametrize(
    "sentence",
    [
        "As expected by the council, the ferry failed.",  # no cue of saying or finding
        "The ferry failed, as Maria Lindqvist noted the problem.",  # an object of its own
    ],
)
def test_no_as_aside_without_a_cue_or_with_an_object(attribute, sentence):
    assert attribute(sentence)[1] == []


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # "according to" a document or talk someone made: its author is the source
        ("The ferry will close in May, according to a report filed by the Northport Herald.", "the Northport Herald"),
        ("The ferry will close in May, according to interviews with three council members.", "three council members"),
        ("The ferry will close in May, according to a copy of the harbour report.", "a copy of the harbour report"),
    ],
)
def test_according_to_a_document_by_its_author(attribute, sentence, speaker):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == (speaker, "The ferry will close in May")


def test_a_noun_with_a_participle_read_as_a_clause_subject_is_the_speaker(attribute):
    # the parser makes "going" a clause subject (csubj) and "majorities" its subject
    text, quotes = attribute("Large majorities of voters going to the polls on Tuesday said they back the ferry plan.")
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == ("Large majorities of voters", "they back the ferry plan")


@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        # an active cue conjoined to a passive verb shares its named subject
        (
            "By the evening, Maria Lindqvist was forced into damage control and said that her words had been misread.",
            [("Maria Lindqvist", "that her words had been misread")],
        ),
        ("The ferry plan was rejected and praised the council.", []),  # a thing is no speaker
    ],
)
def test_a_cue_conjoined_to_a_passive_verb(attribute, sentence, quoted):
    text, quotes = attribute(sentence)
    assert [(q.speaker.text, said(text, q)) for q in quotes] == quoted


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        # a share of those polled said it: the poll's finding
        (
            "In a Velmora poll released Sunday, 60 percent of voters said they back the ferry plan.",
            "a Velmora poll",
            "60 percent of voters said they back the ferry plan",
        ),
        ("In the poll, the mayor said she backs the ferry plan.", "the mayor", "she backs the ferry plan"),
    ],
)
def test_in_a_poll_a_share_said(attribute, sentence, speaker, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == (speaker, content)


@pytest.mark.parametrize(
    ("headline", "speakers"),
    [
        # a person named first, then where: the headline's speaker
        ("Maria Lindqvist at the Harbour Forum: The ferry plan will fail.", ["Maria Lindqvist at the Harbour Forum"]),
        ("Maria Lindqvist and the Harbour Forum: The ferry plan will fail.", []),  # two parties
    ],
)
def test_a_headline_label_naming_a_person_and_where(attribute, headline, speakers):
    _, quotes = attribute(headline + "\n\nThe council met on Tuesday.")
    assert [q.speaker.text for q in quotes] == speakers


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # an answer word as the saying verb's object is what was said
        ("Asked whether the ferry should close, 46 percent of voters said yes.", "yes"),
        ("Half of the voters back the plan, and 20 percent of the council said the same.", "the same"),
        ("Maria Lindqvist said yesterday that the ferry plan will fail.", "that the ferry plan will fail"),
    ],
)
def test_said_yes_no_so_or_the_same(attribute, sentence, content):
    text, quotes = attribute(sentence)
    assert said(text, only(quotes)) == content
