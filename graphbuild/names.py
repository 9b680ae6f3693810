"""Name normalisation on plain word lists: titles, determiners, possessives, corporate
designators, person name parts, acronyms and initials, and junk checks.

Functions take the words of an entity span (token texts) and return index ranges, so the
caller can keep exact character offsets. Everything is set lookups; nothing here compiles a
regex per call or looks beyond the span it is given.
"""
from __future__ import annotations

import re
import unicodedata

# Words that introduce a person's name but are not part of it: honorifics, offices, ranks,
# and the department words of multi-word offices ("Secretary of State", "Homeland Security").
TITLES = frozenset("""
mr mrs ms miss mister madam dr doctor prof professor sir dame lord lady hon honorable honourable
president vice prime premier minister ministers secretary chancellor ayatollah grand supreme leader
sen senator rep representative congressman congresswoman assemblyman gov governor lt lieutenant
gen general col colonel maj major capt captain cmdr commander sgt sergeant adm admiral cpl pvt
brig brigadier marshal field officer chief judge justice king queen prince princess emir sheikh
sheik sultan crown imam mullah rabbi rev reverend father pope cardinal bishop archbishop pastor
chairman chairwoman chairperson chair ceo cfo coo cto director ambassador envoy mayor attorney
speaker spokesman spokeswoman spokesperson coach commissioner deputy acting former adviser
advisor counselor counsel executive managing press state defense defence homeland security
treasury foreign interior finance justice affairs intelligence trade commerce energy labor
labour health education agriculture transportation transport veterans national general's
president-elect first vp sec superintendent inspector detective constable officer agent
""".split())
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# Lowercase words that belong inside names (Nouri al-Maliki, Ludwig van Beethoven).
PARTICLES = frozenset("al el de da di du van von der den le la bin ibn ben bint abu del della "
                      "dos das ter ten y e st".split())
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq"})
# Company-form words: "Home Depot Inc." and "Home Depot" are one organization.
DESIGNATORS = frozenset("inc incorporated corp corporation co cos company plc ltd limited llc llp "
                        "lp ag nv sa spa gmbh bv ab asa oyj pty kk holdings".split())
CONNECTORS = frozenset({"and", "&", ",", "of", "the"})
FUNCTION_WORDS = frozenset("""
the a an of and or for to in on at by with from as that this these those it its he she they we
i you his her their our my your me him them us who which what there here not no but if so
""".split())
STOP_INITIALS = frozenset({"of", "and", "the", "for", "on", "in", "at", "to", "de", "du", "des",
                           "la", "le", "&", "y", "a"})
CALENDAR = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
today yesterday tomorrow
""".split())
POSSESSIVES = frozenset({"'s", "’s", "'", "’", "s"})
CUT_PUNCT = frozenset({",", ":", ";", "(", ")", "\"", "“", "”", "'", "‘", "’", "|", "/", "—", "–"})

_DOTS = re.compile(r"[.’'`]")
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """ASCII, lowercase, hyphenated form of a name: 'Barack Obama' -> 'barack-obama'."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _SLUG.sub("-", s.lower()).strip("-")


def low(word: str) -> str:
    """Lowercase with dots and apostrophes removed: 'Sen.' -> 'sen', 'U.S.' -> 'us'."""
    return _DOTS.sub("", word).lower()


def is_punct(word: str) -> bool:
    return not any(c.isalnum() for c in word)


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isupper() for c in word))


def is_lower_word(word: str) -> bool:
    """A lowercase word that cannot be part of a name (particles excepted)."""
    return word[:1].islower() and low(word) not in PARTICLES and not word.startswith(("al-", "el-"))


