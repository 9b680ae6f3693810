"""Quote and reported-speech attribution on the real spaCy pipeline (invented sentences)."""

from __future__ import annotations

import pytest

from graphbuild.graph.model import Article
from graphbuild.pipeline.extract import extract
from tests.quotehelp import said


@pytest.fixture(scope="module")
def attribute(parser):
    """text -> (text, quotes, {mention key: set of surface texts})."""

    def run(text: str):
        x = extract(next(parser.parse([Article("t", text)])))
        names: dict[str, set] = {}
        for m in x.mentions:
            names.setdefault(m.key, set()).add(m.text)
        return text, x.quotes, names

    return run


def by_cue(quotes, cue):
    found = [q for q in quotes if q.cue and q.cue.text.lower() == cue]
    assert found, f"no quote with cue {cue!r}: {[q.cue.text for q in quotes if q.cue]}"
    return found


def named(names, q, surname):
    """The quote's speaker entity is the person called ``surname``."""
    return q.speaker_key is not None and any(surname in n for n in names.get(q.speaker_key, ()))


def test_direct_quote_with_attribution_after(attribute):
    text, quotes, names = attribute("“The harbour plan will fail,” Maria Lindqvist said on Monday.")
    (q,) = quotes
    assert q.direct and q.cue.text == "said"
    assert q.speaker.text == "Maria Lindqvist" and named(names, q, "Lindqvist")
    assert said(text, q).startswith("The harbour plan will fail")
    assert "Lindqvist" not in said(text, q)


def test_colon_and_inverted_attribution(attribute):
    text, quotes, names = attribute(
        "David Okafor said: “We will build the bridge before winter.”\n\n"
        "“Nobody believes that,” said Peter Alves, the opposition leader."
    )
    first, second = quotes
    assert first.speaker.text == "David Okafor" and said(text, first).startswith("We will build the bridge")
    assert second.speaker.text.startswith("Peter Alves") and named(names, second, "Alves")
    assert said(text, second).startswith("Nobody believes that")


def test_attribution_inside_a_quote_joins_both_halves(attribute):
    text, quotes, names = attribute(
        "David Okafor spoke in Lagos on Friday. “We will win the vote,” Okafor said, "
        "“and we will win it by a wide margin.”"
    )
    (q,) = [q for q in quotes if q.direct]
    assert len(q.content) == 2 and named(names, q, "Okafor")
    assert "win the vote" in said(text, q) and "wide margin" in said(text, q)
    assert "Okafor said" not in said(text, q)


def test_quote_running_over_paragraphs_and_a_following_quoted_paragraph(attribute):
    text, quotes, names = attribute(
        "Maria Lindqvist, the port director, spoke to workers on Tuesday.\n\n"
        "“The cranes are old. The new ones arrive in May.\n\n"
        "“Until then we will work double shifts,” she said.\n\n"
        "“Nobody will lose a job.”\n\n"
        "The union welcomed the promise."
    )
    direct = [q for q in quotes if q.direct]
    assert len(direct) == 1
    q = direct[0]
    assert q.speaker.text == "she" and named(names, q, "Lindqvist")
    content = said(text, q)
    assert "cranes are old" in content and "double shifts" in content and "lose a job" in content


def test_pronoun_prefers_the_previous_speaker_then_a_new_subject(attribute):
    text, quotes, names = attribute(
        "David Okafor met the committee chairman, Peter Alves, on Monday.\n\n"
        "“The talks went well,” Okafor said. “We will meet again soon,” he continued.\n\n"
        "Alves was less certain about the timetable. “Nothing is agreed yet,” he said."
    )
    cont = by_cue(quotes, "continued")[0]
    assert cont.speaker.text == "he" and named(names, cont, "Okafor")
    last = [q for q in quotes if "Nothing is agreed" in said(text, q)][0]
    assert last.speaker.text == "he" and named(names, last, "Alves")


def test_pronoun_gender_follows_titles(attribute):
    _text, quotes, names = attribute(
        "“Prices will rise,” Ms. Lindqvist said. “They will not,” Mr. Okafor replied. "
        "“We will see in March,” she added."
    )
    q = by_cue(quotes, "added")[0]
    assert q.speaker.text == "she" and named(names, q, "Lindqvist")


