"""Which keys an incremental step must resolve again: the closure of the touched keys under
"can interact in :meth:`CorpusResolver.finalize`". Pure.

Every rule of ``finalize`` joins keys that share something visible in their own statistics
or in the vote tables, so each key gets *tags* for what it shares:

* ``v:SLUG``: a short-form or acronym slug, its voters and the slug key itself (alias and
  short-form joins, and the short-form check of the alias table);
* ``p:PART``: a person's last name part (full-name joins and bare-surname joins all stay
  within one last part);
* ``c:REST``: an organization, and a country-prefixed organization naming it ('U.S. Mint');
* ``f:FORM``, ``h:HEAD``, ``b:PREFIXES``: organization name joins (same singular form, a
  head word with a generic tail, word-by-word abbreviations by three-letter prefixes);
* ``e:ID``: keys that resolved to one entity id (two groups can give one id).

The closure is every key reachable from the touched ones through shared tags, in the state
before the step (for the touched keys) and after it. Resolving only the closure with the
same resolver gives, for those keys, what resolving everything gives; the other keys keep
their ids. Alias rules can name any entity, so with rules the closure is every key.
"""

from __future__ import annotations

from collections import defaultdict

from graphbuild.entities import countries, names
from graphbuild.entities.resolve import CorpusResolver
from graphbuild.graph.model import ORGANIZATION, PERSON

_TAILS = names.GENERIC_TAIL | names.DESIGNATORS | {"party", "parties"}


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def key_tags(r: CorpusResolver, key: str) -> set[str]:
    """The tags of one key from its own statistics (label, most frequent name)."""
    label = r._settle(key)
    tags: set[str] = set()
    if label == PERSON:
        parts = r._parts(key)
        if parts:
            tags.add("p:" + parts[-1])
    elif label == ORGANIZATION:
        name = r._name(key)
        tags.add("c:" + key)
        words = name.split()
        if len(words) >= 2:
            hit = countries.lookup(words[0])
            if hit is not None and hit.sure:
                tags.add("c:" + names.org_key(words[1:]))
        w = [names.low(x) for x in words if not names.is_punct(x)]
        if w and not names.acronym(name):
            tags.add("f:" + "|".join(_singular(x) for x in w))
            if len(w) == 1 or all(x in _TAILS for x in w[1:]):
                tags.add("h:" + _singular(w[0]))
            if len(w) >= 2 and all(len(x) >= 3 for x in w):
                tags.add("b:" + "|".join(_singular(x)[:3] for x in w))
    return tags


def vote_classes(r: CorpusResolver, slugs) -> dict[str, set[str]]:
    """``v:SLUG`` -> the slug and its voters, for the given slugs."""
    out: dict[str, set[str]] = {}
    for s in slugs:
        members = {s} | set(r.short.get(s) or ()) | set(r.aliases.get(s) or ())
        out["v:" + s] = members
    return out


def before(r: CorpusResolver, keys: set[str], slugs: set[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Tags of ``keys`` and vote classes of ``slugs`` before the step changes the counts."""
    tags = {k: key_tags(r, k) for k in keys if k in r.labels}
    return tags, vote_classes(r, slugs)


class Closure:
    """The tag index of every key after the step, with the touched keys' earlier tags."""

    def __init__(self, r: CorpusResolver, old_ids: dict, old_tags: dict, old_votes: dict) -> None:
        self.index: dict[str, set[str]] = defaultdict(set)
        self.tags: dict[str, set[str]] = defaultdict(set)
        for k in r.labels:
            self._tag(k, key_tags(r, k))
        for tag, members in vote_classes(r, set(r.short) | set(r.aliases)).items():
            for m in members:
                self._tag(m, {tag})
        for tag, members in old_votes.items():
            for m in members:
                self._tag(m, {tag})
        for k, t in old_tags.items():
            self._tag(k, t)
        for k, final in old_ids.items():
            self._tag(k, {"e:" + final[0]})

    def _tag(self, key: str, tags: set[str]) -> None:
        self.tags[key] |= tags
        for t in tags:
            self.index[t].add(key)

    def grow(self, seeds: set[str], closed: set[str] | None = None) -> set[str]:
        """Every key reachable from ``seeds`` (added to ``closed`` if given)."""
        out = set() if closed is None else closed
        todo = [k for k in seeds if k not in out]
        out.update(todo)
        seen_tags: set[str] = set()
        while todo:
            k = todo.pop()
            for t in self.tags.get(k, ()):
                if t in seen_tags:
                    continue
                seen_tags.add(t)
                for o in self.index[t]:
                    if o not in out:
                        out.add(o)
                        todo.append(o)
        return out


def subset(r: CorpusResolver, keys: set[str]) -> CorpusResolver:
    """A resolver holding only ``keys``' statistics and the vote tables among them."""
    s = CorpusResolver(r.rules)
    for k in sorted(keys):
        if k in r.labels:
            s.labels[k] = r.labels[k]
            if k in r.names:
                s.names[k] = r.names[k]
            if k in r.evidence:
                s.evidence[k] = r.evidence[k]
    for table in ("short", "aliases"):
        mine, theirs = getattr(s, table), getattr(r, table)
        for slug_, votes in theirs.items():
            if slug_ in keys or any(v in keys for v in votes):
                mine[slug_] = votes
    return s
