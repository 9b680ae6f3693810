"""Name normalisation on plain word lists: titles, determiners, possessives, corporate
designators, person name parts, acronyms and initials, and junk checks.

Functions take the words of an entity span (token texts) and return index ranges, so the
caller can keep exact character offsets. Everything is set lookups; nothing here compiles a
regex per call or looks beyond the span it is given.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from graphbuild.lexicon.names import (  # noqa: F401  (re-exported: names.TITLES etc.)
    CALENDAR,
    CONNECTORS,
    CUT_PUNCT,
    DESIGNATORS,
    DETERMINERS,
    FUNCTION_WORDS,
    GENERIC_TAIL,
    HONORIFICS,
    ORG_CONNECTORS,
    ORG_KEY_SKIP,
    ORG_WORDS,
    OWNED_HEADS,
    PARTICLES,
    POSSESSIVES,
    ROLES,
    STOP_INITIALS,
    SUBUNITS,
    SUFFIXES,
    TITLES,
)

_DOTS = re.compile(r"[.’'`]")
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """ASCII, lowercase, hyphenated form of a name: 'Odile Brack' -> 'odile-brack'."""
    s = unicodedata.normalize("NFKD", name.replace("’", "").replace("'", ""))
    return _SLUG.sub("-", s.encode("ascii", "ignore").decode().lower()).strip("-")


def org_key(words: list[str]) -> str:
    """Key of an organization name: its slug without connectors, so "Bureau of Trade
    and Industry" = "Bureau of Trade & Industry"."""
    key = slug(" ".join(w for w in words if low(w) not in ORG_KEY_SKIP))
    return key or slug(" ".join(words))


def low(word: str) -> str:
    """Lowercase with dots and apostrophes removed: 'Sen.' -> 'sen', 'U.S.' -> 'us'."""
    return _DOTS.sub("", word).lower()


def is_punct(word: str) -> bool:
    return not any(c.isalnum() for c in word)


def is_number(word: str) -> bool:
    return word[:1].isdigit() and not any(c.isalpha() for c in word)


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isupper() for c in word))


def is_lower_word(word: str) -> bool:
    """A lowercase word that cannot be part of a name (particles excepted)."""
    return word[:1].islower() and word.isalpha() and low(word) not in PARTICLES


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
    while hi > lo and (
        words[hi - 1] in POSSESSIVES
        or is_punct(words[hi - 1])
        or is_lower_word(words[hi - 1])
        or is_number(words[hi - 1])
    ):
        hi -= 1
    return lo, hi


def person_range(words: list[str], is_country_abbr=lambda w: False) -> tuple[int, int]:
    """The name proper inside a PERSON span: everything after the last title, descriptor
    ('nutritionist'), determiner, possessive or country abbreviation that still leaves a
    name word ("US Secretary of State Orla Quenby" -> "Orla Quenby")."""
    lo, hi = strip_edges(words)
    cut = lo
    for j in range(lo, hi - 1):
        w = words[j]
        lw = low(w)
        if (
            lw in TITLES
            or lw in DETERMINERS
            or w in CUT_PUNCT
            or w in POSSESSIVES
            or is_lower_word(w)
            or is_country_abbr(w)
        ):
            if _has_name_word(words, j + 1, hi):
                cut = j + 1
    return strip_edges(words, cut, hi)


def _has_name_word(words: list[str], lo: int, hi: int) -> bool:
    return any(is_capitalised(w) and low(w) not in SUFFIXES and low(w) not in TITLES for w in words[lo:hi])


def org_range(words: list[str], is_country_abbr=lambda w: False) -> tuple[int, int]:
    """The name of an organization span after any descriptor ('rival', 'U.S. subsidiary')
    that still leaves a capitalised word; inner connectors ('Bank of Ostrava') stay."""
    lo, hi = strip_edges(words)
    cut = lo
    for j in range(lo, hi - 1):
        w = words[j]
        if (is_lower_word(w) and low(w) not in ORG_CONNECTORS) or w in POSSESSIVES:
            if any(is_capitalised(x) for x in words[j + 1 : hi]):
                cut = j + 1
    return strip_edges(words, cut, hi)


