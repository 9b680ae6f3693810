"""Corpus-level resolution: one id per real entity across the corpus.

:class:`CorpusResolver` takes each article's mentions and alias pairs (from
:func:`mentions.article_mentions`, re-exported here): alias pairs and short-form evidence are
merged with union-find when they point at one dominant long form; a bare surname joins the
only full name with that surname; the label is the majority of mention labels; the display
name is the most frequent full form; the user alias file (:mod:`aliases`) is applied last.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from graphbuild.entities import countries, names
from graphbuild.entities.aliases import apply_rules
from graphbuild.entities.evidence import NONE, TYPE_EVIDENCE
from graphbuild.entities.mentions import article_mentions
from graphbuild.entities.names import org_joins, slug
from graphbuild.entities.unionfind import UnionFind
from graphbuild.graph.model import COUNTRY, ORGANIZATION, PERSON, PLACE, Mention, Resolution

__all__ = ["CorpusResolver", "article_mentions", "slug"]


def _dominant(votes: Counter, share: float = 2 / 3) -> str | None:
    """The item with at least ``share`` of the votes, if any."""
    if not votes:
        return None
    (top, n), total = votes.most_common(1)[0], sum(votes.values())
    return top if n >= share * total and (len(votes) == 1 or votes.most_common(2)[1][1] < n) else None


def _majority(votes: Counter) -> str:
    # Ties go to the more specific label: Person, then Organization.
    order = {PERSON: 0, ORGANIZATION: 1, COUNTRY: 2, PLACE: 3}
    return min(votes, key=lambda lab: (-votes[lab], order.get(lab, 9)))


class CorpusResolver:
    """Collects key statistics over the corpus, then decides the final id of every key."""

    def __init__(self, aliases=None) -> None:
        self.rules = aliases
        self.labels: dict[str, Counter] = defaultdict(Counter)
        self.names: dict[str, Counter] = defaultdict(Counter)
        self.short: dict[str, Counter] = defaultdict(Counter)  # short form slug -> long keys
        self.aliases: dict[str, Counter] = defaultdict(Counter)  # acronym slug -> long keys
        self.evidence: dict[str, Counter] = defaultdict(Counter)  # key -> label -> articles
        self.label: dict[str, str] = {}  # settled label of each key (finalize)
        self.articles: Counter[str] = Counter()  # key -> articles it is mentioned in

    def add(self, mentions: list[Mention], aliases: list[tuple[str, str]]) -> None:
        """Count one article's mentions (labels, names, short-form evidence) and aliases."""
        self.articles.update({m.key for m in mentions})
        for m in mentions:
            # A name led by an honorific ("Mr Brack", e.g. a speaker named by attribution) is
            # a person's whatever label it came with.
            titled = len(m.name.split()) > 1 and names.low(m.name.split()[0]) in names.HONORIFICS
            self.labels[m.key][PERSON if titled else m.label] += 1
            self.names[m.key][m.name] += 1
            if not m.key.startswith("country:"):
                own = slug(m.text)
                if own != m.key and own != slug(m.name):
                    self.short[own][m.key] += 1
        for short, long in aliases:
            if short.startswith(TYPE_EVIDENCE):
                self.evidence[long][short[len(TYPE_EVIDENCE) :]] += 1
            else:
                self.aliases[short][long] += 1

    def finalize(self) -> Resolution:
        """Decide the final id, label and name of every key."""
        uf = UnionFind()
        label = self.label = {k: self._settle(k) for k in self.labels}
        for short, votes in self.aliases.items():
            long = _dominant(votes)
            if long is not None:
                uf.union(short, long)
        for own, votes in self.short.items():
            # A short form that is a key of its own elsewhere ("Brack" in an article without
            # the full name) joins the long form it stands for in the other articles.
            long = _dominant(votes)
            if own in label and long in label and own not in self.aliases and label[own] == label[long] != COUNTRY:
                if not self._qualified(own, long):
                    uf.union(own, long)
        self._join_people(uf, label)
        self._join_country_prefixed(uf, label)
        for a, b in org_joins({k: self._name(k) for k, lab in label.items() if lab == ORGANIZATION}):
            uf.union(a, b)
        groups: dict[str, list[str]] = defaultdict(list)
        for k in sorted(self.labels):  # sorted: the result does not depend on article order
            groups[uf.find(k)].append(k)
        return apply_rules(self.rules, list(groups.values()), self._entity)

    def _settle(self, key: str) -> str:
        """The label of a key: what the context markers of its articles agree on (three in
        four, from two articles, or one backed by a third of the NER's votes), else the
        NER's majority. No entity at all (:data:`NONE`) takes two articles, a tenth of the
        name's articles (two articles' "Quarrow series" make no work of a broadcaster), as
        many as the organization markers and three times the person markers."""
        ner, ev = self.labels[key], Counter(self.evidence.get(key) or ())
        none = ev.pop(NONE, 0)
        # Organization markers such as "X, which" fit works and events as well; a person's
        # markers do not.
        if none >= 2 and none * 10 >= self.articles[key] and none >= ev[ORGANIZATION] and none >= 3 * ev[PERSON]:
            return NONE
        top = _dominant(ev, 0.75) if ev else None
        if top is not None and (ev[top] >= 2 or ner[top] * 3 >= sum(ner.values())):
            return top
        return _majority(ner)

    def _qualified(self, own: str, long: str) -> bool:
        """'Quarrow Party' is the end of 'Upper Quarrow Party' but names its own body when
        it is written on its own at least as often: a qualifier in front makes a part or a
        namesake ("Parliamentary ... Party", "New York Times"), not a longer spelling. The
        head of an "X of Y" name ("House" of "House of Quarrow") written alone is no short
        form across the corpus either: only its own article says which X it is."""
        if self.label.get(own) != ORGANIZATION:
            return False
        short, full = self._name(own).lower().split(), self._name(long).lower().split()
        if len(short) == 1 and full[:2] == [short[0], "of"]:
            return True  # "House" alone may be any "House of ...": only its article says which
        return (
            len(full) > len(short)
            and full[-len(short) :] == short
            and all(w.isalpha() for w in full[: -len(short)])  # "1 Quarrow" is a score
            and sum(self.labels[own].values()) >= sum(self.labels[long].values())
        )

    def _name(self, key: str) -> str:
        """The most frequent name of a key (ties: alphabetical, so article order is moot)."""
        votes = self.names[key]
        return min(votes, key=lambda n: (-votes[n], n))

    def _parts(self, key: str) -> list[str]:
        words = self._name(key).split()
        while len(words) > 1 and names.low(words[0]) in names.HONORIFICS:
            words = words[1:]  # "Mr Brack" is the bare surname Brack
        return names.person_parts(" ".join(words))

    def _join_people(self, uf: UnionFind, label: dict[str, str]) -> None:
        """A full name joins the one longer full name containing it ("Gerold Fane" ->
        "Gerold R. Fane"); a bare surname joins the full name that dominates it."""
        by_last: dict[str, list[str]] = defaultdict(list)
        full: dict[str, tuple] = {}
        single = []
        for k, lab in label.items():
            if lab != PERSON:
                continue
            parts = tuple(self._parts(k))
            if len(parts) >= 2:
                by_last[parts[-1]].append(k)
                full[k] = parts
            elif parts:
                single.append((k, parts[0]))
        for a, b in names.person_joins(full):
            uf.union(a, b)
        for k, part in single:
            if uf.find(k) != k or part not in by_last:
                continue
            votes: Counter[str] = Counter()
            for o in by_last[part]:
                votes[uf.find(o)] += sum(self.labels[o].values())
            top = _dominant(votes, 0.75)
            if top is not None:
                uf.union(k, top)

    def _join_country_prefixed(self, uf: UnionFind, label: dict[str, str]) -> None:
        """'U.S. Mint' joins 'Mint' when that is an organization of its own and no other
        country's mint is named ('UK Mint')."""
        prefixed: dict[str, set[str]] = defaultdict(set)
        for k, lab in label.items():
            if lab != ORGANIZATION:
                continue
            words = self._name(k).split()
            if len(words) < 2:
                continue
            hit = countries.lookup(words[0])
            rest = names.org_key(words[1:])
            # A country's name, not its demonym: the "Quarrovian Football Association" is
            # no branch of a "Football Association" written alone.
            if hit is not None and hit.sure and not hit.demonym and label.get(rest) == ORGANIZATION:
                prefixed[rest].add(k)
        for rest, keys in prefixed.items():
            if len(keys) == 1:
                uf.union(rest, keys.pop())

    def _entity(self, keys: list[str]) -> tuple[str, str, str, dict] | None:
        """(id, label, display name, props) of a group of keys; None for a group most of
        whose mentions are settled as no entity (a work, award, product or event)."""
        votes: Counter[str] = Counter()
        names_: Counter[str] = Counter()
        for k in keys:
            votes[self.label.get(k) or _majority(self.labels[k])] += sum(self.labels[k].values())
            names_.update(self.names[k])
        iso = next(
            (k[8:] for k in sorted(keys, key=lambda k: (-sum(self.labels[k].values()), k)) if k.startswith("country:")),
            None,
        )
        if iso is not None:
            country = countries.by_iso(iso)
            return f"country:{iso}", COUNTRY, country.name if country else iso, {"iso": iso}
        lab = _majority(votes)
        if lab == NONE:
            return None
        name = display_name(names_, lab)
        return f"{lab.lower()}:{slug(name) or slug(keys[0])}", lab, name, {}


def display_name(votes: Counter, label: str) -> str:
    """The most frequent full form: for people a name with two or more parts, for
    organizations not a bare acronym; ties go to the longer, then alphabetical."""
    if label == PERSON:
        full = [n for n in votes if len(n.split()) >= 2]
    else:
        full = [n for n in votes if not names.acronym(n)]
    pool = full or list(votes)
    return min(pool, key=lambda n: (-votes[n], -len(n), n))
