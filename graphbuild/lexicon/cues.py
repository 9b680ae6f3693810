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


# Verb classes after Levin (1993), *English Verb Classes and Alternations*: verbs of saying
# (37.7), manner of speaking (37.3), instrument of communication (37.4), complaint (37.8),
# advice (37.9), declaring (29.4), judgement (33) and chit-chat (37.6); attitude verbs are
# the psych, desire and conjecture classes (29.5, 31.2, 32.1); evidence verbs report what a
# document or a finding shows. Each class is listed under what its cue reports: a clause,
# an infinitive, an object or a prepositional object. Attitude verbs take a clause or an
# infinitive only: with a bare object ("supports the bill") they are too often no
# attribution at all.

# --- speech ---------------------------------------------------------------------------------
SPEECH_CLAUSE = _words("""
    say tell add note write state explain claim argue insist declare announce report warn
    acknowledge admit tweet post recall recount confirm deny reply respond answer remark
    comment observe assert contend maintain affirm reaffirm emphasize emphasise stress
    underline underscore highlight clarify predict forecast speculate posit theorize
    theorise estimate suggest hint signal indicate reveal disclose mention
    concede concur agree complain grumble lament protest allege charge testify boast brag
    joke quip muse caution conclude repeat reiterate inform assure guarantee swear promise
    pledge vow threaten counter retort proclaim point ask wonder question opine
    email text imply stipulate specify demand propose recommend urge advise request
    rule decree determine reason telegraph preach lecture remind confide
    gripe grouse carp whine moan
""")
# Manner of speaking (Levin 37.3): a cue with a clause ("shouted that ...", "whispered
# that ..."); next to a quote they are frames (FRAME_CUES).
MANNER_CLAUSE = _words("""
    shout yell scream whisper mutter murmur mumble bark bellow holler roar snap snarl growl
    stammer stutter thunder exclaim cry
""")
SPEECH_TO = _words("""
    promise pledge vow threaten urge call ask demand propose refuse decline offer
    encourage instruct advise order warn tell agree
""")
# Not object cues: topic and rejoinder verbs ("discussed X", "addressed X", "challenged X",
# "disputed X"), whose object is a subject matter or someone else's claim, not what was said
# (a cue in a clause of their own only: TOPIC_OBJECT, REJOINDER_OBJECT).
SPEECH_OBJECT = _words("""
    cite call describe criticize criticise attack blast condemn praise mention reference
    endorse express reject highlight question defend invoke mock accuse slam denounce
    applaud dismiss deride label brand dub characterize characterise liken deny
    portray depict outline detail quote echo repeat recount reiterate
    announce demand request recommend propose urge blame thank congratulate credit decry
    lambaste castigate chastise rebuke reprimand scold bash ridicule taunt insult bemoan
    refute rebut contradict tout promote advocate
    acknowledge admit confirm predict recall condemn hail laud commend salute fault
    disparage belittle denigrate malign smear disavow repudiate renounce decline
    assail censure chide compliment excoriate extol impugn reproach reprove upbraid vilify retweet
    slander defame lionize herald
""")
# verb -> prepositions or particles whose object is what was said ("called for X", "talked
# about X", "pointed out that ..."): part of the cue. Not here: actions and reactions ("voted for X",
# "sided with X", "responded to X"), whose object is no content of anything said.
SPEECH_PREPS = {
    "call": ("for", "on"),
    "point": ("out", "to"),
    "warn": ("against", "of", "about"),
    "talk": ("about", "of"),
    "speak": ("about", "of", "against"),
    "refer": ("to",),
    "push": ("for",),
    "campaign": ("for", "against", "on"),
    "argue": ("for", "against"),
    "advocate": ("for",),
    "lobby": ("for", "against"),
    "rail": ("against",),
    "complain": ("about", "of"),
    "apologize": ("for",),
    "apologise": ("for",),
    "comment": ("on",),
    "testify": ("about", "on"),
    "boast": ("about", "of"),
    "brag": ("about",),
    "joke": ("about",),
    "write": ("about", "of"),
    "tweet": ("about",),
    "insist": ("on",),
    "object": ("to",),
    "hint": ("at",),
    "ask": ("for", "about"),
    "plead": ("for",),
    "appeal": ("for",),
    "agree": ("with", "on"),
    "disagree": ("with",),
    # phrasal verbs of speaking out: "lashed out at X", "ripped into X", "doubled down on X"
    "lash": ("at",),
    "rip": ("into",),
    "vouch": ("for",),
    "sound": ("on",),
    "double": ("on",),
    "weigh": ("on",),  # "weighed in on X"
    "lay": ("out",),  # "laid out a plan"
    "opine": ("on", "about"),
    "balk": ("at",),
    "scoff": ("at",),
    "bristle": ("at",),
}
# Judgement verbs (Levin 33) among the speech cues: "from" after what they judge tells where
# the judging came from ("attacked Roe from the Senate floor"), not what was said.
JUDGEMENT_VERBS = _words("""
    abuse acclaim applaud assail attack bash blame blast castigate censure chastise chide commend
    compliment condemn criticize criticise decry denounce deride disparage excoriate fault hail
    lambaste laud mock praise rebuke reprimand reproach ridicule salute scold slam upbraid vilify
""")

