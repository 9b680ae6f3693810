"""The query library behind ``graphbuild query``: finding a query file, its parameters, and
formatting result rows as a table, JSON or CSV.

Pure: no Neo4j import (the store converts Neo4j values to plain dicts and lists before the
rows get here), so everything can be tested without a server.

A query file is Cypher with a comment header::

    // top-entities: the most mentioned entities.          <- first line: the description
    //   @param limit = 10     how many rows                 <- optional, default parsed as JSON
    //   @param name           the entity                    <- required (no default)

Every ``$name`` used in the Cypher body is a parameter too; one without a default is
required. A parameter whose help says ``(id, name ...`` names an entity: when its value
matches no entity, :func:`check_entities` says so and suggests the nearest names. Header
lines ``//   graphbuild query ...`` are the query's examples.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from graphbuild.errors import InputError

SUFFIX = ".cypher"
FORMATS = ("table", "json", "csv")


class Format(str, Enum):
    """Output formats of ``graphbuild query``."""

    table = "table"
    json = "json"
    csv = "csv"


TABLE_MAX_WIDTH = 60  # table cells (all but the last column) are cut to this many characters

_PARAM_LINE = re.compile(r"^\s*//\s*@param\s+([A-Za-z_][A-Za-z0-9_]*)\s*(=)?\s*(.*)$")
_PARAM_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_NAME_OR_DASH = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")  # a library query name
# Cypher string literals and comments, removed before looking for $params.
_STRIP = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)

_MISSING = object()
_ENTITY_HELP = re.compile(r"\(id, name\b")
_EXAMPLE = re.compile(r"^\s*//\s+(graphbuild query\s.*\S)\s*$")

# Whether a value names an entity, the way the library's queries match one.
ENTITY_MATCHES = """
MATCH (x:Entity)
WHERE x.id = $value OR toLower(x.name) = toLower($value) OR toLower(coalesce(x.iso, '')) = toLower($value)
   OR any(a IN coalesce(x.aliases, []) WHERE toLower(a) = toLower($value))
RETURN count(x) AS n
"""
ENTITY_NAMES = "MATCH (x:Entity) RETURN x.id AS id, x.name AS name, x.aliases AS aliases, x.mentions AS mentions"


@dataclass
class Param:
    name: str
    default: object = _MISSING
    help: str = ""

    @property
    def required(self) -> bool:
        return self.default is _MISSING

    @property
    def entity(self) -> bool:
        """Whether the parameter names an entity (its help says "(id, name ...")."""
        return bool(_ENTITY_HELP.search(self.help))


@dataclass
class Query:
    name: str
    path: Path
    text: str
    description: str = ""
    params: dict[str, Param] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)

    @property
    def purpose(self) -> str:
        """The description without the leading ``name:``."""
        head, sep, rest = self.description.partition(":")
        return rest.strip() if sep and head.strip() == self.name else self.description


# --- finding a query -------------------------------------------------------------------


def query_dirs(cwd: str | Path | None = None) -> list[Path]:
    """Where query names are looked up: the installed library only, that is the ``queries``
    folder next to the package (a source checkout), then ``<prefix>/share/graphbuild/queries``
    (a wheel). Never the current folder: a query name typed inside an untrusted folder must
    not run a file planted there (``cwd`` is accepted for compatibility and ignored)."""
    import sys

    dirs = [
        Path(__file__).resolve().parents[2] / "queries",
        Path(sys.prefix) / "share" / "graphbuild" / "queries",
    ]
    out: list[Path] = []
    for d in dirs:
        if d.is_dir() and all(d.resolve() != o.resolve() for o in out):
            out.append(d)
    return out


def available(cwd: str | Path | None = None) -> list[str]:
    """Names of the queries in :func:`query_dirs`, sorted, without duplicates."""
    return sorted({p.stem for d in query_dirs(cwd) for p in d.glob("*" + SUFFIX) if p.is_file()})


def find(query: str, cwd: str | Path | None = None) -> Path:
    """The file for ``query``: a path (it holds a ``/`` or ends in ``.cypher``) as given,
    relative to ``cwd``; else the library query ``NAME`` (see :func:`query_dirs`). An
    unknown name raises :class:`InputError` listing the available ones."""
    given = Path(query)
    if "/" in query or os.sep in query or query.endswith(SUFFIX):
        here = Path(cwd) if cwd is not None else Path.cwd()
        path = given if given.is_absolute() else here / given
        if path.is_file():
            return path
        raise InputError(f"no query file {query!r}; fix: give the path of an existing .cypher file")
    if _NAME_OR_DASH.match(query):
        for d in query_dirs(cwd):
            for cand in (d / query, d / (query + SUFFIX)):
                if cand.is_file():
                    return cand
    names = available(cwd)
    listing = ", ".join(names) if names else "none (no queries/ folder found)"
    raise InputError(f"unknown query {query!r}; fix: give a .cypher file or one of: {listing}")


def parse(text: str, name: str = "query", path: Path | None = None) -> Query:
    """A query's description and parameters from its header and body."""
    q = Query(name, path or Path(name), text)
    for line in text.splitlines():
        if not line.strip():
            continue
        if not line.lstrip().startswith("//"):
            break
        body = line.lstrip()[2:].strip()
        if not q.description and body and not body.startswith("@"):
            q.description = body
        example = _EXAMPLE.match(line)
        if example:
            q.examples.append(example.group(1))
        m = _PARAM_LINE.match(line)
        if m:
            pname, eq, rest = m.groups()
            if not eq:
                q.params[pname] = Param(pname, _MISSING, rest.strip())
            else:
                default, help_ = _split_default(rest)
                q.params[pname] = Param(pname, default, help_)
    for pname in _PARAM_USE.findall(_STRIP.sub(" ", text)):
        q.params.setdefault(pname, Param(pname))
    return q


