"""Attribution constructions of round two on the real spaCy pipeline (invented sentences):
attitude, intention and evidence cues, frames without a cue verb, content boundaries,
speakers that are no speaker (datelines, the one who was asked), and every quote's kind."""

from __future__ import annotations

import pytest

from graphbuild.graph.model import ATTITUDE, EVIDENCE, SPEECH
from tests.quotehelp import only, said


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "kind"),
    [
        (
            "Senator Maria Lindqvist believes that the harbour tax will fail.",
            "believes",
            "that the harbour tax will fail",
            ATTITUDE,
        ),
        ("Governor Peter Alves wants to close the old harbour by June.", "wants", "to close the old harbour", ATTITUDE),
        (
            "The Velmora Institute poll shows that most voters oppose the tax.",
            "shows",
            "that most voters oppose the tax",
            EVIDENCE,
        ),
        (
            "Investigators found that the bank had hidden the losses.",
            "found",
            "that the bank had hidden the losses",
            EVIDENCE,
        ),
        ("Peter Alves has denied all three allegations.", "denied", "all three allegations", SPEECH),
        ("Maria Lindqvist said the harbour would reopen in May.", "said", "the harbour would reopen in May", SPEECH),
    ],
)
def test_cue_verbs_and_their_kind(attribute, sentence, cue, content, kind):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.cue.text, q.kind) == (cue, kind)
    assert said(text, q).startswith(content)
    assert not q.direct


def test_a_speech_verb_is_evidence_from_a_finding_and_speech_from_a_statement(attribute):
    _, quotes = attribute("A study by the Velmora Institute suggests that the tax cost jobs.")
    assert only(quotes).kind == EVIDENCE
    _, quotes = attribute("The union said in a statement that the strike would continue.")
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, q.kind) == ("The union", "said", SPEECH)


def test_participles_and_cue_nouns_are_no_attributions(attribute):
    # removed on purpose: on PolNeAR train these were right less than half the time
    # (a message verb with a message noun is one: "made the case that ...", see below;
    # so is a cue noun with a holder, "His claim that ...": tests/test_attribution_held_nouns.py)
    # ("The union released a statement saying ..." is the union's: see the test of documents)
    for text in ("The claim that the port was losing money surprised the council.",):
        assert attribute(text)[1] == []


def test_according_to_a_survey_is_evidence(attribute):
    text, quotes = attribute("According to a survey by the Velmora Institute, most residents want a new bridge.")
    q = only(quotes)
    assert q.kind == EVIDENCE and said(text, q) == "most residents want a new bridge"


def test_attitude_adjective_and_agent_noun_after_be(attribute):
    text, quotes = attribute("Mayor Odile Brack is critical of the new stadium plan.")
    q = only(quotes)
    assert (q.cue.text, said(text, q), q.kind) == ("critical of", "the new stadium plan", ATTITUDE)
    assert q.speaker.text.endswith("Odile Brack")
    text, quotes = attribute("Councillor Jonas Weber is a vocal critic of the harbour tax.")
    q = only(quotes)
    assert (q.cue.text, said(text, q), q.kind) == ("critic of", "the harbour tax", ATTITUDE)


def test_relative_pronoun_speaker_is_its_antecedent(attribute):
    text, quotes = attribute("Peter Alves, who said the tax was unfair, left the meeting early.")
    q = only(quotes)
    assert q.speaker.text == "who" and q.speaker_key == "peter-alves"
    assert said(text, q) == "the tax was unfair"  # not "left the meeting early"


def test_the_one_who_was_asked_is_not_the_asker(attribute):
    text, quotes = attribute("Asked about the tax, Maria Lindqvist said the plan was sound.")
    q = only(quotes)
    assert q.cue.text == "said" and said(text, q) == "the plan was sound"


def test_content_stops_at_but(attribute):
    text, quotes = attribute("Maria Lindqvist said the tax was fair, but the council voted it down on Monday.")
    assert said(text, only(quotes)) == "the tax was fair"


def test_content_stops_before_the_speakers_next_act(attribute):
    text, quotes = attribute("Peter Alves said that the port would close, and then he left the hall.")
    assert said(text, only(quotes)) == "that the port would close"