# Verbs of asking, whose "if" / "whether" clause is the question asked ("asked Roe if she
# would run"), which the parser often reads as a condition (an adverbial clause).
QUESTION_VERBS = _words("ask wonder question inquire enquire query")

# --- attitude and intention -------------------------------------------------------------------
ATTITUDE_CLAUSE = _words("""
    think believe know feel fear hope expect worry doubt suspect realize realise recognize
    recognise understand assume presume reckon figure guess imagine wish bet trust learn
    remember regret accept sense see hear suppose surmise conjecture hypothesize foresee
    anticipate envision envisage
""")
ATTITUDE_TO = _words("""
    want hope plan intend seek aim wish prefer decide choose like love hate strive
""")
# Adjectives of attitude after "be" ("X is critical of Y", "X is sure that ...").
ATTITUDE_ADJECTIVES = _words("""
    critical supportive skeptical sceptical wary suspicious confident sure certain convinced
    concerned worried afraid fearful aware hopeful optimistic pessimistic adamant eager
    willing ready determined reluctant unwilling keen hesitant angry upset unhappy happy
    pleased proud disappointed frustrated furious outraged opposed committed dismissive
    doubtful mistrustful fond uneasy nervous anxious grateful thankful open resistant
    leery enamored impressed surprised shocked upbeat bullish bearish dismayed alarmed
    troubled encouraged heartened appalled disgusted thrilled delighted excited
    enthusiastic outspoken vocal
""")
# Verbs of causing a feeling whose passive subject holds it (Levin 31.1, amuse verbs):
# "X is worried about Y", "X was disappointed by Y", "X is concerned that ...".
PSYCH_VERBS = _words("""
    worry concern disappoint frustrate anger upset impress surprise shock alarm trouble
    dismay encourage hearten appall disgust thrill delight excite offend outrage bother
    annoy irritate scare frighten enrage infuriate
""")
# Nouns of someone holding an attitude ("X is a critic of Y", "an early backer of Y").
ATTITUDE_AGENTS = _words("""
    critic supporter backer advocate proponent opponent champion defender fan admirer
    detractor foe enemy ally skeptic sceptic
""")

# --- evidence ---------------------------------------------------------------------------------
EVIDENCE_CLAUSE = _words("show find indicate demonstrate prove reveal suggest confirm")
# Only these are evidence whatever their subject; the others are when a document says so.
EVIDENCE_ALWAYS = _words("show find demonstrate prove")

# Verbs of aspect (Levin 55.1), attempt and seeming whose infinitive keeps their subject
# ("X continued to question whether ...", "X went on to say ...", "X seemed to suggest
# ..."): the cue under them is still X's statement, not a purpose.
ASPECT_VERBS = _words("""
    continue begin start keep resume proceed go try attempt struggle strive seem appear
    manage hasten rush dare
""")

# Control adjectives whose infinitive is their subject's act ("X was quick to say ...",
# "X is likely to argue ..."); not those that deny it ("unable to", "reluctant to").
CONTROL_ADJECTIVES = _words("quick likely set poised bound careful willing ready happy glad eager keen sure certain")
# Verbs of perception (Levin 30.1 see, 30.2 sight) and "leave" whose object does what a
# participle right after it says ("saw the mayor defending X", "left voters wondering
# whether ..."): the object is the participle's subject.
PERCEIVED_DOING = _words("see watch hear find notice observe catch spot leave")

