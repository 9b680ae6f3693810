"""What in a built graph most likely needs a human: probable duplicates, wrong types, junk.

:func:`review` takes a :class:`~graphbuild.graph.model.Graph` (from a build folder or from
Neo4j: both carry names, aliases, mention counts, the articles of each entity and evidence
sentences) and returns :class:`Finding` values ranked by how much they matter (mentions
involved) and how sure the rule is. Each finding carries the alias-file rule that would fix
it; ``confident`` findings are the ones a draft alias file makes active. Pure: nothing is
read or written here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from graphbuild.entities import countries, names
from graphbuild.graph.model import ARTICLE, CO_MENTIONED, COUNTRY, MENTIONS, ORGANIZATION, PERSON, Graph, Node
from graphbuild.lexicon.names import ORG_AFTER, ORG_BEFORE, ORG_POSSESSED

__all__ = ["Finding", "review"]

DUPLICATE, WRONG_TYPE, JUNK = "duplicate", "wrong type", "junk"
_PARTY_TAIL = frozenset({"party", "parties"})
_GENERIC = names.GENERIC_TAIL | names.DESIGNATORS | _PARTY_TAIL


@dataclass(frozen=True)
class Finding:
    """One thing to check: what (``kind``, ``reason``), which nodes (``ids``, ``names``),
    why (``evidence``: counts and sentences), the alias-file ``rule`` that fixes it, and
    whether the rule is sure enough to apply unreviewed (``confident``)."""

    kind: str
    score: float
    ids: tuple[str, ...]
    names: tuple[str, ...]
    reason: str
    rule: str
    confident: bool
    evidence: tuple[str, ...] = field(default=())


@dataclass
class _Ent:
    node: Node
    mentions: int
    articles: set[str]
    aliases: list[str]

    @property
    def id(self) -> str:
        return self.node.id

    @property
    def name(self) -> str:
        return self.node.name


def review(graph: Graph, limit: int | None = None) -> list[Finding]:
    """Ranked findings for ``graph`` (most mentions involved and surest first)."""
    ents = _entities(graph)
    samples = _samples(graph)
    found: dict[tuple[str, ...], Finding] = {}
    for f in (
        *_honorific_names(ents),
        *_short_names(ents),
        *_acronyms(ents),
        *_same_name_other_label(ents),
        *_close_spellings(ents),
        *_wrong_types(ents),
        *_junk(ents),
        *_common_words(ents, samples),
        *_context_types(ents, samples),
    ):
        key = tuple(sorted(f.ids))
        if key not in found or (f.confident, f.score) > (found[key].confident, found[key].score):
            found[key] = f
    out = sorted(found.values(), key=lambda f: (-f.score, f.ids))
    out = [_with_samples(f, ents, samples) for f in out]
    return out[:limit] if limit is not None else out


# --- inputs --------------------------------------------------------------------------------


def _entities(graph: Graph) -> dict[str, _Ent]:
    arts: dict[str, set[str]] = defaultdict(set)
    for e in graph.edges.values():
        if e.type == MENTIONS:
            arts[e.target].add(e.source)
    out = {}
    for n in graph.nodes.values():
        if n.label == ARTICLE:
            continue
        aliases = n.props.get("aliases") or []
        out[n.id] = _Ent(n, int(n.props.get("mentions") or 0), arts[n.id], [a for a in aliases if isinstance(a, str)])
    return out


def _samples(graph: Graph) -> dict[str, list[str]]:
    """Entity id -> evidence sentences ('[article] text') from its co-mention edges."""
    out: dict[str, list[str]] = defaultdict(list)
    for e in graph.edges.values():
        if e.type != CO_MENTIONED:
            continue
        for ev in e.props.get("evidence") or []:
            if isinstance(ev, dict) and ev.get("text"):
                line = f"[{ev.get('article', '')}] {' '.join(str(ev['text']).split())}"
                for eid in (e.source, e.target):
                    if len(out[eid]) < 30 and line not in out[eid]:
                        out[eid].append(line)
    return out


def _with_samples(f: Finding, ents: dict[str, _Ent], samples: dict[str, list[str]]) -> Finding:
    lines = list(f.evidence)
    for eid in f.ids:
        e = ents.get(eid)
        if e is None:
            continue
        words = [a for a in e.aliases if len(a) > 1] or [e.name]
        hit = next((s for s in samples.get(eid, ()) if any(a in s for a in words)), None)
        if hit is not None:
            lines.append(hit[:240])
    return Finding(f.kind, f.score, f.ids, f.names, f.reason, f.rule, f.confident, tuple(lines))


def _a(label: str) -> str:
    return f"{'an' if label[0] in 'AEIOU' else 'a'} {label}"


def _counts(*es: _Ent) -> str:
    return "; ".join(
        f"{e.id}: {e.mentions} mentions in {e.node.props.get('articles', len(e.articles))} articles, "
        f"written {', '.join(e.aliases[:4])}"
        for e in es
    )


def _merge(kind: str, keep: _Ent, other: _Ent, reason: str, confident: bool, weight: float = 1.0) -> Finding:
    shared = len(keep.articles & other.articles)
    ev = (_counts(keep, other) + (f"; {shared} articles name both" if shared else ""),)
    score = min(keep.mentions, other.mentions) * weight * (1.5 if confident else 1.0)
    return Finding(
        kind,
        score,
        (keep.id, other.id),
        (keep.name, other.name),
        reason,
        f"merge: {keep.id} = {other.id}",
        confident,
        ev,
    )


# --- probable duplicates ----------------------------------------------------------------------


def _words(name: str) -> list[str]:
    return [names.low(w) for w in name.split() if not names.is_punct(w)]


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _people(ents: dict[str, _Ent]) -> dict[str, list[tuple[_Ent, list[str]]]]:
    """Surname -> people with two or more name parts."""
    out: dict[str, list[tuple[_Ent, list[str]]]] = defaultdict(list)
    for e in ents.values():
        if e.node.label == PERSON:
            parts = names.person_parts(e.name)
            if len(parts) >= 2:
                out[parts[-1]].append((e, parts))
    return out


def _compatible(first: list[str], full: list[str]) -> bool:
    """First names or initials that can be the same person's ('T' ~ 'Tamsin', none ~ any)."""
    for a, b in zip(first, full):
        if not (a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))):
            return False
    return True


