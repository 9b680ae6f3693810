"""The word lists in graphbuild/lexicon overlap on purpose in a few places and must not in
others. These tests pin both, so that growing one list cannot silently change what another
rule means (a new cue that is also a title, a role noun that stops being stripped)."""

from graphbuild.lexicon import cues, names


def _w(text: str) -> set[str]:
    return set(text.split())


def test_cue_lists_nest():
    for part in (cues.CLAUSE_CUES, cues.TO_CUES, cues.OBJECT_CUES):
        assert part <= cues.ALL_CUES
    assert cues.SPEECH_CUES <= cues.FRAME_CUES  # next to a quote, only speech frames it
    assert not cues.ATTITUDE_CUES & cues.FRAME_CUES
    assert cues.NEEDS_PREDICATE | cues.PREP_CONTENT <= cues.OBJECT_CUES
    assert set(cues.CUE_PARTICLES) <= cues.ALL_CUES


def test_verbs_that_take_more_than_one_kind_of_content():
    # "warned that ..." and "warned X to ..."; "questioned whether ..." and "questioned the plan"
    assert (
        _w("advise agree ask demand hope pledge promise propose tell threaten urge vow warn wish")
        == cues.CLAUSE_CUES & cues.TO_CUES
    )
    assert (
        _w("""acknowledge admit announce confirm demand deny highlight mention predict propose question
            recall recommend recount reiterate repeat request reveal show urge""")
        == cues.CLAUSE_CUES & cues.OBJECT_CUES
    )
    assert _w("call decline demand propose urge") == cues.TO_CUES & cues.OBJECT_CUES


def test_documents_that_are_also_speech_verbs():
    assert _w("post report tweet") == cues.ALL_CUES & cues.DOCUMENTS


def test_speakers_for_others_are_also_person_titles_where_they_are_people():
    assert (
        _w("adviser advisor aide attorney lawyer official representative spokesman spokesperson spokeswoman")
        == cues.PERSON_TITLES & cues.REPRESENTATIVES
    )
    assert (
        _w("administration campaign department government ministry") == cues.ORGANIZATION_NOUNS & cues.REPRESENTATIVES
    )


def test_pronouns():
    assert not cues.MALE & cues.FEMALE
    assert cues.MALE | cues.FEMALE == cues.PERSON_PRONOUNS
    assert not cues.PERSON_PRONOUNS & cues.THING_PRONOUNS


def test_honorifics_and_roles_are_stripped_from_names():
    honorifics = {t.rstrip(".") for t in cues.MALE_TITLES | cues.FEMALE_TITLES}
    assert honorifics <= names.TITLES
    assert names.ROLES <= names.TITLES
    assert {t.rstrip(".") for t in cues.TITLE_ABBREVIATIONS} <= names.TITLES


def test_a_speech_cue_is_no_title_except_in_office_names():
    assert {"state"} == cues.ALL_CUES & names.TITLES  # "Secretary of State"


def test_name_lists_nest_and_stay_apart():
    assert names.ORG_WORDS <= names.OWNED_HEADS
    assert names.DETERMINERS <= names.FUNCTION_WORDS
    assert names.ORG_KEY_SKIP <= names.STOP_INITIALS
    assert _w("energy press") == names.ORG_WORDS & names.TITLES  # "Energy Secretary", "Press Secretary"
    assert not names.CALENDAR & (names.TITLES | names.ORG_WORDS)
    assert not names.PARTICLES & names.TITLES