CLAUSE_CUES = SPEECH_CLAUSE | MANNER_CLAUSE | ATTITUDE_CLAUSE | EVIDENCE_CLAUSE
TO_CUES = SPEECH_TO | ATTITUDE_TO
# Verbs of stance for or against someone or something ("supports the bill", "opposes
# Roe"): attitude with a bare object, a cue only when a person or a body holds it.
STANCE_OBJECT = _words("support oppose back favor favour")
# Stance verbs with no sense of material help or of benefit ("supports the roof", "backed
# the loan", "the map favors Roe"): a stance wherever they stand ("voters who oppose X").
STANCE_ONLY = _words("oppose")
# Verbs of stating a topic, whose object is what was talked about or set out: "discuss"
# (VerbNet discuss-37.5), "list" (like "outline", "detail"), "compare" (like "liken"),
# "name" and "identify" (Levin 29.3 dub and 29.2 characterize: "named X as Y"). Speech;
# a cue in the main clause only (:mod:`graphbuild.attribution.stances`).
TOPIC_OBJECT = _words("discuss list compare identify name address unveil")
# Verbs of answering someone's claim or act, whose object is that claim or act: "challenged
# the figures", "disputed the account" (contesting a claim is a statement against it), and
# "welcomed the decision" (a judgement, like "hail" and "applaud"). Speech, where
# ``TOPIC_OBJECT`` is a cue.
REJOINDER_OBJECT = _words("challenge dispute welcome")
# verb -> prepositions whose object is what a stance or an act of stating is about ("voted
# against X", "focused on X"), where ``TOPIC_OBJECT`` is a cue. A vote acts on a stance:
# attitude (VOTE_VERBS); "focused on" a topic is speech.
TOPIC_PREPS = {"vote": ("for", "against"), "focus": ("on",)}
VOTE_VERBS = _words("vote")
# Of those, verbs with a sense whose object is someone or a gathering, not a topic
# ("addressed the rally", "addressed voters"): no cue with such an object. (Not
# "challenge": "challenged Roe to a debate", "challenged Roe on the tax" are statements.)
AUDIENCE_SENSES = _words("address")
PERSON_OBJECTS = _words("him her them me us you")
# Nouns of people gathered or addressed together (after WordNet's noun.group sense of
# a gathering): "addressed the crowd", "addressed a rally".
GATHERING_NOUNS = _words("""
    rally rallies crowd crowds audience audiences gathering gatherings convention conference
    meeting assembly gala dinner luncheon breakfast summit forum event supporters voters
    delegates members students graduates congregation party parties session nation
""")
# Verbs of desire (Levin 32.1) whose object is what is wanted ("Roe wants a recount"): a
# cue with a bare object in the same places as saying verbs.
DESIRE_OBJECT = _words("want prefer wish seek")
# Verbs of regarding someone as something (Levin 29.2 characterize, 29.9 consider):
# "views X as a threat", "considers X a friend"; an attitude with the predicate only
# ("considered a bid" is no judgement; not "judge", also a title). Speech for those that
# present it to others ("cast X as Y", "painted X as Y", "billed X as Y").
REGARD_OBJECT = _words("regard view consider deem perceive picture")
PRESENT_OBJECT = _words("cast paint bill")
# Attitude verbs whose bare object is what is believed or felt ("sees a path to victory",
# "fears the toll"), in the same places as desire verbs; not those with a common sense in
# which the object is no attitude: "accepted the award", "knew him for years", "learned
# French", "heard the speech", "remembers the town", "it worries voters" (the one worried
# is the object).
BELIEF_OBJECT = ATTITUDE_CLAUSE - _words("accept know learn hear remember worry")
OBJECT_CUES = SPEECH_OBJECT | _words("show reveal") | STANCE_OBJECT | REGARD_OBJECT | PRESENT_OBJECT
# Verbs whose object is the one spoken to ("told him", "warned them"), not what was said.
ADDRESSEE_VERBS = _words("tell ask inform assure warn remind caution advise urge lecture email text question")
# Verbs that pass a message on ("voiced concern", "offered condolences", "raised
# questions", "issued a warning"): a cue only with a message noun as object.
MESSAGE_VERBS = _words(
    "voice share deliver issue raise offer make give express extend convey send lay air renew level have take"
)
# Nouns of backing: 'X has the support of Y' is Y's stance, not X's ("had support for Y" is X's).
RECEIVED_NOUNS = _words("support endorsement backing approval confidence appeal blessing trust")
# Saying verbs with a common sense in which the object is no message: "added a floor",
# "maintains a lead", "claimed victory", "posted a loss", "wrote a book".
OBJECT_SENSES = _words("add maintain claim post write")
# Nouns of what is communicated (after WordNet's noun.communication and the nouns of
# stance and feeling that are voiced): "noted her concern", "stressed the message". A
# saying verb with such an object reports it; with another object it is often no
# statement ("added a job title", "maintains a lead", "claimed victory").
MESSAGE_NOUNS = _words("""
    message statement comment comments remark remarks thanks gratitude condolence condolences
    apology praise criticism criticisms concern concerns support opposition view views
    position opinion opinions belief beliefs argument arguments case claim claims charge
    charges allegation allegations accusation accusations warning warnings threat threats
    promise promises pledge demand demands call request appeal plea proposal proposals idea
    ideas question questions answer response reply objection objections complaint complaints
    grievance grievances doubt doubts fear fears hope hopes frustration anger outrage
    disappointment regret regrets sympathy congratulations endorsement approval disapproval
    denial confidence desire intention commitment determination point points fact facts
    need importance necessity urgency willingness reluctance readiness intent wish wishes
    plan plans vision priorities priority stance assessment analysis prediction belief
    theory explanation excuse defense defence rationale reason reasons concession admission
    attack attacks words
""")
# Cue nouns whose holder is named on them ("Roe's claim that ...", "her attack on Y",
# "a claim by Roe that ..."): the message nouns that someone holds or voices, and the
# nominalized judgement verbs (Levin 33: "critique", "condemnation"), less those that are
# no one's words or stance ("the city's need for water", "its importance").
HELD_NOUNS = MESSAGE_NOUNS - _words("fact facts need importance necessity urgency words point points") | _words("""
    assertion suggestion contention insistence conclusion recommendation announcement
    declaration critique critiques embrace broadside condemnation denunciation rebuke
    backing endorsements
""")
# Cue nouns of a stance, feeling or intention: an attitude, not speech ("her support for
# Y", "his fear that ...", "their opposition to Y").
ATTITUDE_NOUNS = _words("""
    support opposition view views position positions opinion opinions belief beliefs
    concern concerns doubt doubts fear fears hope hopes frustration anger outrage
    disappointment regret regrets sympathy approval disapproval confidence desire
    intention commitment determination willingness reluctance readiness intent wish
    wishes plan plans vision priority priorities stance embrace backing
""")
# Cues whose passive subject is what the "by" agent said, backs or regards ("Y was praised
# by X", "Y is backed by X", "Y was first reported by X", "Y was seen by X as Z").
AGENT_CUES = SPEECH_OBJECT | STANCE_OBJECT | REGARD_OBJECT | _words("report see")
CUE_PARTICLES = SPEECH_PREPS
AS_PREDICATE = REGARD_OBJECT | PRESENT_OBJECT  # whose predicate is "as Y" or a noun or adjective
NEEDS_PREDICATE = _words("call label brand dub") | AS_PREDICATE  # "called X a Y", not "called X"
NAMING = NEEDS_PREDICATE - AS_PREDICATE  # Levin 29.3 dub verbs: "called X Y"
RELEASE_VERBS = _words("release post publish")  # "released a statement: ..." (with MESSAGE_VERBS)
PREP_CONTENT = _words("accuse")  # "accused X of Y": what was said is "of Y"
# Prepositions whose gerund's doer is the subject of the clause ("took the rare step of
# announcing", "turned to criticizing", "was loud in denouncing"); not "for",
# "from", "into" (object control: "praised X for backing", "kept X from saying"),
# "without" (what was left unsaid), nor the comparisons "than" / "as".
SUBJECT_GERUND_PREPS = _words("""
    of in on to by against about after before while when despite through upon
""")