def _pick_person(e: _Ent, parts: list[str], people) -> tuple[_Ent | None, int]:
    """The one person a (possibly partial) name can be, preferring those in e's articles."""
    cands = [(p, pp) for p, pp in people.get(parts[-1], ()) if p.id != e.id and _compatible(parts[:-1], pp[:-1])]
    if len(parts) >= 2:
        cands = [(p, pp) for p, pp in cands if len(pp) >= len(parts) or pp[0] != parts[0]]
    if not cands:
        return None, 0
    shared = [c for c in cands if c[0].articles & e.articles]
    pool = shared or cands
    return (pool[0][0] if len(pool) == 1 else None), len(cands)


def _honorific_names(ents: dict[str, _Ent]) -> list[Finding]:
    """'Mr Brack' kept as its own node (often typed Organization): the person Brack."""
    people = _people(ents)
    out = []
    for e in ents.values():
        words = _words(e.name)
        if len(words) < 2 or words[0] not in names.HONORIFICS or e.node.label == COUNTRY:
            continue
        parts = names.person_parts(" ".join(e.name.split()[1:]))
        if not parts:
            continue
        p, n = _pick_person(e, parts, people)
        if p is not None:
            why = f"'{e.name}' is a title and a surname; the only matching person is '{p.name}'"
            out.append(_merge(DUPLICATE, p, e, why, True, 2.0))
        elif e.node.label != PERSON:
            why = f"'{e.name}' starts with an honorific, so it names a person, not {_a(e.node.label)}"
            if n:
                why += f" ({n} people share the surname: merge by hand)"
            out.append(
                Finding(
                    WRONG_TYPE,
                    e.mentions * 2.0,
                    (e.id,),
                    (e.name,),
                    why,
                    f"label: {e.id} => Person",
                    True,
                    (_counts(e),),
                )
            )
    return out