@pytest.mark.parametrize(
    "text",
    [
        "David Okafor told reporters that the ferry deal was dead.",
        "David Okafor told reporters the ferry deal was dead.",
        "David Okafor told the Daily Courier that the ferry deal was dead.",
        "David Okafor confirmed to the Evening Ledger that the ferry deal was dead.",
        "“The ferry deal is dead,” David Okafor told a conference of the Northern Farmers Union.",
    ],
)
def test_the_addressee_is_never_the_speaker(attribute, text):
    text, quotes, names = attribute(text)
    (q,) = quotes
    assert q.speaker.text == "David Okafor" and named(names, q, "Okafor")
    assert "ferry deal" in said(text, q)
    assert not any(w in said(text, q) for w in ("reporters", "Courier", "Ledger", "conference"))


def test_reported_speech_cues(attribute):
    text, quotes, names = attribute(
        "Maria Lindqvist emphasised that the budget was balanced.\n\n"
        "The Daily Courier reported that the mayor of Eastport had resigned.\n\n"
        "Peter Alves refused to confirm the report, only stating, “We do not comment on rumours.”"
    )
    emph = by_cue(quotes, "emphasised")[0]
    assert named(names, emph, "Lindqvist") and said(text, emph).endswith("the budget was balanced")
    rep = by_cue(quotes, "reported")[0]
    assert rep.speaker.text == "The Daily Courier" and rep.speaker_key is not None
    assert "mayor of Eastport had resigned" in said(text, rep)
    refused = by_cue(quotes, "refused")[0]
    assert named(names, refused, "Alves") and said(text, refused).startswith("to confirm")
    stating = by_cue(quotes, "stating")[0]
    assert stating.direct and named(names, stating, "Alves")
    assert said(text, stating).startswith("We do not comment on rumours")


def test_according_to_and_parenthetical_frames(attribute):
    text, quotes, names = attribute(
        "The factory will close next year, according to Peter Alves.\n\n"
        "The new line, Maria Lindqvist said, will open in the spring."
    )
    acc = by_cue(quotes, "according to")[0]
    assert acc.speaker.text == "Peter Alves" and said(text, acc) == "The factory will close next year"
    par = by_cue(quotes, "said")[0]
    assert named(names, par, "Lindqvist")
    assert "The new line" in said(text, par) and "will open in the spring" in said(text, par)
    assert "Lindqvist" not in said(text, par)


def test_role_noun_speaker_resolves_to_the_named_person(attribute):
    _text, quotes, names = attribute(
        "President Maria Lindqvist visited the port of Eastport on Monday.\n\n"
        "The president said the port would double in size by 2030."
    )
    (q,) = quotes
    assert q.speaker.text == "The president" and named(names, q, "Lindqvist")


def test_scare_quotes_are_not_direct_speech(attribute):
    _text, quotes, _names = attribute(
        "David Okafor has been called a “maverick” for years. He owns three “smart” farms near Eastport."
    )
    assert not any(q.direct for q in quotes)


def test_transcript_labels(attribute):
    text, quotes, names = attribute(
        "Anchor Maria Lindqvist interviewed David Okafor on Sunday.\n\n"
        "LINDQVIST: Will you run for governor next year?\n\n"
        "OKAFOR: I have not decided yet. My family comes first.\n\n"
        "LINDQVIST: That sounds like a yes.\n\n"
    )
    labels = [q for q in quotes if q.cue and q.cue.text == ":"]
    assert [q.speaker.text for q in labels] == ["LINDQVIST", "OKAFOR", "LINDQVIST"]
    assert named(names, labels[1], "Okafor") and said(text, labels[1]).startswith("I have not decided")


def test_content_never_contains_speaker_or_cue(attribute):
    text, quotes, _ = attribute(
        "“The ferry will run again,” David Okafor said. Maria Lindqvist said that Okafor was wrong, "
        "and Peter Alves told reporters the ferry had been sold.\n\n"
        "According to the Daily Courier, the ferry was sold in May."
    )
    assert len(quotes) >= 3
    for q in quotes:
        for s, e in q.content:
            assert e <= q.speaker.start or s >= q.speaker.end, (q.speaker.text, text[s:e])
            assert e <= q.cue.start or s >= q.cue.end, (q.cue.text, text[s:e])