def test_dateline_is_never_part_of_the_speaker(attribute):
    _, quotes = attribute("NORTHPORT (Reuters) - Maria Lindqvist said on Monday that the port would reopen.")
    q = only(quotes)
    assert q.speaker.text == "Maria Lindqvist" and q.speaker_key == "maria-lindqvist"


def test_content_after_a_cue_inside_a_relative_clause(attribute):
    text, quotes = attribute("Police seized a truck that prosecutors said was carrying stolen rifles.")
    q = only(quotes)
    assert q.speaker.text == "prosecutors" and said(text, q) == "was carrying stolen rifles"


def test_direct_quotes_are_speech(attribute):
    _, quotes = attribute("“We will win,” Maria Lindqvist said.")
    assert only(quotes).kind == SPEECH and quotes[0].direct


def test_a_purpose_is_no_statement(attribute):
    _, quotes = attribute("Peter Alves flew to Northport to discuss the harbour tax with Maria Lindqvist.")
    assert quotes == []
    _, quotes = attribute("Peter Alves agreed to discuss the harbour tax.")  # a cue's infinitive is one
    assert [q.cue.text for q in quotes] == ["agreed"]


def test_never_talking_about_someone_says_nothing_about_them(attribute):
    _, quotes = attribute("Peter Alves has never talked about Maria Lindqvist.")
    assert quotes == []
    _, quotes = attribute("Peter Alves talked about Maria Lindqvist on Monday.")
    assert [q.cue.text for q in quotes] == ["talked about"]


def test_parentheticals_are_speech_only(attribute):
    text, quotes = attribute("The bridge, Maria Lindqvist said, will pay for itself.")
    q = only(quotes)
    assert (q.cue.text, q.kind, said(text, q)) == ("said", SPEECH, "The bridge | will pay for itself")
    for text in (
        "The bridge, Maria Lindqvist thinks, will pay for itself.",
        "The bridge, the Velmora Institute survey shows, will pay for itself.",
    ):
        assert attribute(text)[1] == []


def test_responses_are_no_content(attribute):
    # the object of "responded to" is another's words ("discussed X", "challenged X", "voted
    # for X" in a clause of their own are statements: tests/test_attribution_stances.py)
    for text in ("Peter Alves responded to the harbour tax proposal.",):
        assert attribute(text)[1] == [], text


def test_content_stops_at_while(attribute):
    text, quotes = attribute("Maria Lindqvist said the tax was fair, while the council voted against it on Monday.")
    assert [(q.cue.text, said(text, q)) for q in quotes] == [("said", "the tax was fair"), ("voted", "it")]


def test_a_speech_participle_after_a_comma_starts_its_own_attribution(attribute):
    text, quotes = attribute("Peter Alves said the port would close, noting that the ferry would still run.")
    assert [(q.cue.text, said(text, q)) for q in quotes] == [
        ("said", "the port would close"),
        ("noting", "that the ferry would still run"),
    ]
    assert quotes[1].speaker_key == quotes[0].speaker_key == "peter-alves"


def test_one_word_content_is_a_name_or_pronoun_only(attribute):
    text, quotes = attribute("Governor Peter Alves praised Lindqvist.")
    q = only(quotes)
    assert (q.cue.text, said(text, q)) == ("praised", "Lindqvist")
    text, quotes = attribute("Maria Lindqvist praised him.")
    assert said(text, only(quotes)) == "him"
    # ("said so" / "said yes" are answers, content since round seven: 12 of 18 right on
    # PolNeAR train; tests/test_attribution_speaker_choice.py)
    assert attribute("Maria Lindqvist praised so.")[1] == []


def test_by_saying_takes_the_subject_of_the_verb_it_hangs_on(attribute):
    text, quotes = attribute("Maria Lindqvist replied by saying that the harbour tax was fair.")
    q = only(quotes)
    assert (q.cue.text, said(text, q)) == ("saying", "that the harbour tax was fair")
    assert q.speaker.text == "Maria Lindqvist"
    # "without saying" says nothing
    assert attribute("Maria Lindqvist left the hall without saying that the tax was fair.")[1] == []


def test_relative_that_describes_a_thing_and_is_no_statement(attribute):
    for text in (
        "The Velmora Group runs a website that calls itself the voice of the harbour.",
        "It was a debate that threatened to end the careers of both candidates.",
    ):
        assert attribute(text)[1] == [], text
    _, quotes = attribute("Peter Alves, who said the tax was unfair, left early.")
    assert only(quotes).speaker_key == "peter-alves"