def _short_names(ents: dict[str, _Ent]) -> list[Finding]:
    """A name that is the start of exactly one longer name of the same label: a surname of one
    person, or an organization's name without a generic tail ('Quarrow' / 'Quarrow Party')."""
    people = _people(ents)
    orgs: dict[str, list[tuple[_Ent, list[str]]]] = defaultdict(list)
    for e in ents.values():
        if e.node.label == ORGANIZATION:
            w = _words(e.name)
            if len(w) >= 2:
                orgs[_singular(w[0])].append((e, w))
    out = []
    for e in ents.values():
        words = _words(e.name)
        if len(words) != 1 or e.node.label == COUNTRY:
            continue
        if e.node.label == PERSON or words[0] in people:
            p, n = _pick_person(e, words, people)
            if p is not None and e.node.label == PERSON:
                why = f"'{e.name}' is the surname of '{p.name}', the only person with it{' in the same articles' if n > 1 else ''}"
                out.append(_merge(DUPLICATE, p, e, why, n == 1))
                continue
        if e.node.label != ORGANIZATION or names.acronym(e.name):
            continue
        longs = [(o, w) for o, w in orgs.get(_singular(words[0]), ()) if o.id != e.id]
        if not longs:
            continue
        generic = [(o, w) for o, w in longs if all(x in _GENERIC for x in w[1:])]
        if len(generic) == 1 and len(longs) <= 3:
            o = generic[0][0]
            why = f"'{e.name}' is '{o.name}' without its generic last word, the only such organization"
            out.append(_merge(DUPLICATE, o, e, why, True))
        elif len(longs) == 1:
            o = longs[0][0]
            why = f"'{e.name}' is the start of '{o.name}' (the only one); it may be a part or a different body"
            out.append(_merge(DUPLICATE, o, e, why, False, 0.5))
    return out


def _acronyms(ents: dict[str, _Ent]) -> list[Finding]:
    """An acronym node and the one long name whose initials it is."""
    by_init: dict[str, list[_Ent]] = defaultdict(list)
    for e in ents.values():
        if e.node.label != COUNTRY and not names.acronym(e.name):
            for acr in names.initials(e.name.split()):
                by_init[acr].append(e)
    out = []
    for e in ents.values():
        acr = names.acronym(e.name) or ""
        longs = by_init.get(acr, []) if e.node.label != COUNTRY else []
        if len(longs) == 1:
            o = longs[0]
            sure = bool(o.articles & e.articles) and o.node.label == e.node.label
            why = f"'{e.name}' is the initials of '{o.name}', the only such name"
            out.append(_merge(DUPLICATE, o, e, why, sure))
    return out


def _same_name_other_label(ents: dict[str, _Ent]) -> list[Finding]:
    """One name under two labels ('person:quarrow' and 'organization:quarrow')."""
    by_slug: dict[str, list[_Ent]] = defaultdict(list)
    for e in ents.values():
        if e.node.label != COUNTRY:
            by_slug[e.id.split(":", 1)[1]].append(e)
    out = []
    for group in by_slug.values():
        if len(group) == 2:
            keep, other = sorted(group, key=lambda e: (-e.mentions, e.id))
            why = f"'{keep.name}' is one name under two labels ({keep.node.label}, {other.node.label})"
            out.append(_merge(DUPLICATE, keep, other, why, True, 1.5))
    return out