def test_unquoted_colon_and_later_references(attribute):
    text, quotes, names = attribute(
        "Peter Alves, a lawyer for the family, said: the police had lied about the ferry.\n\n"
        "Alves added that the family would sue.\n\n"
        "The Daily Courier reported that the ferry had been sold. It said the buyer was unknown."
    )
    first = by_cue(quotes, "said")[0]
    assert first.speaker.text == "Peter Alves" and said(text, first).startswith("the police had lied")
    added = by_cue(quotes, "added")[0]
    assert added.speaker.text == "Alves" and named(names, added, "Alves")  # a surname the NER may miss
    it = [q for q in quotes if q.speaker.text == "It"][0]
    assert it.speaker_key is not None and it.speaker_key == by_cue(quotes, "reported")[0].speaker_key


def test_a_cue_inside_reported_content_is_not_a_second_attribution(attribute):
    text, quotes, names = attribute("Maria Lindqvist said that David Okafor had vowed to close the harbour by May.")
    (q,) = quotes
    assert q.cue.text == "said" and named(names, q, "Lindqvist")
    assert "vowed to close the harbour" in said(text, q)


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "“ ” ‘ ’ ''",
        "He said:",
        "“We will go on,” ",
        "“A” “B” “C",
        "According to him.",
        "― Jane Roe",
        "JANE: hi\n\nBOB: yo",
        "The president said.",
        "“" * 40 + " he said",
        "“He said ‘no’ to it,” she said, “and ‘yes’ to the rest.”\n\n“Fine.”\n\n",
    ],
)
def test_odd_input_never_breaks_and_spans_stay_in_the_text(attribute, text):
    text, quotes, _ = attribute(text)
    for q in quotes:
        spans = [(q.speaker.start, q.speaker.end), (q.cue.start, q.cue.end), *q.content]
        assert all(0 <= s < e <= len(text) for s, e in spans)
        assert q.speaker.text == text[q.speaker.start : q.speaker.end]


def test_speaker_the_ner_missed_becomes_an_organization(parser):
    from graphbuild.attribution.quotes import find_quotes
    from graphbuild.attribution.speakers import name_unnamed_speakers
    from graphbuild.graph.model import Article

    text = "The Kelvarin Daily news website reported that the talks had failed."
    parsed = next(parser.parse([Article("t", text)]))
    quotes = find_quotes(parsed, [])
    assert quotes and quotes[0].speaker_key is None
    added, named = name_unnamed_speakers(parsed, quotes, [])
    assert [(m.text, m.label) for m in added] == [("Kelvarin Daily", "Organization")]
    assert named[0].speaker_key == added[0].key
    assert quotes[0].speaker_key is None  # the input is not changed
    # a common-noun speaker stays no entity
    parsed = next(parser.parse([Article("u", "Officials reported that the talks had failed.")]))
    quotes = find_quotes(parsed, [])
    added, named = name_unnamed_speakers(parsed, quotes, [])
    assert quotes and added == [] and named[0].speaker_key is None


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # when and where the words were said is the narrator's setting, not what was said
        ("Mayor Elena Vasquez praised the harbour plan on Tuesday.", "the harbour plan"),
        ("Mayor Elena Vasquez criticized the budget Monday.", "the budget"),
        ("Mayor Elena Vasquez criticized the budget in an interview with a local radio station.", "the budget"),
        (
            "Mayor Elena Vasquez criticized Tomas Brandt for his budget at a meeting in Leeds.",
            "Tomas Brandt for his budget",
        ),
        # the writer's comment closing the content
        (
            "Mayor Elena Vasquez said the council would cut 300 jobs, a move that angered the unions.",
            "the council would cut 300 jobs",
        ),
        ("Mayor Elena Vasquez criticized Tomas Brandt, the council leader who wrote the budget.", "Tomas Brandt"),
        # quoted words run on whatever the parse makes of them
        (
            'Elena Vasquez said her family "came out of the war not only poor, but in debt," and "struggled to pay."',
            'her family "came out of the war not only poor, but in debt," and "struggled to pay',
        ),
    ],
)
def test_reported_content_stops_before_setting_and_comment(attribute, text, content):
    text, quotes, _ = attribute(text)
    (q,) = quotes
    assert said(text, q) == content