def _split_default(rest: str) -> tuple[object, str]:
    """``= DEFAULT  help``: DEFAULT is a JSON value (which may hold spaces) or one word."""
    try:
        value, end = json.JSONDecoder().raw_decode(rest)
        if end == len(rest) or rest[end].isspace():
            return value, rest[end:].strip()
    except ValueError:
        pass
    word, _, help_ = rest.partition(" ")
    return parse_value(word), help_.strip()


def load(query: str, cwd: str | Path | None = None) -> Query:
    """Find and parse ``query`` (a path or a library name)."""
    path = find(query, cwd)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read query file {path}: {exc}; fix: give a readable UTF-8 .cypher file") from None
    name = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.name
    return parse(text, name, path)


def catalog(cwd: str | Path | None = None) -> list[Query]:
    """Every query of the library, parsed, sorted by name."""
    return [load(name, cwd) for name in available(cwd)]


def _signature(p: Param) -> str:
    return p.name if p.required else f"{p.name}={json.dumps(p.default, ensure_ascii=False)}"


def listing(queries: list[Query]) -> str:
    """One entry per query: name and purpose, then its parameters (``name`` is required,
    ``name=default`` optional)."""
    width = max((len(q.name) for q in queries), default=0) + 2
    lines = []
    for q in queries:
        lines.append(f"{q.name.ljust(width)}{q.purpose}")
        if q.params:
            lines.append(" " * width + "params: " + ", ".join(_signature(p) for p in q.params.values()))
    return "\n".join(lines) + "\n"


def usage(q: Query) -> str:
    """A query's help: purpose, each parameter (required or its default, and what it
    does), examples."""
    lines = [f"{q.name}: {q.purpose}", ""]
    if q.params:
        lines.append("parameters (give each as --param NAME=VALUE):")
        width = max(len(_signature(p)) for p in q.params.values()) + 2
        for p in q.params.values():
            what = p.help or ""
            lines.append(f"  {_signature(p).ljust(width)}{'(required) ' if p.required else ''}{what}".rstrip())
    else:
        lines.append("no parameters")
    if q.examples:
        lines += ["", "example:" if len(q.examples) == 1 else "examples:", *(f"  {e}" for e in q.examples)]
    return "\n".join(lines) + "\n"


# --- entity names ----------------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def suggest(value: str, entities: list[dict], n: int = 5) -> list[str]:
    """The names of ``entities`` (dicts with ``name``, ``aliases``, ``mentions``) nearest
    to ``value``: containing it or written alike, most mentioned first among equals."""
    want = _fold(value)
    if not want:
        return []
    scored: dict[str, float] = {}
    weight = {e["name"]: e.get("mentions") or 0 for e in entities if e.get("name")}
    for e in entities:
        name = e.get("name")
        if not name:
            continue
        for form in {name, *(e.get("aliases") or [])}:
            f = _fold(form)
            if not f:
                continue
            score = difflib.SequenceMatcher(None, want, f).ratio()
            if want in f.split() or (len(want) >= 3 and want in f):
                score = max(score, 0.8)
            scored[name] = max(scored.get(name, 0.0), score)
    best = sorted((-score, -weight[name], name) for name, score in scored.items() if score >= 0.6)
    return [name for _, _, name in best[:n]]


Runner = Callable[[str, dict], tuple[list[str], list[list]]]


def check_entities(q: Query, params: dict, run: Runner) -> None:
    """Raise :class:`InputError` when a value given for an entity parameter of ``q`` names
    no entity, with the nearest names; ``run(cypher, params)`` returns keys and rows."""
    for p in q.params.values():
        value = params.get(p.name)
        if not p.entity or not isinstance(value, str):
            continue
        _, rows = run(ENTITY_MATCHES, {"value": value})
        if rows and rows[0][0]:
            continue
        keys, rows = run(ENTITY_NAMES, {})
        near = suggest(value, [dict(zip(keys, r)) for r in rows])
        hint = f"did you mean {', '.join(repr(x) for x in near)}? " if near else ""
        raise InputError(
            f"no entity is named {value!r} ({p.name} of query {q.name}); {hint}"
            f"fix: give a name, alias or id as in the graph (query find-entity -p name=TEXT searches)"
        )