def strip_edges(words: list[str], lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """Drop leading determiners/punctuation and trailing possessives, punctuation and
    lowercase words; also cut at a parenthesis (tickers, glosses)."""
    hi = len(words) if hi is None else hi
    for j in range(lo, hi):
        if words[j] in ("(", "["):
            hi = j
            break
    while lo < hi and (low(words[lo]) in DETERMINERS or is_punct(words[lo])):
        lo += 1
    while hi > lo and (words[hi - 1] in POSSESSIVES or is_punct(words[hi - 1])
                       or is_lower_word(words[hi - 1])):
        hi -= 1
    return lo, hi


def person_range(words: list[str], is_country_abbr=lambda w: False) -> tuple[int, int]:
    """The name proper inside a PERSON span: everything after the last title, descriptor
    ('nutritionist'), determiner, possessive or country abbreviation that still leaves a
    name word ("US Secretary of State John Kerry" -> "John Kerry")."""
    lo, hi = strip_edges(words)
    cut = lo
    for j in range(lo, hi - 1):
        w = words[j]
        lw = low(w)
        if (lw in TITLES or lw in DETERMINERS or w in CUT_PUNCT or w in POSSESSIVES
                or is_lower_word(w) or is_country_abbr(w)):
            if _has_name_word(words, j + 1, hi):
                cut = j + 1
    return strip_edges(words, cut, hi)


def _has_name_word(words: list[str], lo: int, hi: int) -> bool:
    return any(is_capitalised(w) and low(w) not in SUFFIXES and low(w) not in TITLES
               for w in words[lo:hi])


def org_range(words: list[str]) -> tuple[int, int]:
    """The name of an organization span without leading lowercase words ('rival')."""
    lo, hi = strip_edges(words)
    while lo < hi - 1 and is_lower_word(words[lo]):
        lo += 1
    return strip_edges(words, lo, hi)


def org_core(words: list[str]) -> int:
    """How many leading words of an (already stripped) organization name remain without its
    company-form tail: 'J.P. Morgan and Co Inc' -> 2, 'Boeing Company' -> 1."""
    n = len(words)
    for j in range(1, n):
        if low(words[j]) in DESIGNATORS:
            n = j
            break
    while n > 1 and (low(words[n - 1]) in CONNECTORS or is_punct(words[n - 1])):
        n -= 1
    return n


def person_parts(name: str) -> list[str]:
    """Comparable parts of a person name: lowercase, no dots, no particles or suffixes, Arabic
    article dropped ('Nouri al-Maliki' -> ['nouri', 'maliki'])."""
    out = []
    for w in name.replace("-", " - ").split():
        lw = low(w)
        if not lw or lw in PARTICLES or lw in SUFFIXES or is_punct(lw):
            continue
        out.append(lw)
    return out


def acronym(word: str) -> str | None:
    """'NYSE', 'U.N.', 'AT&T' -> upper letters; None when the word is no acronym."""
    s = word.replace(".", "").replace("&", "")
    if 2 <= len(s) <= 6 and s.isalpha() and s.isupper():
        return s
    return None


def initials(words: list[str]) -> set[str]:
    """Acronyms a long name can have: initials of its content words, and of all words
    ('Council on American-Islamic Relations' -> {'CAIR', 'COAIR'})."""
    parts = [p for w in words for p in w.replace("-", " ").replace("/", " ").split() if p[:1].isalpha()]
    if len(parts) < 2:
        return set()
    content = "".join(p[0] for p in parts if p.lower() not in STOP_INITIALS).upper()
    every = "".join(p[0] for p in parts).upper()
    return {s for s in (content, every) if len(s) >= 2}


def is_junk(words: list[str]) -> bool:
    """Spans that cannot be a name: no capitalised word, mostly function words, a single
    character, only numbers or calendar words."""
    alpha = [w for w in words if any(c.isalpha() for c in w)]
    if not alpha or not any(is_capitalised(w) for w in alpha):
        return True
    if len("".join(alpha)) < 2:
        return True
    lows = [low(w) for w in alpha]
    if sum(w in FUNCTION_WORDS for w in lows) * 2 >= len(lows) + (len(lows) == 1):
        return True
    return all(w in CALENDAR or w.isdigit() for w in lows)
