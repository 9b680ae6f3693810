"""Word lists for names: titles and honorifics, organization words, company designators,
name particles, function and calendar words. Plain general English (and common name
particles of other languages); no names of people or organizations.

Lists are written as one string and split, so a reader can scan them.
"""

from __future__ import annotations

# Words that introduce a person's name but are not part of it: honorifics, offices, ranks,
# and the department words of multi-word offices ("Secretary of State", "Homeland Security").
TITLES = frozenset(
    """
mr mrs ms miss mister madam dr doctor prof professor sir dame lord lady hon honorable honourable
president vice prime premier minister ministers secretary chancellor ayatollah grand supreme leader
sen senator rep representative congressman congresswoman assemblyman gov governor lt lieutenant
gen general col colonel maj major capt captain cmdr commander sgt sergeant adm admiral cpl pvt
brig brigadier marshal field officer chief judge justice king queen prince princess emir sheikh
sheik sultan crown imam mullah rabbi rev reverend father pope cardinal bishop archbishop pastor
chairman chairwoman chairperson chair ceo cfo coo cto director ambassador envoy mayor attorney
speaker spokesman spokeswoman spokesperson coach commissioner deputy acting former adviser
advisor counselor counsel executive managing press state defense defence homeland security
treasury foreign interior finance affairs intelligence trade commerce energy labor
labour health education agriculture transportation transport veterans national
president-elect pres first vp sec superintendent inspector detective constable agent
treasurer comptroller auditor solicitor prosecutor economist analyst strategist editor
correspondent reporter columnist anchor host manager founder cofounder co-founder owner head
boss striker midfielder defender goalkeeper skipper chef author singer actor actress
mp mep msp
star champion player writer producer composer conductor artist lawyer dean provost
""".split()
)
# Honorifics: the name after one is a person's, whatever the NER tagged ("Mr Brack").
HONORIFICS = frozenset("mr mrs ms miss mister madam dr sir dame lady".split())
# Words right after a name that show an organization: "Quarrow MPs", "Quarrow shareholders".
ORG_AFTER = frozenset(
    """mp mps msp msps mep meps shares shareholders stockholders headquarters subsidiary subsidiaries
manager boss fans players striker midfielder defender goalkeeper skipper squad
frontman frontwoman guitarist bassist drummer""".split()
)
# Nouns right before a name that make it an organization's: "the band Quellbrook", "the
# firm Zentrix", "rock group Vela".
ORG_NOUNS = frozenset("""band group firm company club carrier airline retailer insurer label conglomerate""".split())
# Verb forms that agree with a plural subject: a name with no plural form before one is a
# group's ("Quellbrook have sold out", "Quellbrook, who are ...").
PLURAL_VERBS = frozenset({"are", "have", "were"})
# Nouns after "X's" that show an organization: "Quarrow's chief executive", "Quarrow's shares".
ORG_POSSESSED = frozenset(
    """chief executive executives shares shareholders headquarters subsidiary subsidiaries board
profits profit assets stake management manifesto""".split()
)
# Nouns before "in"/"of" X that show an organization: "shares in Quarrow", "a stake in Quarrow".
ORG_BEFORE = frozenset("shares stake stakes shareholders takeover".split())
# Pronouns after "X said"/"X says" that settle the type: "Quarrow said its", "Brack said he"
# ("Brack said it was ..." is common, so "it" is no marker).
ORG_PRONOUNS = frozenset({"its"})
PERSON_PRONOUNS = frozenset({"he", "she", "his", "her"})
# Words that end organization names, not people's: a "PERSON" ending in one is an
# organization ("Daleford Railways", "Quarrow Labs").
ORG_WORDS = frozenset(
    """
bank banks group labs laboratories railway railways airline airlines airways motors motor
communications magazine times post journal news press television tv radio network
networks university college school institute foundation council association society party
league club fund trust capital partners securities insurance energy oil gas petroleum coal
steel power pharmaceuticals pharma systems technologies technology electronics industries
international holdings agency ministry department commission committee court union federation
bureau office organisation organization authority service services exchange markets stores
brands foods media records studios pictures entertainment telecom mobile airport hospital
church army navy police
""".split()
)
# Person roles: an "ORG" ending in one ("the National Security Advisor") is a title.
ROLES = frozenset(
    """president minister ministers secretary adviser advisor chairman chairwoman
director spokesman spokeswoman spokesperson ambassador envoy governor senator mayor chancellor
premier ceo commissioner counsel coach officer chief leader speaker""".split()
)
# Last words of a part of a larger organization: "Assembly" is not the "Assembly Budget Committee".
SUBUNITS = frozenset(
    """committee committees subcommittee panel caucus division unit department
branch office bureau subsidiary council board""".split()
)
# Words that can end a company's name without changing which company it is.
GENERIC_TAIL = frozenset(
    """service services international industries systems group holdings
enterprises worldwide global""".split()
)
# Heads of phrases a person's name can modify ("the Brack City Council").
OWNED_HEADS = ORG_WORDS | {"house", "administration", "campaign", "government", "cabinet", "presidency", "team", "camp"}
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# Lowercase words that belong inside names (Nouri al-Zahrani, Lotte van Brenk).
PARTICLES = frozenset(
    "al el de da di du van von der den le la bin ibn ben bint abu del della dos das ter ten y e st".split()
)
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq"})
# Company-form words: "Quarrow Instruments Inc." and "Quarrow Instruments" are one.
DESIGNATORS = frozenset(
    "inc incorporated corp corporation co cos company plc ltd limited llc llp "
    "lp ag nv sa spa gmbh bv ab asa oyj pty kk holdings group".split()
)
CONNECTORS = frozenset({"and", "&", ",", "of", "the"})
ORG_KEY_SKIP = frozenset({"and", "&", "of", "the", "for"})
# Lowercase words that belong inside organization names ("Council on Regional Dairy Markets").
ORG_CONNECTORS = frozenset("of and for on the to in at de du des la le y without with against über fur für".split())
FUNCTION_WORDS = frozenset(
    """
the a an of and or for to in on at by with from as that this these those it its he she they we
i you his her their our my your me him them us who which what there here not no but if so
""".split()
)
STOP_INITIALS = frozenset(
    {"of", "and", "the", "for", "on", "in", "at", "to", "de", "du", "des", "la", "le", "&", "y", "a"}
)
CALENDAR = frozenset(
    """
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
today yesterday tomorrow
""".split()
)
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
CUT_PUNCT = frozenset({",", ":", ";", "(", ")", '"', "“", "”", "'", "‘", "’", "|", "/", "—", "–"})