def test_a_saying_verb_reports_a_message_noun_object_only(attribute):
    text, quotes = attribute("Maria Lindqvist noted her concern about the harbour tax.")
    q = only(quotes)
    assert (q.cue.text, said(text, q), q.kind) == ("noted", "her concern about the harbour tax", SPEECH)
    assert attribute("Peter Alves added a new title to his office door.")[1] == []


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Maria Lindqvist voiced concern that the bridge would fail.", "voiced concern", "that the bridge would fail"),
        ("Peter Alves made allegations against the Velmora Group.", "made allegations against", "the Velmora Group"),
        ("Maria Lindqvist offered an opinion on the harbour tax.", "offered an opinion on", "the harbour tax"),
        ("Maria Lindqvist made the case that the bridge would pay.", "made the case", "that the bridge would pay"),
    ],
)
def test_message_verbs_with_a_message_noun(attribute, sentence, cue, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.cue.text, said(text, q)) == (cue, content)


def test_a_bare_message_or_an_ordinary_object_reports_nothing(attribute):
    for text in (
        "The Velmora Group issued a statement on Monday.",
        "Peter Alves made a sandwich for the mayor.",
    ):
        assert attribute(text)[1] == [], text


def test_attitude_adjective_with_an_infinitive_is_no_attribution(attribute):
    assert attribute("Mayor Odile Brack is eager to build the new bridge.")[1] == []
    _, quotes = attribute("Mayor Odile Brack is sure that the bridge will pay for itself.")
    assert only(quotes).kind == ATTITUDE


def test_a_new_sentence_after_a_quote_is_not_its_frame(attribute):
    text, quotes = attribute(
        'Peter Alves said he did not "use it that much." According to harbour records, '
        "the ferry has sailed about 300 times since the vote in June."
    )
    acc = [q for q in quotes if q.cue.text == "According to"]
    assert len(acc) == 1 and said(text, acc[0]).startswith("the ferry has sailed about 300 times")
    assert acc[0].speaker.text == "harbour records"


def test_a_quote_ending_a_reported_clause_is_part_of_that_clause(attribute):
    text, quotes = attribute(
        'Peter Alves argued the new bridge, which few councillors support, "would not last ten years" '
        "without federal money."
    )
    q = only(quotes)
    assert q.cue.text == "argued" and q.direct
    assert (
        said(text, q)
        == 'the new bridge, which few councillors support, "would not last ten years" without federal money'
    )
    text, quotes = attribute('Maria Lindqvist said on Monday, "We will win."')
    assert said(text, only(quotes)) == "We will win."


def test_stance_verbs_with_an_object_from_a_named_holder(attribute):
    text, quotes = attribute("Governor Peter Alves supports the harbour tax.")
    q = only(quotes)
    assert (q.cue.text, said(text, q), q.kind) == ("supports", "the harbour tax", ATTITUDE)
    for text in (
        "Residents who support the harbour tax met on Monday.",
        "If you back the harbour tax, you pay more.",
    ):
        assert attribute(text)[1] == [], text


def test_a_saying_verb_with_a_plain_object_in_the_main_clause(attribute):
    text, quotes = attribute("Maria Lindqvist stressed the risks of the harbour tax.")
    q = only(quotes)
    assert (q.cue.text, said(text, q), q.kind) == ("stressed", "the risks of the harbour tax", SPEECH)
    for text in (
        "Peter Alves claimed victory in the harbour vote.",  # a sense with no message
        "Maria Lindqvist, who stressed the risks of the harbour tax, left early.",  # a description
    ):
        assert attribute(text)[1] == [], text


def test_desire_verbs_with_an_object(attribute):
    text, quotes = attribute("Maria Lindqvist wants a recount of the harbour vote.")
    q = only(quotes)
    assert (q.cue.text, said(text, q), q.kind) == ("wants", "a recount of the harbour vote", ATTITUDE)
    assert attribute("Maria Lindqvist, who wants a recount, met on Monday.")[1] == []  # a description