def test_parenthetical_frame_going_on_with_a_participle(attribute):
    text, quotes, names = attribute(
        "The harbour would reopen in May, Mayor Elena Vasquez said, adding that the ferries would run again."
    )
    (first,) = by_cue(quotes, "said")
    (second,) = by_cue(quotes, "adding")
    assert said(text, first) == "The harbour would reopen in May"
    assert said(text, second) == "that the ferries would run again"
    assert named(names, first, "Vasquez") and named(names, second, "Vasquez")


@pytest.mark.parametrize(
    "text",
    [
        'Mayor Elena Vasquez said the harbour plan could be costly, adding, "We will find the money."',
        "Tomas Brandt said the council had voted for the bridge, arguing that it would help trade.",
    ],
)
def test_participle_on_a_reported_clause_is_the_reporters(attribute, text):
    # the parser hangs the participle on the reported clause's verb; its speaker is the
    # subject of the speech verb, not of that clause ("the harbour plan", "the council")
    text, quotes, names = attribute(text)
    second = quotes[-1]
    assert second.cue.text in ("adding", "arguing")
    assert second.speaker.text in ("Mayor Elena Vasquez", "Tomas Brandt")
    assert named(names, second, "Vasquez") or named(names, second, "Brandt")


def test_a_quote_opened_in_reported_speech_runs_to_its_closing_mark(attribute):
    text, quotes, _ = attribute(
        'Tomas Brandt said the harbour plan "will fail. Nobody in the town wants it."\n\n'
        'Elena Vasquez said the council had acted fairly. "We listened to everyone," she added.'
    )
    assert said(text, by_cue(quotes, "said")[0]) == 'the harbour plan "will fail. Nobody in the town wants it'
    # a quote after the content's sentence is no part of it
    assert said(text, by_cue(quotes, "said")[1]) == "the council had acted fairly"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # ", but that ..." joins a second reported clause to the first
        (
            "Elena Vasquez said that the council had opted not to sell the harbour, but that it would lease the docks.",
            "that the council had opted not to sell the harbour, but that it would lease the docks",
        ),
        # ", even though ..." is the narrator's concession
        (
            "Elena Vasquez said the harbour would reopen in May, even though the council has not paid for it.",
            "the harbour would reopen in May",
        ),
        # what someone is called on to do is content, even when it is a saying verb
        (
            "Elena Vasquez called on the council leaders to explain the budget.",
            "the council leaders to explain the budget",
        ),
    ],
)
def test_reported_content_goes_on_or_stops(attribute, text, content):
    text, quotes, _ = attribute(text)
    (q,) = quotes
    assert said(text, q) == content


def test_according_to_after_a_comma_sources_the_sentence(attribute):
    text, quotes, _ = attribute("Tomas Brandt said the ferries had stopped running, according to the harbour office.")
    (q,) = quotes
    assert q.cue.text == "according to" and q.speaker.text == "the harbour office"
    assert said(text, q) == "Tomas Brandt said the ferries had stopped running"


def test_a_quoted_paragraph_continues_a_quote_not_reported_speech(attribute):
    text, quotes, _ = attribute(
        '"The ferries will run again," Tomas Brandt said.\n\n"We have waited long enough for this."'
    )
    (q,) = quotes
    assert said(text, q) == "The ferries will run again, | We have waited long enough for this."
    text, quotes, _ = attribute('Tomas Brandt said the harbour would reopen.\n\n"We have waited long enough for this."')
    (q,) = quotes
    assert said(text, q) == "the harbour would reopen"


def test_a_dateline_is_never_the_speaker(attribute):
    text, quotes, _ = attribute(
        "KELVARIN, May 4 (Harbour Wire) — A spokesman for the council said the harbour would reopen."
    )
    (q,) = quotes
    assert q.speaker.text == "A spokesman for the council" and q.speaker_key is None
    assert said(text, q) == "the harbour would reopen"
