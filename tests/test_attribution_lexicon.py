"""The cue lexicon's kinds (speech, attitude, evidence) overlap only where a word is both:
these tests pin the overlaps, so that growing one list cannot silently change the kind
another rule gives."""

from graphbuild.lexicon import cues


def _w(text: str) -> set[str]:
    return set(text.split())


def test_attitude_verbs_are_no_speech_verbs():
    attitude = cues.ATTITUDE_CLAUSE | cues.ATTITUDE_TO
    assert not attitude & cues.SPEECH_CUES
    assert attitude <= cues.ATTITUDE_CUES


def test_evidence_verbs_that_are_also_speech():
    # "the senator suggested ..." is speech, "the study suggests ..." evidence
    assert _w("confirm indicate reveal suggest") == cues.EVIDENCE_CLAUSE & cues.SPEECH_CUES
    assert not cues.EVIDENCE_ALWAYS & cues.SPEECH_CUES
    assert cues.EVIDENCE_ALWAYS <= cues.EVIDENCE_CLAUSE


def test_findings_are_documents_except_raw_numbers():
    # a finding speaks for whoever made it (DOCUMENTS) and as evidence (EVIDENCE_NOUNS)
    both = cues.EVIDENCE_NOUNS & cues.DOCUMENTS
    assert _w("poll study survey report analysis research investigation review audit data figures") == both


def test_attitude_predicates_are_not_verbs():
    # "an advocate of Y" (noun) and "advocated Y" (verb)
    assert {"advocate"} == (cues.ATTITUDE_ADJECTIVES | cues.ATTITUDE_AGENTS) & cues.ALL_CUES
    assert not cues.ATTITUDE_ADJECTIVES & cues.ATTITUDE_AGENTS


def test_lemma_fixes_land_on_cues():
    assert set(cues.LEMMA_FIXES.values()) <= cues.ALL_CUES
    assert not set(cues.LEMMA_FIXES) & cues.ALL_CUES