def test_a_participle_on_the_main_verb_reports_its_plain_object(attribute):
    text, quotes = attribute("Maria Lindqvist spoke in Northport on Monday, stressing the risks of the harbour tax.")
    q = only(quotes)
    assert (q.cue.text, said(text, q)) == ("stressing", "the risks of the harbour tax")
    assert q.speaker_key == "maria-lindqvist"


def test_a_passive_object_cue_with_a_by_agent(attribute):
    text, quotes = attribute("The harbour plan was praised by Governor Peter Alves on Monday.")
    q = only(quotes)
    assert (q.cue.text, said(text, q), q.kind) == ("praised", "The harbour plan", SPEECH)
    assert q.speaker_key == "peter-alves"
    assert attribute("The harbour plan was praised on Monday.")[1] == []


def test_a_cue_under_a_verb_of_aspect_or_attempt_keeps_its_subject(attribute):
    text, quotes = attribute("Maria Lindqvist continued to question whether the harbour tax was legal.")
    q = only(quotes)
    assert (q.cue.text, said(text, q)) == ("question", "whether the harbour tax was legal")
    assert q.speaker_key == "maria-lindqvist"
    text, quotes = attribute("Peter Alves went on to say that the bridge would close.")
    assert said(text, only(quotes)) == "that the bridge would close"
    assert attribute("Peter Alves arrived in Northport to discuss the harbour tax.")[1] == []  # a purpose


def test_a_headline_label_names_its_source(attribute):
    text, quotes = attribute("Lindqvist: Harbour tax will fail.\n\nThe council met on Monday in Northport.")
    q = only(quotes)
    assert (q.speaker.text, said(text, q), q.kind) == ("Lindqvist", "Harbour tax will fail.", SPEECH)
    text, quotes = attribute("Poll: Most voters oppose the harbour tax.\n\nThe council met on Monday.")
    assert (only(quotes).speaker.text, only(quotes).kind) == ("Poll", EVIDENCE)
    for text in (
        "Breaking: Harbour tax fails in council vote.\n\nThe council met on Monday.",  # a tag of the story
        "The council met.\n\nContributing: Peter Alves.",  # a field name in the body
    ):
        assert attribute(text)[1] == [], text


def test_verbs_of_regarding_need_their_predicate(attribute):
    text, quotes = attribute("Peter Alves views the harbour tax as a mistake.")
    q = only(quotes)
    assert (q.cue.text, said(text, q), q.kind) == ("views", "the harbour tax as a mistake", ATTITUDE)
    text, quotes = attribute("Maria Lindqvist cast herself as a reformer.")
    assert (said(text, only(quotes)), only(quotes).kind) == ("herself as a reformer", SPEECH)
    for text in (
        "Northport voters cast their ballots for Peter Alves.",  # no predicate: a vote
        "Maria Lindqvist considered a bid for the council.",
    ):
        assert attribute(text)[1] == [], text


def test_judgement_verbs(attribute):
    text, quotes = attribute("Maria Lindqvist chided the council for the delay.")
    q = only(quotes)
    assert (q.cue.text, q.kind) == ("chided", SPEECH) and "the council" in said(text, q)


def test_belief_verbs_with_an_object_from_a_named_holder(attribute):
    text, quotes = attribute("Governor Peter Alves sees a path to victory in the harbour vote.")
    q = only(quotes)
    assert (q.cue.text, said(text, q), q.kind) == ("sees", "a path to victory in the harbour vote", ATTITUDE)
    for text in (
        "Maria Lindqvist accepted the award on Monday.",  # a sense with no attitude
        "Peter Alves, who fears the harbour tax, met on Monday.",  # a description
    ):
        assert attribute(text)[1] == [], text


def test_an_as_aside_reports_the_clause_it_modifies(attribute):
    text, quotes = attribute("As Maria Lindqvist noted, the harbour tax raised less than planned.")
    q = only(quotes)
    assert (q.cue.text, said(text, q), q.speaker.text) == (
        "noted",
        "the harbour tax raised less than planned",
        "Maria Lindqvist",
    )
    text, quotes = attribute("The harbour tax raised less than planned, as the council report showed.")
    q = only(quotes)
    assert (said(text, q), q.kind) == ("The harbour tax raised less than planned", EVIDENCE)
    assert attribute("The harbour tax failed, as Peter Alves hoped.")[1] == []  # belief: no aside


