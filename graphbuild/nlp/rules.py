"""The attribute ruler's rules applied per distinct token instead of through spaCy's Matcher.

spaCy's ``attribute_ruler`` (in the English pipelines: the tag map, giving every token its
POS and morphology, and about a hundred exceptions) runs a Matcher of all its patterns over
every token of every Doc: about a tenth of the whole parse. Its patterns here are one or two
tokens long and test a few attributes (TAG, LOWER, DEP, IS_SPACE), so whether a token meets
a pattern's token test depends only on those values: :class:`FastRules` decides it once per
distinct combination (cached), finds the few two-token matches from the cached tests, and
writes the result back with one ``Doc.from_array``. It applies matches exactly as the
ruler does (every match found on the Doc as it came, then applied in rule order, later rules
overwriting), so the Docs are the same, attribute for attribute. A pipeline whose ruler uses
anything else (operators, other attributes or predicates) keeps spaCy's ruler.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Attributes a pattern may test, read from to_array: string-valued ones (compared as
# strings) and flags (compared as 0/1).
_STRING_ATTRS = ("ORTH", "LOWER", "NORM", "TAG", "DEP")
_FLAG_ATTRS = ("IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT")
# Distinct token keys remembered; a long build clears the cache past this (it refills).
_CACHE_MAX = 200_000


class Unsupported(Exception):
    """The ruler uses a pattern feature :class:`FastRules` does not reproduce."""


def _literal(attr: str, value):
    """The value an equality test wants (0/1 for flags), or None for a predicate test."""
    if attr in _FLAG_ATTRS:
        if isinstance(value, int):  # bool included
            return int(bool(value))
        raise Unsupported(attr)
    if attr not in _STRING_ATTRS:
        raise Unsupported(attr)
    return value if isinstance(value, str) else None


def _test(attr: str, value):
    """A predicate test (IN, NOT_IN, REGEX) of a token pattern on the attribute's value."""
    if not isinstance(value, dict) or not value:
        raise Unsupported(attr)
    tests = []
    for op, arg in value.items():
        if op == "IN" and all(isinstance(a, str) for a in arg):
            tests.append(lambda v, s=frozenset(arg): v in s)
        elif op == "NOT_IN" and all(isinstance(a, str) for a in arg):
            tests.append(lambda v, s=frozenset(arg): v not in s)
        elif op == "REGEX" and isinstance(arg, str):
            tests.append(lambda v, r=re.compile(arg): bool(r.search(v)))
        else:
            raise Unsupported(f"{attr} {op}")
    return lambda v: all(t(v) for t in tests)


