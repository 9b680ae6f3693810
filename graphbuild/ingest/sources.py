"""Walk the inputs (files, folders, standard input) and hand each file to its format's reader.

Bad items never stop the run: each becomes a :class:`Problem` (file, line, reason) handed
to ``on_problem`` and the rest is read. A folder's files that are not read (hidden, a type
graphbuild does not read, a saved page's resources, too large, left out by a pattern) are
said too, as ``unread`` problems; a file named directly that cannot be read is a bad item.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Container, Iterable, Iterator
from dataclasses import replace
from pathlib import Path, PurePosixPath

from graphbuild.graph.model import Article, Problem
from graphbuild.ingest import dates, safety
from graphbuild.ingest.options import ReadOptions, left_out
from graphbuild.ingest.text import ProblemSink, decode, read_jsonl_lines, text_article

__all__ = ["ProblemSink", "ReadOptions", "decode", "read_articles", "read_jsonl_lines"]

TEXT = "text"
JSONL = "jsonl"
HTML = "html"
MHTML = "mhtml"
TABLE = "table"
WARC = "warc"
FEED = "feed"
FORMATS = {
    ".txt": TEXT, ".md": TEXT, ".text": TEXT, ".markdown": TEXT,
    ".jsonl": JSONL, ".ndjson": JSONL,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".mhtml": MHTML, ".mht": MHTML,
    ".csv": TABLE, ".tsv": TABLE, ".tab": TABLE,
    ".warc": WARC, ".warc.gz": WARC,
    ".rss": FEED, ".atom": FEED, ".xml": FEED,
}  # fmt: skip
# Document and media types no reader handles: refused even when named directly (any other
# unknown file named directly is read as plain text, as it always was).
NOT_TEXT = {
    ".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".epub",
    ".zip", ".gz", ".bz2", ".xz", ".7z", ".tar", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".mp3", ".mp4",
}  # fmt: skip
WHOLE = {TEXT, HTML, MHTML, FEED}  # formats read into memory at once (size-limited); the others stream


def _ignore(_: Problem) -> None:
    pass


def file_format(path: Path) -> str | None:
    """The format graphbuild reads ``path`` as, from its name, or None."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return WARC
    return FORMATS.get(path.suffix.lower())


def _unsupported(path: Path) -> str:
    suffix = path.suffix.lower()
    return f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)"


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # a dangling link: reading it reports the reason


def _too_large(size: int, limit: int) -> str:
    return f"too large ({size / 2**20:.1f} MB; the limit is {limit / 2**20:.0f} MB)"


def _walk(root: Path, opts: ReadOptions, on_problem: ProblemSink, exclude: Iterable[Path] = ()) -> Iterator[Path]:
    closed: set[PurePosixPath] = set()  # folders said once and not entered
    for path in sorted(root.rglob("*")):  # sorted: a folder comes before what it holds
        rel = PurePosixPath(path.relative_to(root).as_posix())
        if any(parent in closed for parent in rel.parents):
            continue
        if safety.is_build_artifact(path.name):  # a build's staging folder or lock: not input, not news
            if path.is_dir():
                closed.add(rel)
            continue
        folder = path.is_dir() and not path.is_symlink()
        why = _folder_left_out(path, rel, opts) if folder else _file_left_out(path, rel, opts)
        if why is None and folder and _is_output(path, exclude):
            why = "a graphbuild output folder, not read as input"
        if why is not None:
            on_problem(Problem(str(path), why, skipped=False, unread=True))
            if folder:
                closed.add(rel)
            continue
        if not folder and (path.is_file() or path.is_symlink()):  # dangling links are reported, not hidden
            yield path


_PAGE_RESOURCES = re.compile(r"(.+)[_-]\w+")  # "Story_files", "Story-Dateien": what a browser saves beside Story.html