@pytest.mark.parametrize(
    ("sentence", "cue", "kind"),
    [
        ("Peter Alves shouted that the harbour tax was theft.", "shouted", SPEECH),  # manner of speaking
        ("Maria Lindqvist reminded voters that the harbour tax was temporary.", "reminded", SPEECH),
        ("Peter Alves anticipated that the harbour tax would fail.", "anticipated", ATTITUDE),  # conjecture
    ],
)
def test_more_clause_cues_from_levins_classes(attribute, sentence, cue, kind):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.cue.text, q.kind) == (cue, kind) and said(text, q).startswith("that the harbour tax")


def test_a_past_participle_with_its_own_subject_is_a_past_tense(attribute):
    # (the tagger's slip, "cited" as VBN after its subject, comes from long news sentences
    # no short invented one reproduces; this checks the past tense and the bare participle)
    text, quotes = attribute("Peter Alves regularly cited Maria Lindqvist as a model mayor.")
    q = only(quotes)
    assert (q.cue.text, said(text, q)) == ("cited", "Maria Lindqvist as a model mayor")
    assert attribute("The plan, announced in May, was dropped.")[1] == []


def test_phrasal_verbs_of_speaking_out(attribute):
    text, quotes = attribute("Maria Lindqvist lashed out at the harbour board on Monday.")
    q = only(quotes)
    assert q.cue.text.startswith("lashed") and said(text, q).startswith("the harbour board")
    text, quotes = attribute("Peter Alves doubled down on his harbour tax plan.")
    assert said(text, only(quotes)) == "his harbour tax plan"
    assert attribute("Peter Alves spoke on the condition of anonymity.")[1] == []


def test_a_gerund_clause_after_a_clause_cue(attribute):
    text, quotes = attribute("Maria Lindqvist suggested raising the harbour tax next year.")
    q = only(quotes)
    assert (q.cue.text, said(text, q)) == ("suggested", "raising the harbour tax next year")
    text, quotes = attribute("The Northport council reported spending two million dollars on the harbour.")
    assert said(text, only(quotes)) == "spending two million dollars on the harbour"


def test_asked_by_an_agent_is_the_agents_question(attribute):
    text, quotes = attribute("Asked by a Northport reporter whether the harbour tax would pass, Peter Alves smiled.")
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q)) == (
        "a Northport reporter",
        "Asked",
        "whether the harbour tax would pass",
    )
    assert attribute("Asked whether the harbour tax would pass, Peter Alves smiled.")[1] == []


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Maria Lindqvist made it clear that the harbour tax would stay.", "made", "that the harbour tax would stay"),
        ("Peter Alves made clear that he would run again.", "made", "that he would run again"),
        ("Peter Alves has made no secret of his plans for the harbour.", "made", "his plans for the harbour"),
        ("Maria Lindqvist took issue with the harbour plan.", "took", "the harbour plan"),
        ("Peter Alves made no mention of the harbour tax.", "made", "the harbour tax"),
        ("Maria Lindqvist took a swipe at the port authority.", "took", "the port authority"),
        ("Peter Alves took credit for the new ferry line.", "took", "the new ferry line"),
    ],
)
def test_light_verb_cues(attribute, sentence, cue, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.cue.text.split()[0], said(text, q), q.kind) == (cue, content, SPEECH)


def test_light_verbs_without_their_word_say_nothing(attribute):
    for text in ("Maria Lindqvist made a cake for the harbour party.", "Peter Alves took the harbour ferry."):
        assert attribute(text)[1] == [], text


def test_a_document_put_out_carries_its_authors_words(attribute):
    text, quotes = attribute("The Northport council released a statement saying that the harbour would reopen.")
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q)) == (
        "The Northport council",
        "saying",
        "that the harbour would reopen",
    )
    text, quotes = attribute("Maria Lindqvist has released a video that accuses Peter Alves of hiding the losses.")
    q = only(quotes)
    assert q.speaker.text == "Maria Lindqvist" and said(text, q).endswith("of hiding the losses")


