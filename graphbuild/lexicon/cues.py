"""Cue lexicon for quote and reported-speech attribution: general English, no names.

Verbs are lemmas as spaCy's lemmatizer gives them. What a cue reports is a clause for
``CLAUSE_CUES`` ("said that ...", "warned the economy ..."), an infinitive for ``TO_CUES``
("vowed to ...", "urged Congress to ..."), an object for ``OBJECT_CUES`` ("cited the
figure", "called X a Y"). ``FRAME_CUES`` also include verbs that are speech only next to a
quote ('"...," he continued').
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CLAUSE_CUES = _words("""
    say tell add note write state explain claim argue insist declare announce report warn
    acknowledge admit tweet post recall recount confirm deny reply respond answer remark
    comment observe assert contend maintain affirm reaffirm emphasize emphasise stress
    underline underscore highlight clarify predict forecast speculate posit theorize
    theorise estimate suggest hint signal indicate show find reveal disclose mention
    concede concur agree complain grumble lament protest allege charge testify boast brag
    joke quip muse caution conclude repeat reiterate inform assure guarantee swear promise
    pledge vow threaten counter retort proclaim point believe ask wonder question
""")

TO_CUES = _words("""
    promise pledge vow threaten urge call ask demand propose refuse decline plan offer
    encourage instruct advise order warn tell
""")

OBJECT_CUES = _words("""
    cite call describe criticize criticise attack blast condemn praise mention reference
    endorse express reject highlight question defend invoke mock accuse slam denounce
    applaud dismiss deride label brand dub characterize characterise liken
""")
NEEDS_PREDICATE = _words("call label brand dub")  # "called X a Y", not "called X"
PREP_CONTENT = _words("accuse")  # "accused X of Y": what was said is "of Y"

ALL_CUES = CLAUSE_CUES | TO_CUES | OBJECT_CUES
FRAME_CUES = ALL_CUES | _words("""
    continue begin start shout yell scream cry exclaim chant sing whisper mutter murmur
    sigh laugh snap interrupt interject put
""")

# "called for X", "called on X to ...", "pointed out that ...": part of the cue.
CUE_PARTICLES = {"call": ("for", "on"), "point": ("out", "to"), "warn": ("against", "of")}

# Role nouns of a person: "the senator said" is resolved to a named person from context.
PERSON_TITLES = _words("""
    president senator governor candidate nominee minister secretary chancellor premier
    congressman congresswoman representative lawmaker mayor leader chairman chairwoman
    chair director ambassador spokesman spokeswoman spokesperson businessman businesswoman
    mogul billionaire ceo founder general commander judge justice prosecutor attorney
    lawyer official aide adviser advisor diplomat chief king queen prince princess pope
    actor actress singer star host anchor author economist analyst professor doctor
    coach manager owner officer sheriff detective commissioner pastor reverend
    republican democrat democratic frontrunner front-runner incumbent challenger
    husband wife son daughter father mother brother sister man woman
""")
# Abbreviated titles before names: "Sen. Smith" is "the senator".
TITLE_ABBREVIATIONS = {
    "sen.": "senator",
    "gov.": "governor",
    "rep.": "representative",
    "pres.": "president",
    "gen.": "general",
    "sec.": "secretary",
    "lt.": "lieutenant",
    "col.": "colonel",
    "dr.": "doctor",
}

# Someone speaking for an organization or person: "a Northwind Bank spokesman said" is the
# bank's word when no named person is given.
REPRESENTATIVES = _words("""
    spokesman spokeswoman spokesperson spokespeople representative campaign aide aides
    office official officials team administration government ministry department staff
    lawyer lawyers attorney attorneys adviser advisers advisor advisors
""")
# Things that speak for whoever made them: "a Bloomberg poll shows ...".
DOCUMENTS = _words("""
    report poll study survey statement video ad advertisement letter memo analysis filing
    complaint lawsuit documents document transcript release tweet post article editorial
    column book interview website account spot clip investigation review audit research
    figures data
""")
# Nouns for an organization already introduced: "the newspaper reported".
ORGANIZATION_NOUNS = _words("""
    newspaper paper agency company firm network broadcaster channel magazine outlet ministry
    department group organization organisation committee party union bank court council
    institute university government administration campaign commission board
""")

MALE = _words("he him his himself")
FEMALE = _words("she her hers herself")
PERSON_PRONOUNS = MALE | FEMALE
THING_PRONOUNS = _words("it its")
RELATIVE_PRONOUNS = _words("who which that")
MALE_TITLES = _words("mr mr. sir lord")
FEMALE_TITLES = _words("mrs mrs. ms ms. miss madam dame lady")
