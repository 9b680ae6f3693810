"""Read articles from files, folders, JSONL and standard input.

Bad items never stop the run: each becomes a :class:`Problem` (file, line, reason) handed
to ``on_problem`` and the rest is read. Text is decoded as UTF-8, falling back to cp1252 /
latin-1 with a warning; offsets everywhere refer to the text exactly as decoded here.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from graphbuild.graph.model import Article, Problem

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_BINARY_SNIFF = 8192

ProblemSink = Callable[[Problem], None]


def _ignore(_: Problem) -> None:
    pass


def decode(data: bytes, origin: str, on_problem: ProblemSink) -> str | None:
    """Decode bytes as UTF-8, else cp1252, else latin-1; None (and a problem) for binary."""
    if b"\x00" in data[:_BINARY_SNIFF]:
        on_problem(Problem(origin, "binary file (NUL bytes), not text"))
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        on_problem(Problem(origin, f"not UTF-8; read as {enc}", skipped=False))
        return text
    return None  # unreachable: latin-1 decodes any bytes


def _walk(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if not path.is_file() and not path.is_symlink():  # dangling links are reported, not hidden
            continue
        if path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
            yield path


def _read_text_file(path: Path, article_id: str, on_problem: ProblemSink) -> Iterator[Article]:
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        on_problem(Problem(origin, f"cannot read: {exc.strerror or exc}"))
        return
    text = decode(data, origin, on_problem)
    if text is None:
        return
    if not text.strip():
        on_problem(Problem(origin, "empty file"))
        return
    yield Article(id=article_id, text=text, source=origin, origin=origin)


def read_jsonl_lines(lines: Iterable[bytes], origin: str, on_problem: ProblemSink) -> Iterator[Article]:
    """Articles from JSONL records ``{"id", "text", "title"?, "url"?, "published"?, "source"?}``."""
    for n, raw in enumerate(lines, 1):
        where = f"{origin}:{n}"
        if not raw.strip():
            continue
        line = decode(raw, where, on_problem)
        if line is None:
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            on_problem(Problem(where, f"malformed JSON ({exc.msg})"))
            continue
        if not isinstance(rec, dict):
            on_problem(Problem(where, "record is not a JSON object"))
            continue
        art_id, text = rec.get("id"), rec.get("text")
        if art_id is None or str(art_id).strip() == "":
            on_problem(Problem(where, 'record has no "id"'))
            continue
        if not isinstance(text, str) or not text.strip():
            on_problem(Problem(where, 'record has no "text"'))
            continue
        opt = {k: (str(rec[k]) if rec.get(k) is not None else None) for k in ("title", "url", "published", "source")}
        yield Article(id=str(art_id), text=text, origin=where, **opt)


def _read_path(path: Path, root: Path, on_problem: ProblemSink) -> Iterator[Article]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        try:
            with path.open("rb") as fh:
                yield from read_jsonl_lines(fh, str(path), on_problem)
        except OSError as exc:
            on_problem(Problem(str(path), f"cannot read: {exc.strerror or exc}"))
        return
    rel = path.relative_to(root) if path != root else Path(path.name)
    yield from _read_text_file(path, rel.as_posix(), on_problem)


def read_articles(inputs: Iterable[str], on_problem: ProblemSink = _ignore, stdin=None) -> Iterator[Article]:
    """Yield the articles of every input (file, folder, ``.jsonl`` or ``-``) in order.

    Duplicate ids keep the first article and report the others.
    """
    seen: set[str] = set()
    for art in _read_all(inputs, on_problem, stdin):
        if art.id in seen:
            on_problem(Problem(art.origin, f"duplicate article id {art.id!r}; kept the first"))
            continue
        seen.add(art.id)
        yield art


def _read_all(inputs, on_problem, stdin) -> Iterator[Article]:
    for item in inputs:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read()
            if data.lstrip()[:1] == b"{":
                yield from read_jsonl_lines(data.splitlines(), "<stdin>", on_problem)
            else:
                text = decode(data, "<stdin>", on_problem)
                if text and text.strip():
                    yield Article(id="stdin", text=text, source="<stdin>", origin="<stdin>")
                else:
                    on_problem(Problem("<stdin>", "empty input"))
            continue
        path = Path(item)
        if path.is_dir():
            for sub in _walk(path):
                yield from _read_path(sub, path, on_problem)
        elif path.is_file():
            yield from _read_path(path, path.parent, on_problem)
        else:
            on_problem(Problem(item, "no such file or folder"))