SPEECH_CUES = SPEECH_CLAUSE | MANNER_CLAUSE | SPEECH_TO | SPEECH_OBJECT | PRESENT_OBJECT | frozenset(SPEECH_PREPS)
ATTITUDE_CUES = (
    ATTITUDE_CLAUSE | ATTITUDE_TO | STANCE_OBJECT | DESIRE_OBJECT | REGARD_OBJECT | VOTE_VERBS
) - SPEECH_CUES
ALL_CUES = CLAUSE_CUES | TO_CUES | OBJECT_CUES | frozenset(CUE_PARTICLES)
# Next to a quote only speech frames it ('"...," he continued'; not '"...," he hopes').
FRAME_CUES = SPEECH_CUES | _words("""
    continue begin start shout yell scream cry exclaim chant sing whisper mutter murmur
    sigh laugh snap interrupt interject put read
""")
# The lemmatizer's slips on cue words ("hoping" -> "hop").
LEMMA_FIXES = {"hop": "hope", "hoped": "hope", "retweete": "retweet"}

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
# Findings that speak as evidence: "the data show ...", "a survey found ...".
EVIDENCE_NOUNS = _words("""
    poll polls study studies survey surveys analysis research investigation review audit
    report reports
    data figure figures number numbers result results record records evidence finding
    findings estimate estimates projection projections model models test tests exit count
    tally sample statistics census
""")
# Findings that a sentence can be "in" ("In the latest poll, ..."): evidence, as with
# "according to the poll".
FINDING_DOCUMENTS = _words("""
    poll polls study studies survey surveys analysis research investigation review audit
    report reports
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
PERSONAL_SUBJECTS = _words("he she they we i")  # a subject that is someone: "he noticed that ..."
FUTURE_AUX = _words("will 'll shall")  # "X will say ...": a prediction, not a statement
MALE_TITLES = _words("mr mr. sir lord")
FEMALE_TITLES = _words("mrs mrs. ms ms. miss madam dame lady")
# Adverbs singling out a part of a noun phrase ("the efforts, particularly the plans ..."):
# what follows goes on with it.
SINGLING_OUT = _words("particularly especially including notably mainly chiefly")