def org_parts(words: list[str]) -> tuple[int, int]:
    """(core, end) of a stripped organization name: ``words[:core]`` is the name without its
    company form ('J.P. Vantor and Co Inc' -> 2), ``words[:end]`` drops a ticker written
    after the company form ('Holmfirth Textiles AG HOLM.F' -> end 3)."""
    n = len(words)
    core = end = n
    for j in range(1, n):
        if low(words[j]) in DESIGNATORS:
            core = end = j
            while end < n and (low(words[end]) in DESIGNATORS or low(words[end]) in CONNECTORS):
                end += 1
            if end == n - 1 and acronym(words[end]) is None and "." not in words[end][1:]:
                end = n  # "Daleford Mills Inc Canada": keep a trailing name word
            elif end < n - 1:
                end = n
            break
    while core > 1 and (low(words[core - 1]) in CONNECTORS or is_punct(words[core - 1])):
        core -= 1
    while end > core and (low(words[end - 1]) in CONNECTORS or is_punct(words[end - 1])):
        end -= 1
    return core, end


def person_parts(name: str) -> list[str]:
    """Comparable parts of a person name: lowercase, no dots, no particles or suffixes, Arabic
    article dropped ('Nouri al-Zahrani' -> ['nouri', 'zahrani'])."""
    out = [lw for lw in map(low, name.replace("-", " - ").split()) if lw and lw not in PARTICLES and not is_punct(lw)]
    while len(out) > 1 and out[-1] in SUFFIXES:  # "Jr." at the end; "J.R." elsewhere stays
        out.pop()
    return out


def person_joins(parts: dict[str, tuple]) -> list[tuple[str, str]]:
    """Pairs of full names (key -> parts, two or more parts) that name one person:
    'Gerold Fane' / 'Gerold R. Fane' (the only longer name with the same first and last
    part), 'Hal Stroud' / 'Crafty Hal Stroud' and 'Mya Thein' / 'Aung Mya Thein'
    (the only longer name ending with all of the shorter one)."""
    by_ends: dict[tuple, set[str]] = {}
    by_tail: dict[tuple, set[str]] = {}
    for k, p in parts.items():
        by_ends.setdefault((p[0], p[-1]), set()).add(k)
        for i in range(1, len(p) - 1):
            by_tail.setdefault(p[i:], set()).add(k)
    out = []
    for k, p in parts.items():
        longer = {o for o in by_ends[(p[0], p[-1])] if len(parts[o]) > len(p)}
        if len(p) == 2 and len(longer) == 1:
            out.append((k, longer.pop()))
        elif len(by_tail.get(p, ())) == 1:
            out.append((k, next(iter(by_tail[p]))))
    return out


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _abbreviates(short: list[str], long: list[str]) -> bool:
    """'Quar Dems' abbreviates 'Quarrow Democrats': word by word a shorter prefix."""
    return (
        len(short) == len(long) >= 2
        and short != long
        and all(len(a) >= 3 and _singular(b).startswith(_singular(a)) for a, b in zip(short, long))
        and any(len(_singular(a)) < len(_singular(b)) for a, b in zip(short, long))
    )


def org_joins(orgs: dict[str, str]) -> list[tuple[str, str]]:
    """Pairs (short key, long key) of organization names (key -> display name) across the
    corpus that name one body, each only when the long form is the only candidate: a name
    without its generic last word ('Quarrow' / 'Quarrow Party', 'Quarrows' / 'Quarrow
    Party'), a singular and its plural ('Quarrow Dem' / 'Quarrow Dems'), and word-by-word
    abbreviations ('Quar Dems' / 'Quarrow Democrats'). Acronyms join by initials only,
    elsewhere."""
    words = {k: [low(w) for w in n.split() if not is_punct(w)] for k, n in orgs.items()}
    words = {k: w for k, w in words.items() if w and not acronym(orgs[k])}
    by_head: dict[str, list[str]] = {}
    by_form: dict[tuple, list[str]] = {}
    # An abbreviation has as many words as its long form and its first word (3 letters or
    # more) starts the long form's: looking among those only keeps the pass linear.
    by_start: dict[tuple, list[str]] = {}
    for k, w in words.items():
        by_form.setdefault(tuple(_singular(x) for x in w), []).append(k)
        by_start.setdefault((len(w), _singular(w[0])[:3]), []).append(k)
        if len(w) >= 2 and all(x in GENERIC_TAIL or x in DESIGNATORS or x in ("party", "parties") for x in w[1:]):
            by_head.setdefault(_singular(w[0]), []).append(k)
    out = []
    for k, w in words.items():
        if len(w) == 1:
            longs = [o for o in by_head.get(_singular(w[0]), ()) if o != k]
        else:
            longs = [
                o for o in by_form.get(tuple(_singular(x) for x in w), ()) if o != k and len(orgs[o]) > len(orgs[k])
            ]
            if not longs:
                near = by_start.get((len(w), _singular(w[0])[:3]), ())
                longs = [o for o in near if o != k and _abbreviates(w, words[o])]
        if len(longs) == 1:
            out.append((k, longs[0]))
    return out