def _close_spellings(ents: dict[str, _Ent]) -> list[Finding]:
    """Names of one label spelt nearly alike ('Quarow Textiles' / 'Quarrow Textiles')."""
    by_label: dict[str, list[_Ent]] = defaultdict(list)
    for e in ents.values():
        if e.node.label != COUNTRY and len(e.name) >= 5 and not names.acronym(e.name):
            by_label[e.node.label].append(e)
    out = []
    for group in by_label.values():
        group.sort(key=lambda e: (-e.mentions, e.id))
        group = group[:2000]  # the long tail is too rare to matter and quadratic to compare
        for i, a in enumerate(group):
            la = a.name.lower()
            for b in group[i + 1 :]:
                lb = b.name.lower()
                if abs(len(la) - len(lb)) > 2 or la[:1] != lb[:1]:
                    continue
                if (fuzz.ratio(la, lb) >= 90 and _words(a.name)[-1:] != _words(b.name)[-1:]) or (
                    fuzz.ratio(la, lb) >= 92 and la.split()[0] != lb.split()[0]
                ):
                    why = f"'{a.name}' and '{b.name}' are spelt nearly alike ({fuzz.ratio(la, lb):.0f}% similar)"
                    out.append(_merge(DUPLICATE, a, b, why, False, 0.5))
    return out


# --- probable wrong types and junk -------------------------------------------------------------


def _wrong_types(ents: dict[str, _Ent]) -> list[Finding]:
    out = []
    for e in ents.values():
        lab, words = e.node.label, e.name.split()
        hit = countries.lookup(e.name)
        if lab != COUNTRY and hit is not None and hit.sure and not hit.demonym:
            iso = hit.country.iso
            why = f"'{e.name}' is the name of a country ({hit.country.name}), not {_a(lab)}"
            rule = f"merge: country:{iso} = {e.id}" if f"country:{iso}" in ents else f"drop: {e.id}"
            # "Us magazine" is no "US": short names are only suggested.
            sure = len(e.name.replace(".", "")) > 3
            out.append(Finding(WRONG_TYPE, e.mentions * 1.5, (e.id,), (e.name,), why, rule, sure, (_counts(e),)))
        elif lab == PERSON and len(words) >= 2 and names.low(words[-1]) in names.DESIGNATORS - {"group", "holdings"}:
            why = f"'{e.name}' ends in a company form, so it is an organization"
            out.append(
                Finding(
                    WRONG_TYPE,
                    e.mentions,
                    (e.id,),
                    (e.name,),
                    why,
                    f"label: {e.id} => Organization",
                    True,
                    (_counts(e),),
                )
            )
        elif lab == PERSON and len(words) >= 2 and names.low(words[-1]) in names.ORG_WORDS:
            why = f"'{e.name}' ends in an organization word"
            out.append(
                Finding(
                    WRONG_TYPE,
                    e.mentions * 0.5,
                    (e.id,),
                    (e.name,),
                    why,
                    f"label: {e.id} => Organization",
                    False,
                    (_counts(e),),
                )
            )
    return out


_NUMBERISH = re.compile(r"\d")


def _junk(ents: dict[str, _Ent]) -> list[Finding]:
    out = []
    for e in ents.values():
        if e.node.label == COUNTRY:
            continue
        words = e.name.split()
        lw = [names.low(w) for w in words]
        why = ""
        if any(w in names.FUNCTION_WORDS or w in names.CALENDAR for w in lw) and len(words) == 1:
            why = f"'{e.name}' is a common word"
        elif len(words) >= 2 and _NUMBERISH.search(" ".join(words[1:-1])):
            why = f"'{e.name}' runs over a number (a table, a score or a list)"
        elif len(words) >= 2 and (words[-1][:1].islower() or words[0][:1].islower()) and lw[0] not in names.PARTICLES:
            why = f"'{e.name}' starts or ends with a lowercase word: a fragment"
        elif len(words) == 1 and e.aliases and all(a[:1].isupper() and a[1:].islower() for a in e.aliases):
            continue
        if why:
            out.append(Finding(JUNK, e.mentions * 0.5, (e.id,), (e.name,), why, f"drop: {e.id}", False, (_counts(e),)))
    return out