def test_went_on_to_is_no_purpose(attribute):
    text, quotes = attribute("Maria Lindqvist went on to explain that the harbour would close.")
    q = only(quotes)
    assert (q.cue.text, said(text, q), q.speaker.text) == ("explain", "that the harbour would close", "Maria Lindqvist")


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Maria Lindqvist has strong views on the harbour tax.", "has strong views on", "the harbour tax"),
        ("Peter Alves took a firm stance against the toll.", "took a firm stance against", "the toll"),
        ("Maria Lindqvist renewed her calls for a ferry inquiry.", "renewed her calls for", "a ferry inquiry"),
        ("Peter Alves leveled sharp attacks against the council.", "leveled sharp attacks against", "the council"),
    ],
)
def test_have_take_renew_level_pass_a_message(attribute, sentence, cue, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.cue.text, said(text, q)) == (cue, content)


def test_the_backing_one_has_is_not_ones_own_message(attribute):
    assert attribute("Maria Lindqvist has the support of the dock workers.")[1] == []


def test_a_control_adjective_keeps_its_subject_as_speaker(attribute):
    text, quotes = attribute("Peter Alves was quick to point out that the ferry had never sailed at a profit.")
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == ("Peter Alves", "that the ferry had never sailed at a profit")
    assert attribute("Peter Alves was unable to explain the losses at the harbour.")[1] == []


# --- round five (attrE) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "kind"),
    [
        (
            "Most voters in the region now oppose the harbour tax, a new Velmora Institute poll shows.",
            "shows",
            "Most voters in the region now oppose the harbour tax",
            EVIDENCE,
        ),
        (
            "The harbour tax will fail next year, Maria Lindqvist believes.",
            "believes",
            "The harbour tax will fail next year",
            ATTITUDE,
        ),
    ],
)
def test_a_frame_of_any_kind_closing_the_sentence_reports_it(attribute, sentence, cue, content, kind):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.cue.text, said(text, q), q.kind) == (cue, content, kind)


def test_an_opening_adjunct_is_no_content_of_a_later_finding(attribute):
    assert attribute("In the spring, the auditors found a gap in the accounts.")[1] == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "The council approved what Mayor Peter Alves called a reckless plan.",
            "Mayor Peter Alves",
            "what | a reckless plan",
        ),
        (
            "She attacked the harbour tax, which Senator Maria Lindqvist described as a burden on families.",
            "Senator Maria Lindqvist",
            "which | as a burden on families",
        ),
    ],
)
def test_a_relative_object_and_its_predicate(attribute, sentence, speaker, content):
    text, quotes = attribute(sentence)
    q = next(q for q in quotes if q.speaker.text == speaker)
    assert said(text, q) == content


def test_a_relative_object_without_a_predicate_is_no_attribution(attribute):
    # "which Roe denied" alone was right 7 times in 21 on PolNeAR train
    _, quotes = attribute("The council backed the harbour tax, which Peter Alves denied.")
    assert [q.speaker.text for q in quotes] == ["The council"]


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "content"),
    [
        (
            "The harbour plan was first reported by the Northport Gazette.",
            "the Northport Gazette",
            "reported",
            "The harbour plan",
        ),
        (
            "Maria Lindqvist is backed by most of the dock workers.",
            "most of the dock workers",
            "backed",
            "Maria Lindqvist",
        ),
    ],
)
def test_a_passive_cue_with_a_by_agent_is_the_agents(attribute, sentence, speaker, cue, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q)) == (speaker, cue, content)


def test_a_sentence_opening_in_a_poll_is_its_finding(attribute):
    text, quotes = attribute("In a Velmora Institute poll released on Sunday, the mayor led his rival by nine points.")
    q = only(quotes)
    assert (q.speaker.text, said(text, q), q.kind) == (
        "a Velmora Institute poll",
        "the mayor led his rival by nine points",
        EVIDENCE,
    )
    text, quotes = attribute("In her view, the harbour tax will never pass.")
    q = only(quotes)
    assert (q.speaker.text, said(text, q), q.kind) == ("her", "the harbour tax will never pass", ATTITUDE)


def test_polls_elsewhere_and_poll_answers_are_no_finding_of_the_poll(attribute):
    assert attribute("Peter Alves leads the race in the latest polls.")[1] == []
    # a named speaker in the poll story speaks for herself ("most voters said ..." is the
    # poll's: a share of those polled, round seven, tests/test_attribution_speaker_choice.py)
    _, quotes = attribute("In the poll, Maria Lindqvist said the tax was fair.")
    assert only(quotes).speaker.text == "Maria Lindqvist"