def _folder_left_out(path: Path, rel: PurePosixPath, opts: ReadOptions) -> str | None:
    if path.name.startswith("."):
        return "hidden folder, not read"
    m = _PAGE_RESOURCES.fullmatch(path.name)
    if m and any((path.parent / f"{m.group(1)}{ext}").is_file() for ext in (".html", ".htm")):
        return f"resources of the saved page {m.group(1)}.html, not read"
    return left_out(rel, replace(opts, include=()))


def _file_left_out(path: Path, rel: PurePosixPath, opts: ReadOptions) -> str | None:
    if path.name.startswith("."):
        return "hidden file, not read"
    if path.is_dir():
        return "link to a folder, not followed"
    why = left_out(rel, opts)
    fmt = file_format(path)
    if why is None and fmt is None:
        why = _unsupported(path)
    if why is None and fmt in WHOLE and _size(path) > opts.max_file_bytes:
        why = _too_large(_size(path), opts.max_file_bytes)
    return why


def _is_output(path: Path, exclude: Iterable[Path]) -> bool:
    """A build's output folder (the current ``--out``, or any holding the marker)."""
    return safety.is_output_folder(path) or any(path.resolve() == Path(e).resolve() for e in exclude)


def _read_bytes(path: Path, on_problem: ProblemSink) -> bytes | None:
    try:
        return safety.read_regular(path)  # regular files only, bounded, never blocking
    except safety.Unreadable as exc:
        on_problem(Problem(str(path), str(exc)))
        return None


def _article_id(path: Path, root: Path, taken: Container[str], on_problem: ProblemSink) -> str:
    """A file's article id: its path relative to the folder it was found in (its name when
    given directly); when an earlier input of the build has that id, the folder's own name
    and then its parents' go in front (``2024/001.txt``) until it is unique. Bytes of the
    name that are not UTF-8 become U+FFFD."""
    rel = (path.relative_to(root) if path != root else Path(path.name)).as_posix()
    art_id = rel
    parents = list(Path(os.path.abspath(root)).parts[1:])
    while art_id in taken and parents:
        art_id = f"{parents.pop()}/{art_id}"
    text, changed = safety.path_text(art_id)
    if changed:
        on_problem(Problem(str(path), f"file name is not valid UTF-8; its article id is {text!r}", skipped=False))
    elif art_id != rel:
        on_problem(
            Problem(
                str(path), f"article id {rel!r} is taken by an earlier input; this one is {art_id!r}", skipped=False
            )
        )
    return text


def _read_path(
    path: Path, root: Path, opts: ReadOptions, on_problem: ProblemSink, taken: Container[str] = ()
) -> Iterator[Article]:
    from graphbuild.ingest import feeds, html, tables, warc

    origin = str(path)
    rel = _article_id(path, root, taken, on_problem)
    fmt = file_format(path)
    if fmt is None and path.suffix.lower() in NOT_TEXT:
        on_problem(
            Problem(origin, f"{_unsupported(path)}; graphbuild reads text, web pages, tables, JSONL, WARC and feeds")
        )
        return
    if (fmt is None or fmt in WHOLE) and _size(path) > opts.max_file_bytes:
        on_problem(Problem(origin, _too_large(_size(path), opts.max_file_bytes)))
        return
    try:
        if fmt == JSONL:
            try:
                fh = safety.open_regular(path)
            except safety.Unreadable as exc:
                on_problem(Problem(origin, str(exc)))
                return
            with fh:
                yield from read_jsonl_lines(safety.utf8_lines(fh), origin, on_problem)
        elif fmt == TABLE:
            yield from tables.read_table(path, rel, opts.columns, on_problem)
        elif fmt == WARC:
            yield from warc.read_warc(path, opts.max_file_bytes, on_problem)
        elif (data := _read_bytes(path, on_problem)) is not None:
            if fmt == HTML:
                yield from html.page_article(data, rel, origin, on_problem)
            elif fmt == MHTML:
                yield from html.mhtml_article(data, rel, origin, on_problem)
            elif fmt == FEED:
                yield from feeds.read_feed(data, rel, origin, on_problem)
            else:
                yield from text_article(data, rel, origin, on_problem)
    except OSError as exc:
        on_problem(Problem(origin, f"cannot read: {exc.strerror or exc}"))