class FastRules:
    """An ``attribute_ruler``'s patterns and attributes, applied without the Matcher."""

    def __init__(self, ruler) -> None:
        from spacy.attrs import IDS

        self.strings = ruler.vocab.strings
        specs: list[tuple] = []  # (attr names, predicates) of every token test
        self.singles: dict[int, int] = {}  # token test of a one-token pattern -> its rule
        self.multis: list[tuple[int, tuple[int, ...], int]] = []  # (rule, specs, target offset)
        for rule in range(len(ruler.attrs)):
            index = ruler.indices[rule]
            found = ruler.matcher.get(str(rule))
            if found is None:  # a rule removed from the matcher: keep spaCy's ruler
                raise Unsupported("removed rule")
            for pattern in found[1]:
                if not pattern or not -len(pattern) <= index < len(pattern):
                    raise Unsupported("index")
                ids = []
                for tok in pattern:
                    if not isinstance(tok, dict) or not tok or "OP" in tok:
                        raise Unsupported("operator")
                    ids.append(len(specs))
                    equal = tuple((a, w) for a, v in tok.items() if (w := _literal(a, v)) is not None)
                    tests = tuple((a, _test(a, v)) for a, v in tok.items() if _literal(a, v) is None)
                    specs.append((equal, tests))
                if len(ids) == 1:
                    self.singles[ids[0]] = rule
                else:
                    self.multis.append((rule, tuple(ids), index % len(ids)))
        self.specs = specs
        used = sorted({a for equal, tests in specs for a, _ in equal + tests})
        # A token test is met when each attribute it tests is: per attribute, the tests that
        # test it (with what) and the mask of those that do not. Which tests one value of
        # one attribute meets is worked out once per value (``_meets``), so a token key's
        # tests are the AND of its values' masks.
        self.used = used
        self.flags = {a for a in used if a in _FLAG_ATTRS}
        self.equal: list[dict[object, int]] = [{} for _ in used]  # value -> tests wanting it
        self.tests: list[list[tuple[int, Callable]]] = [[] for _ in used]  # (test, predicate)
        self.free = [0] * len(used)  # tests not testing the attribute
        for col, a in enumerate(used):
            for n, (equal, tests) in enumerate(specs):
                wants = [w for b, w in equal if b == a]  # a pattern tests an attribute once
                preds = [t for b, t in tests if b == a]
                if wants:
                    self.equal[col][wants[0]] = self.equal[col].get(wants[0], 0) | 1 << n
                elif preds:
                    self.tests[col].append((n, preds[0]))
                else:
                    self.free[col] |= 1 << n
        self.meets: list[dict[int, int]] = [{} for _ in used]  # per attribute: value -> tests met
        self.by_mask: dict[int, int] = {}  # tests met -> decision
        self.read = [IDS[a] for a in used]
        self.rule_attrs = [sorted(attrs.items()) for attrs in ruler.attrs]
        written = sorted({a for attrs in ruler.attrs for a in attrs})
        if not written or any(
            a not in (IDS["POS"], IDS["MORPH"], IDS["LEMMA"], IDS["TAG"], IDS["DEP"]) for a in written
        ):
            raise Unsupported("written attribute")
        self.write = written
        self.wcol = {a: n for n, a in enumerate(written)}
        # Tests a two-token pattern makes past its first token: the only part of a token's
        # test results that matters beyond its own rules.
        self.later = sum(1 << n for _, ids, _ in self.multis for n in ids[1:])
        self.cache: dict[tuple, int] = {}  # token key -> decision
        self.decisions: list[tuple] = []  # (rules, two-token starts, later tests met)
        self.ids: dict[tuple, int] = {}  # decision -> its number
        self.tables: tuple | None = None  # the decisions as arrays (values, set, starts any)

    def _decide(self, key: tuple) -> int:
        """The decision for one token key: the rules its one-token patterns fire (in rule
        order), the two-token patterns it may start, and the later tests it meets."""
        mask = -1
        for col, v in enumerate(key):
            met = self.meets[col].get(v)
            mask &= met if met is not None else self._meets(col, v)
        d = self.by_mask.get(mask)
        if d is None:
            d = self.by_mask[mask] = self._decision(mask)
        self.cache[key] = d
        return d

    def _meets(self, col: int, v: int) -> int:
        """The token tests whose condition on attribute ``col`` its value ``v`` meets (those
        not testing it included), as a bit mask."""
        a = self.used[col]
        value = v if a in self.flags else self.strings[v]
        mask = self.free[col] | self.equal[col].get(value, 0)
        for n, test in self.tests[col]:
            if test(value):
                mask |= 1 << n
        self.meets[col][v] = mask
        return mask

    def _decision(self, mask: int) -> int:
        """The number of the decision of a key meeting the token tests in ``mask``."""
        rules = tuple(sorted({rule for n, rule in self.singles.items() if mask >> n & 1}))
        starts = tuple(m for m in self.multis if mask >> m[1][0] & 1)
        decision = (rules, starts, mask & self.later)
        d = self.ids.get(decision)
        if d is None:
            d = self.ids[decision] = len(self.decisions)
            self.decisions.append(decision)
            self.tables = None
        return d

    def _overrides(self, rules) -> dict[int, int]:
        """Attribute column -> value after applying ``rules`` in order (later ones win)."""
        final: dict[int, int] = {}
        for r in rules:
            for a, v in self.rule_attrs[r]:
                final[self.wcol[a]] = v
        return final

    def _tables(self) -> tuple:
        import numpy

        if self.tables is None:
            width = len(self.write)
            values = numpy.zeros((len(self.decisions), width), dtype="uint64")
            given = numpy.zeros((len(self.decisions), width), dtype=bool)
            for d, (rules, _, _) in enumerate(self.decisions):
                for c, v in self._overrides(rules).items():
                    values[d, c], given[d, c] = v, True
            starts = numpy.array([bool(x[1]) for x in self.decisions], dtype=bool)
            self.tables = (values, given, starts)
        return self.tables

    def __call__(self, doc):
        import numpy

        n = len(doc)
        if n == 0:
            return doc
        if len(self.cache) > _CACHE_MAX:
            self.cache.clear()
            self.meets = [{} for _ in self.used]
        get, decide = self.cache.get, self._decide
        ids = [d if (d := get(k)) is not None else decide(k) for k in map(tuple, doc.to_array(self.read).tolist())]
        values, given, starts = self._tables()
        at = numpy.array(ids)
        base = doc.to_array(self.write)
        new = numpy.where(given[at], values[at], base)
        extra: dict[int, list[int]] = {}
        for i in numpy.flatnonzero(starts[at]).tolist():
            for rule, tests, target in self.decisions[ids[i]][1]:
                if i + len(tests) <= n and all(
                    self.decisions[ids[i + j]][2] >> t & 1 for j, t in enumerate(tests) if j
                ):
                    extra.setdefault(i + target, []).append(rule)
        for i, rules in extra.items():
            for c, v in self._overrides(sorted(set(self.decisions[ids[i]][0]) | set(rules))).items():
                new[i, c] = v
        if (new != base).any():
            doc.from_array(self.write, new)
        return doc


FAST_RULES = "graphbuild_attribute_rules"


def install(nlp) -> bool:
    """Put :class:`FastRules` in the place of ``nlp``'s ``attribute_ruler`` when its
    patterns allow it; returns whether it did."""
    from spacy.language import Language

    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        FastRules(nlp.get_pipe("attribute_ruler"))
    except Unsupported:
        return False
    if FAST_RULES not in Language.factories:

        @Language.factory(FAST_RULES)
        def make_fast_rules(nlp, name):
            return FastRules(nlp.get_pipe("attribute_ruler"))

    nlp.add_pipe(FAST_RULES, before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    return True
