"""Cue lexicon for quote and reported-speech attribution (general English, no names).

Verbs are lemmas as spaCy's lemmatizer gives them. ``CLAUSE_CUES`` introduce what was
said as a clause ("said that ...", "warned the economy ..."); ``TO_CUES`` as an infinitive
("vowed to ...", "urged Congress to ..."); ``FRAME_CUES`` only attribute an adjacent direct
quote or a colon ("he continued: ..."), because on their own they are rarely speech.
"""
from __future__ import annotations

CLAUSE_CUES = frozenset("""
    say tell add note write state explain claim argue insist declare announce report warn
    acknowledge admit tweet recall confirm deny reply respond remark comment observe assert
    contend maintain emphasize emphasise stress predict suggest concede complain allege
    charge testify boast joke quip muse caution conclude reveal disclose mention answer
    agree repeat reiterate inform assure promise pledge vow threaten hint signal counter
    retort protest lament acknowledge show find indicate estimate believe think argue
    post write declare proclaim recount speculate posit theorize theorise predict forecast
    point explain clarify underline underscore highlight concur guarantee swear affirm
    reaffirm contend complain grumble brag concede acknowledge ask wonder question
""".split())

TO_CUES = frozenset("""
    promise pledge vow threaten urge call ask demand propose refuse decline plan
    vow offer encourage instruct advise order warn tell
""".split())

FRAME_CUES = CLAUSE_CUES | frozenset("""
    continue begin start shout yell scream cry exclaim chant sing whisper mutter murmur
    sigh laugh snap interrupt interject put
""".split())

# "called for X" / "called on X to ..." / "pointed out that ...": the particle or
# preposition belongs to the cue.
CUE_PARTICLES = {"call": ("for", "on"), "point": ("out", "to"), "warn": ("against", "of")}

# Speaker nouns that are roles of a person, so "the senator said" can be resolved to
# the right named person from context.
PERSON_TITLES = frozenset("""
    president senator governor candidate nominee minister secretary chancellor premier
    congressman congresswoman representative lawmaker mayor leader chairman chairwoman
    chair director ambassador spokesman spokeswoman spokesperson businessman businesswoman
    mogul billionaire ceo founder general commander judge justice prosecutor attorney
    lawyer official aide adviser advisor diplomat chief king queen prince princess pope
    actor actress singer star host anchor author economist analyst professor doctor
    coach manager owner officer sheriff detective commissioner pastor reverend
    republican democrat democratic frontrunner front-runner incumbent challenger
    husband wife son daughter father mother brother sister man woman
""".split())

# Nouns for someone speaking for an organization or person: "a White House spokesman said"
# is attributed to the White House when no named person is given.
REPRESENTATIVES = frozenset("""
    spokesman spokeswoman spokesperson spokespeople representative campaign aide aides
    office official officials team administration government ministry department staff
    lawyer lawyers attorney attorneys adviser advisers advisor advisors
""".split())

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
PERSON_PRONOUNS = MALE | FEMALE
THING_PRONOUNS = frozenset({"it", "its"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord"})
FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame", "lady"})

# Abbreviated titles before names: "Sen. Smith" is "the senator".
TITLE_ABBREVIATIONS = {"sen.": "senator", "gov.": "governor", "rep.": "representative",
                       "pres.": "president", "gen.": "general", "sec.": "secretary",
                       "lt.": "lieutenant", "col.": "colonel", "dr.": "doctor"}

# Things that speak for whoever made them: "a Bloomberg poll shows ...".
DOCUMENTS = frozenset("""
    report poll study survey statement video ad advertisement letter memo analysis filing
    complaint lawsuit documents document transcript release tweet post article editorial
    column book interview website account spot clip investigation review audit
""".split())