# Head nouns that show a "PERSON" is really a platform, publication or company
# ("Chirpwave account", "Quarrow shares").
PLATFORM_HEADS = frozenset(
    """account accounts feed page post posts profile handle app website site
channel user users followers subscribers editorial newspaper paper magazine article stock shares
shareholders stockholders employees headquarters subsidiary unit""".split()
)
# Words that introduce another name of the same entity ("formerly known as ...", "... or X").
ALIAS_CUES = frozenset({"formerly", "also", "previously", "once", "now", "or", "aka", "known", "called", "as"})
# Nouns for an outlet: a speaker NER missed that heads one of these is an organization.
MEDIA_NOUNS = frozenset(
    """website site newspaper paper daily weekly magazine agency network
channel broadcaster outlet portal blog journal tabloid radio television station""".split()
)

# --- works, awards, products and events: names that are no person, organization or country ---
# Nouns right before a name that make it a title: "the film Quarrow Nights", "biopic Brack".
THING_BEFORE = frozenset(
    """film movie drama biopic blockbuster comedy thriller musical novel sitcom documentary
album song""".split()
)
# Words right after a name that make it an award, a product or an event: "Quarrow nominations",
# "the Zentrix console", "the Vela ceremony"; after a hyphen: "Quarrow-winning", "-nominated".
THING_AFTER = frozenset(
    """nomination nominations nominee nominees ceremony ceremonies hopefuls console consoles
sequel prequel premiere trailer franchise""".split()
)
THING_HYPHENATED = frozenset({"winning", "nominated"})
# Work nouns a title modifies after "the": "the Quarrow Nights films", "the Vela franchise"
# (a person's name does too, "the Hal Brack film": the corpus decides, over many articles).
WORK_NOUNS = frozenset("film films movie movies book books novel novels series franchise sequel games".split())
# Words before "in X" that make X a work: "starred in Quarrow Nights", "her role in Brack".
THING_IN = frozenset(
    """starred starring stars star role roles performance performances appearance appeared
appears cameo""".split()
)
# Last words of names of awards and events: "the Vela Awards", "the Quarrow Motor Show".
EVENT_HEADS = frozenset("award awards prize prizes show festival ceremony expo".split())
# Words before "year's" / "month's" that make the next name a recurring event: "this year's X".
PERIOD_DEICTICS = frozenset({"this", "last", "next"})
PERIODS = frozenset({"year", "month", "week", "season"})
