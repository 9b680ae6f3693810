"""User alias file (``graphbuild build --aliases FILE``): merge, rename, relabel or drop entities.

Format: UTF-8 text, one rule per line; blank lines and lines starting with ``#`` are ignored.

    # join entities the resolver kept apart
    merge: Crimson Valley Brigade = CVB = Red Valley Front
    # give an entity another display name (its id follows: person:odile-m-brack)
    rename: person:odile-brack => Odile M. Brack
    # change an entity's label (Person, Organization or Place)
    label: Vela TV => Organization
    # remove an entity and all its mentions
    drop: organization:pale-sun-union

An entity is named by its id as printed in the graph (``person:odile-brack``,
``country:USA``), or by any name it is mentioned with (case and punctuation do not matter;
``U.S.`` names ``country:USA``). Ids and names refer to the build *without* the alias file.
Rules apply in the order merge, label, rename, drop. A rule naming no entity of the corpus is
ignored, so one alias file can serve many corpora. Country ids never change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.entities import countries
from graphbuild.entities.names import slug
from graphbuild.errors import InputError
from graphbuild.graph.model import COUNTRY, ENTITY_LABELS, Resolution

_FIX = "fix: write 'merge: A = B', 'rename: A => New Name', 'label: A => Person' or 'drop: A'"


@dataclass
class AliasRules:
    """Parsed alias file: each rule keeps its line number for messages."""

    merges: list[list[str]] = field(default_factory=list)
    labels: list[tuple[str, str]] = field(default_factory=list)
    renames: list[tuple[str, str]] = field(default_factory=list)
    drops: list[str] = field(default_factory=list)


def load_aliases(path: str | Path) -> AliasRules:
    """Read and parse an alias file; problems raise :class:`InputError` naming file and line."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"alias file {p} does not exist; fix: give the path of an existing alias file") from None
    except UnicodeDecodeError:
        raise InputError(f"alias file {p} is not UTF-8 text; fix: save it as UTF-8") from None
    except OSError as exc:
        raise InputError(f"cannot read alias file {p} ({exc.strerror}); fix: check the path and permissions") from None
    return parse_aliases(text, str(p))


def parse_aliases(text: str, origin: str = "<aliases>") -> AliasRules:
    """Parse alias-file text (format in the module docstring)."""
    rules = AliasRules()
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        verb, sep, rest = line.partition(":")
        verb, rest = verb.strip().lower(), rest.strip()
        where = f"{origin}:{n}"
        if not sep or verb not in ("merge", "rename", "label", "drop"):
            raise InputError(f"{where}: unknown rule {line[:60]!r}; {_FIX}")
        if verb == "drop":
            rules.drops.append(_ref(rest, where))
        elif verb == "merge":
            refs = [_ref(r, where) for r in rest.split("=")]
            if len(refs) < 2:
                raise InputError(f"{where}: merge needs two or more entities; fix: write 'merge: A = B'")
            rules.merges.append(refs)
        else:
            rules_list = rules.renames if verb == "rename" else rules.labels
            rules_list.append(_pair(verb, rest, where))
    return rules


def _ref(text: str, where: str) -> str:
    text = text.strip()
    if not slug(text) and not text.startswith("country:"):
        raise InputError(f"{where}: empty entity name; fix: name an entity by its id or by a name it is mentioned with")
    return text


def _pair(verb: str, rest: str, where: str) -> tuple[str, str]:
    ref, sep, new = rest.partition("=>")
    if not sep or not new.strip():
        raise InputError(
            f"{where}: {verb} needs 'entity => new value'; fix: write '{verb}: A => "
            f"{'New Name' if verb == 'rename' else 'Organization'}'"
        )
    new = new.strip()
    if verb == "label":
        match = [lab for lab in ENTITY_LABELS if lab.lower() == new.lower()]
        if not match:
            raise InputError(f"{where}: unknown label {new!r}; fix: use one of {', '.join(ENTITY_LABELS)}")
        new = match[0]
        if new == COUNTRY:
            raise InputError(
                f"{where}: cannot label an entity Country; fix: countries come from "
                "their ISO names, use Person, Organization or Place"
            )
    return _ref(ref, where), new


# --- applying rules (called by resolve.CorpusResolver.finalize) ------------------------------

Entity = tuple[str, str, str, dict]  # id, label, name, props


def apply_rules(
    rules: AliasRules | None, groups: list[list[str]], entity: Callable[[list[str]], Entity | None]
) -> Resolution:
    """Turn groups of keys into a :class:`Resolution`, applying ``rules`` if given; a group
    whose ``entity`` is None is no entity (its keys get no id)."""
    ents = [entity(g) for g in groups]
    if rules is not None:
        groups, ents = _apply(rules, groups, ents, entity)
    res = Resolution()
    for keys, ent in zip(groups, ents):
        if ent is None:
            continue
        eid, lab, name, props = ent
        for k in keys:
            res.ids[k] = (eid, lab, name)
        res.entities.setdefault(eid, (lab, name, props))
    return res


def _index(groups: list[list[str]], ents: list[Entity | None]) -> dict[str, int]:
    """Reference form (id, key or name slug) -> group number."""
    idx: dict[str, int] = {}
    for i, (keys, ent) in enumerate(zip(groups, ents)):
        if ent is None:
            continue
        eid, _lab, name, _props = ent
        for k in keys:
            idx.setdefault(k, i)
        idx.setdefault(slug(name), i)
        idx[eid.lower()] = i
    return idx


def _find(idx: dict[str, int], ref: str) -> int | None:
    hit = idx.get(ref.lower())
    if hit is None:
        c = countries.lookup(ref)
        hit = idx.get("country:" + c.country.iso.lower()) if c else idx.get(slug(ref))
    return hit


def _apply(rules: AliasRules, groups, ents, entity):
    idx = _index(groups, ents)
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for refs in rules.merges:
        found = [i for i in (_find(idx, r) for r in refs) if i is not None]
        for i in found[1:]:
            parent[root(i)] = root(found[0])
    merged: dict[int, list[str]] = {}
    for i, keys in enumerate(groups):
        merged.setdefault(root(i), []).extend(keys)
    new_of = {i: n for n, i in enumerate(merged)}
    groups = list(merged.values())
    ents = [entity(g) if len(g) > 1 else ents[i] for i, g in zip(merged, groups)]

    def target(ref: str) -> int | None:
        i = _find(idx, ref)
        return None if i is None else new_of[root(i)]

    for ref, lab in rules.labels:
        n = target(ref)
        if n is not None and ents[n] is not None and ents[n][1] != COUNTRY:
            eid, _, name, props = ents[n]
            ents[n] = (f"{lab.lower()}:{eid.split(':', 1)[1]}", lab, name, props)
    for ref, name in rules.renames:
        n = target(ref)
        if n is not None and ents[n] is not None:
            eid, lab, _, props = ents[n]
            new_id = eid if lab == COUNTRY else f"{lab.lower()}:{slug(name)}"
            ents[n] = (new_id, lab, name, props)
    for ref in rules.drops:
        n = target(ref)
        if n is not None:
            ents[n] = None
    return groups, ents