def _common_words(ents: dict[str, _Ent], samples: dict[str, list[str]]) -> list[Finding]:
    """A one-word name its own evidence sentences also write in lowercase ('the budget'):
    probably a common noun."""
    out = []
    for e in ents.values():
        if e.node.label == COUNTRY or len(e.name.split()) != 1 or not e.name[1:].islower():
            continue
        lines = samples.get(e.id, [])
        word = re.compile(rf"\b{re.escape(e.name.lower())}\b")
        lower = [s for s in lines if word.search(s)]
        if len(lines) >= 3 and len(lower) * 4 >= len(lines):
            why = (
                f"'{e.name}' is also written in lowercase in {len(lower)} of its {len(lines)} sentences: a common noun?"
            )
            out.append(
                Finding(
                    JUNK,
                    e.mentions * 0.7,
                    (e.id,),
                    (e.name,),
                    why,
                    f"drop: {e.id}",
                    False,
                    (_counts(e), lower[0][:240]),
                )
            )
    return out


_ORG_NEXT = re.compile(
    rf" (?:{'|'.join(sorted(ORG_AFTER))})\b|['’]s (?:{'|'.join(sorted(ORG_POSSESSED))})\b|, which\b| said its\b", re.I
)
_ORG_PREV = re.compile(rf"\b(?:{'|'.join(sorted(ORG_BEFORE))}) (?:in|of) $", re.I)
_PERSON_NEXT = re.compile(r" said (?:he|she)\b")
_PERSON_PREV = re.compile(rf"\b(?:{'|'.join(sorted(names.HONORIFICS))})\.? $", re.I)


def _markers(name: str, lines: list[str]) -> tuple[int, int]:
    """(organization, person) context markers of ``name`` in evidence sentences (each
    sentence counts once)."""
    org = person = 0
    for s in lines:
        o = p = False
        at = s.find(name)
        while at >= 0:
            end = at + len(name)
            if end == len(s) or not s[end].isalnum():
                head = s[max(0, at - 30) : at]
                o = o or bool(_ORG_NEXT.match(s, end) or _ORG_PREV.search(head))
                p = p or bool(_PERSON_NEXT.match(s, end) or _PERSON_PREV.search(head))
            at = s.find(name, end)
        org, person = org + o, person + p
    return org, person


def _context_types(ents: dict[str, _Ent], samples: dict[str, list[str]]) -> list[Finding]:
    """A person or organization whose sentences say it is the other ('shares in X', 'Mr X')."""
    out = []
    for e in ents.values():
        if e.node.label not in (PERSON, ORGANIZATION):
            continue
        lines = samples.get(e.id, [])
        own = set(_words(e.name))
        forms = [a for a in e.aliases if len(a) > 2 and own & set(_words(a))][:3] or [e.name]
        o = p = 0
        for form in forms:
            a, b = _markers(form, lines)
            o, p = o + a, p + b
        want = ORGANIZATION if o > p else PERSON
        mine, theirs = (p, o) if want == ORGANIZATION else (o, p)
        if want != e.node.label and theirs >= 2 and not mine:
            why = f"'{e.name}' is {_a(e.node.label)} but {theirs} of its sentences mark it as {_a(want)}"
            hit = next((s for s in lines if _markers(forms[0], [s]) != (0, 0)), lines[0])
            out.append(
                Finding(
                    WRONG_TYPE,
                    e.mentions * 1.2,
                    (e.id,),
                    (e.name,),
                    why,
                    f"label: {e.id} => {want}",
                    theirs >= 5,
                    (_counts(e), hit[:240]),
                )
            )
    return out