def read_articles(
    inputs: Iterable[str],
    on_problem: ProblemSink = _ignore,
    stdin=None,
    options: ReadOptions | None = None,
    exclude: Iterable[Path] = (),
) -> Iterator[Article]:
    """Yield the articles of every input (file, folder or ``-``) in order; folders in
    ``exclude`` and every graphbuild output folder are not read.

    Duplicate ids keep the first article and report the others. Every reader's
    ``published`` (JSONL field, table column, page metadata, feed date) is normalised here
    in one place (:func:`graphbuild.ingest.dates.published`): a value that is no date is a
    warning naming the item, and the article is kept undated. A lone surrogate in any
    field (a JSON ``"\\ud800"``) becomes U+FFFD, with a warning: it cannot be written anywhere.
    """
    opts = options or ReadOptions()
    seen: set[str] = set()
    for art in _read_all(inputs, on_problem, stdin, opts, list(exclude), seen):
        art = _dated(_without_surrogates(art, on_problem), opts, on_problem)
        if art.id in seen:
            on_problem(Problem(art.origin, f"duplicate article id {art.id!r}; kept the first"))
            continue
        seen.add(art.id)
        yield art


def _dated(art: Article, opts: ReadOptions, on_problem: ProblemSink) -> Article:
    """``art`` with its publication date normalised, or taken from its path when asked."""
    published = dates.published(art.published, art.origin, on_problem)
    if published is None and opts.date_from_path and art.origin != "<stdin>":
        published = dates.from_path(art.origin)
    return art if published == art.published else replace(art, published=published)


def _without_surrogates(art: Article, on_problem: ProblemSink) -> Article:
    changes = {}
    for k in ("id", "text", "title", "url", "published", "source"):
        v = getattr(art, k)
        if isinstance(v, str):
            cleaned, changed = safety.without_surrogates(v)
            if changed:
                changes[k] = cleaned
                if k != "source":  # a file's path: already said when its name is not UTF-8
                    why = f'"{k}" holds a lone surrogate escape; replaced by U+FFFD'
                    on_problem(Problem(art.origin, why, skipped=False))
    return replace(art, **changes) if changes else art


def _read_stdin(stream, on_problem: ProblemSink) -> Iterator[Article]:
    from graphbuild.ingest import html

    data = stream.read()
    marked, _ = safety.bom_decode(data)  # a byte order mark is not content: JSONL stays JSONL
    if marked is not None:
        data = marked.encode("utf-8", "surrogatepass")
    head = data.lstrip()[:15].lower()
    if head[:1] == b"{":
        yield from read_jsonl_lines(data.splitlines(), "<stdin>", on_problem)
    elif head.startswith((b"<!doctype html", b"<html")):
        yield from html.page_article(data, "stdin", "<stdin>", on_problem)
    else:
        text = decode(data, "<stdin>", on_problem)
        if text and text.strip():
            yield Article(id="stdin", text=text, source="<stdin>", origin="<stdin>")
        else:
            on_problem(Problem("<stdin>", "empty input"))


def _read_all(
    inputs, on_problem: ProblemSink, stdin, opts: ReadOptions, exclude: list[Path], taken: Container[str]
) -> Iterator[Article]:
    for item in inputs:
        if item == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, on_problem)
            continue
        path = Path(item)
        if path.is_dir():
            if _is_output(path, exclude):
                on_problem(Problem(item, "a graphbuild output folder, not read as input"))
                continue
            for sub in _walk(path, opts, on_problem, exclude):
                yield from _read_path(sub, path, opts, on_problem, taken)
        elif path.exists() or path.is_symlink():  # special files are reported by the reader
            yield from _read_path(path, path.parent, opts, on_problem, taken)
        else:
            on_problem(Problem(item, "no such file or folder"))