def test_called_for_someone_to_act_with_for_parsed_as_a_mark(attribute):
    text, quotes = attribute("Maria Lindqvist called for the council to drop the harbour tax.")
    q = only(quotes)
    assert (q.cue.text, said(text, q)) == ("called for", "the council to drop the harbour tax")


def test_a_reaction_drawn_from_someone_is_theirs_about_the_subject(attribute):
    text, quotes = attribute("The harbour plan drew sharp criticism from the dock workers.")
    q = only(quotes)
    assert (q.speaker.text, said(text, q)) == ("the dock workers", "The harbour plan")
    assert attribute("The harbour plan drew sharp criticism.")[1] == []


def test_a_relative_clause_of_a_named_body_is_its_statement(attribute):
    text, quotes = attribute(
        "The Northport Dockers Union, which endorsed Maria Lindqvist in May, said it would strike."
    )
    assert [(q.speaker.text, q.cue.text, said(text, q)) for q in quotes] == [
        ("which", "endorsed", "Maria Lindqvist"),
        ("The Northport Dockers Union", "said", "it would strike"),
    ]
    assert quotes[0].speaker_key == quotes[1].speaker_key is not None
    assert attribute("It was a debate that threatened to split the party.")[1] == []
    _, quotes = attribute("The Velmora Bank, which declined to comment, closed the branch.")
    assert [q.cue.text for q in quotes] == ["declined"]  # no "A, X said, B" frame around it


def test_an_infinitive_cue_in_a_who_clause_describes_the_person(attribute):
    assert attribute("She met Peter Alves, who has pledged to close the harbour.")[1] == []
    text, quotes = attribute("Peter Alves has pledged to close the harbour.")
    assert said(text, only(quotes)) == "to close the harbour"


def test_what_a_notice_reads_and_what_someone_bemoans(attribute):
    _, quotes = attribute('At the bottom the notice reads, "The harbour will close in May."')
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, q.direct) == ("the notice", "reads", True)
    text, quotes = attribute("Peter Alves bemoaned the state of the harbour.")
    assert said(text, only(quotes)) == "the state of the harbour"


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Maria Lindqvist weighed in on the harbour dispute.", "weighed in on", "the harbour dispute"),
        ("Peter Alves laid out a plan for the harbour.", "laid out", "a plan for the harbour"),
        ("The dock workers balked at the new contract.", "balked at", "the new contract"),
        ("Maria Lindqvist retweeted the council's message.", "retweeted", "the council's message"),
    ],
)
def test_more_phrasal_and_object_cues(attribute, sentence, cue, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.cue.text, said(text, q)) == (cue, content)


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Peter Alves is leery of the new harbour contract.", "leery of", "the new harbour contract"),
        ("Maria Lindqvist was upbeat about the harbour plan.", "upbeat about", "the harbour plan"),
    ],
)
def test_more_attitude_adjectives(attribute, sentence, cue, content):
    text, quotes = attribute(sentence)
    q = only(quotes)
    assert (q.cue.text, said(text, q), q.kind) == (cue, content, ATTITUDE)


def test_the_passive_of_a_feeling_is_the_attitude_of_its_subject(attribute):
    text, quotes = attribute("The dock workers were angered by the new contract.")
    q = only(quotes)
    assert (q.speaker.text, q.cue.text, said(text, q), q.kind) == (
        "The dock workers",
        "angered by",
        "the new contract",
        ATTITUDE,
    )
    assert attribute("The ferry was damaged by the storm.")[1] == []


def test_to_someone_opening_a_sentence_is_their_view(attribute):
    text, quotes = attribute("To Maria Lindqvist, the harbour tax is a trap.")
    q = only(quotes)
    assert (q.speaker.text, said(text, q), q.kind) == ("Maria Lindqvist", "the harbour tax is a trap", ATTITUDE)
    assert attribute("To the north, the harbour is closed.")[1] == []


def test_a_particle_cue_past_the_setting(attribute):
    text, quotes = attribute("Maria Lindqvist spoke at the harbour on Tuesday about the new ferry line.")
    assert said(text, only(quotes)) == "the new ferry line"
    assert attribute("Peter Alves campaigned in Northport on Friday.")[1] == []