# --- parameters ------------------------------------------------------------------------


def _no_constant(token: str):
    raise ValueError(token)  # NaN / Infinity stay strings


def parse_value(text: str):
    """A parameter value: JSON when it parses (numbers, true/false/null, lists, quoted
    strings, objects), otherwise the text itself as a string."""
    try:
        return json.loads(text, parse_constant=_no_constant)
    except ValueError:
        return text


def parse_param(spec: str) -> tuple[str, object]:
    """``name=value`` -> ``(name, value)`` with :func:`parse_value`; the value may contain ``=``."""
    name, sep, value = spec.partition("=")
    name = name.strip()
    if not sep or not _NAME.match(name):
        raise InputError(
            f"bad query parameter {spec!r}; fix: write NAME=VALUE "
            "(NAME is letters, digits, _; VALUE is JSON or plain text)"
        )
    return name, parse_value(value)


def parse_params(specs: list[str]) -> dict:
    """Every ``--param`` given; a later one for the same name wins."""
    return dict(parse_param(s) for s in specs or [])


def bind(query: Query, given: dict) -> dict:
    """The parameters to send: given values over defaults; a missing required one or an
    unknown one raises :class:`InputError` naming it."""
    unknown = sorted(set(given) - set(query.params))
    if unknown:
        takes = ", ".join(query.params) or "no parameters"
        raise InputError(f"query {query.name} has no parameter {unknown[0]!r}; fix: use one of: {takes}")
    out = {}
    for p in query.params.values():
        if p.name in given:
            value = given[p.name]
            if type(p.default) is int and value is not None and (type(value) is not int):
                raise InputError(
                    f"query {query.name} parameter {p.name!r} must be a whole number, not "
                    f"{value!r}; fix: e.g. {p.name}={p.default}"
                )
            out[p.name] = value
        elif p.required:
            hint = f" ({p.help})" if p.help else ""
            raise InputError(f"query {query.name} needs parameter {p.name!r}{hint}; fix: give {p.name}=VALUE")
        else:
            out[p.name] = p.default
    return out


# --- formatting ------------------------------------------------------------------------


def _jsonable(v):
    """Plain JSON values: NaN/Infinity become null, other objects their str()."""
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return str(v)


def _text(v) -> str:
    """A cell as text: strings as they are, null empty, booleans and containers as JSON."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, (bool, list, tuple, dict)) or (isinstance(v, float) and not math.isfinite(v)):
        return json.dumps(_jsonable(v), ensure_ascii=False)
    return str(v)


def to_json(keys: list[str], rows: list[list]) -> str:
    """A JSON array of objects, one per row."""
    return json.dumps([{k: _jsonable(v) for k, v in zip(keys, row)} for row in rows], ensure_ascii=False, indent=2)


def to_csv(keys: list[str], rows: list[list]) -> str:
    """CSV with a header row (quoted as the csv module does; lists and maps as JSON)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(keys)
    for row in rows:
        w.writerow([_text(v) for v in row])
    return buf.getvalue()


_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def _cell(v, width: int | None) -> str:
    if isinstance(v, (list, tuple)) and all(isinstance(x, (str, int, float)) and not isinstance(x, bool) for x in v):
        s = ", ".join(str(x) for x in v)
    else:
        s = _text(v)
    s = _CONTROL.sub(" ", s)
    if width is not None and len(s) > width:
        s = s[: width - 1] + "…"
    return s


def to_table(keys: list[str], rows: list[list], max_width: int = TABLE_MAX_WIDTH) -> str:
    """Aligned plain-text columns, one line per row, then a row count. Cells are cut to
    ``max_width`` characters except in the last column (use JSON or CSV for full values)."""
    last = len(keys) - 1
    cells = [[_cell(v, None if i == last else max_width) for i, v in enumerate(row)] for row in rows]
    widths = [max([len(k)] + [len(r[i]) for r in cells]) for i, k in enumerate(keys)]

    def line(values):
        return "  ".join(v.ljust(widths[i]) if i < last else v for i, v in enumerate(values)).rstrip()

    out = [line(keys), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(out) + "\n"


def format_rows(keys: list[str], rows: list[list], fmt: str = "table") -> str:
    """Rows as ``table``, ``json`` or ``csv`` text."""
    if fmt == "json":
        return to_json(keys, rows) + "\n"
    if fmt == "csv":
        return to_csv(keys, rows)
    if fmt == "table":
        return to_table(keys, rows)
    raise InputError(f"unknown format {fmt!r}; fix: use one of {', '.join(FORMATS)}")