class OrgIndex:
    """Short forms of an article's long organization names: prefixes ("Daleford" for
    "Daleford Textiles"), the last word or all but the first ("the Times", "U.S. Mint" ->
    "Mint"), a three-letter clipping ("Gov" for "Government ...") and initials ("NDB"). Adding a name
    costs a few dict writes; :meth:`find` is a few dict reads."""

    def __init__(self) -> None:
        self.prefix: dict[tuple, dict] = {}
        self.suffix: dict[tuple, dict] = {}
        self.clip: dict[str, dict] = {}
        self.initials: dict[str, dict] = {}

    def add(self, item, key: str, parts: tuple, words: list[str]) -> None:
        """Index ``item`` (known as ``key``) under its lowercase ``parts`` and its words."""
        p = parts
        # No prefix into a sub-unit ("Assembly" is not the "Assembly Budget
        # Committee"); a multi-word prefix only drops generic words ("Quarrow Investors
        # [Service]", not "Daleford Motors [Finance]", another company).
        if p[-1] not in SUBUNITS:
            for k in range(1, len(p)):
                if k == 1 or all(w in GENERIC_TAIL for w in p[k:]):
                    self.prefix.setdefault(p[:k], {}).setdefault(key, item)
        for k in {1, len(p) - 1}:
            self.suffix.setdefault(p[k:], {}).setdefault(key, item)
        if len(p[0]) > 5:
            self.clip.setdefault(p[0][:3], {}).setdefault(key, item)
        for k in range(len(p), len(words) + 1):  # "DMC" = Daleford Mills Co
            for acr in initials(words[:k]):
                self.initials.setdefault(acr, {}).setdefault(key, item)

    def find(self, name: str, parts: tuple):
        """(item, is-acronym) for the one long name ``name`` abbreviates, or (None, False)."""
        acr = acronym(name)
        probes: list[tuple[dict, Any]] = [(self.initials, acr)] if acr else []
        probes += [(self.prefix, parts), (self.suffix, parts)]
        if len(parts) == 1 and len(parts[0]) == 3 and name.istitle():  # "Gov"
            probes.append((self.clip, parts[0]))
        for table, probe in probes:
            hits = table.get(probe)
            if hits and len(hits) == 1:
                item = next(iter(hits.values()))
                if acr and table is not self.initials and not _generic_rest(getattr(item, "parts", ()), parts):
                    continue  # "KTV" is not the "KTV Radio" it owns; "DSM" is "NV DSM"
                return item, table is self.initials
        return None, False


def _generic_rest(long: tuple, short: tuple) -> bool:
    """The words of ``long`` outside ``short`` are all company forms or generic words."""
    rest = [w for w in long if w not in short]
    return bool(rest) and all(w in GENERIC_TAIL or w in DESIGNATORS for w in rest)


def acronym(word: str) -> str | None:
    """'NDB', 'U.N.', 'B&P' -> upper letters; None when the word is no acronym."""
    s = word.replace(".", "").replace("&", "")
    if 2 <= len(s) <= 6 and s.isalpha() and s.isupper():
        return s
    return None


def initials(words: list[str]) -> set[str]:
    """Acronyms a long name can have: initials of its content words, and of all words
    ('Council on Regional Dairy-Markets' -> {'CRDM', 'CORDM'})."""
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
    if sum(c.isalpha() for w in alpha for c in w) < 2:
        return True
    function = sum(w.lower() in FUNCTION_WORDS and not w.isupper() for w in alpha)
    if function * 2 >= len(alpha) + (len(alpha) == 1):
        return True
    return all(low(w) in CALENDAR or w.isdigit() for w in words if not is_punct(w))
