"""CSV and TSV exports: a header row, one article per row, streamed.

Columns are found by common names (:data:`COMMON_NAMES`) or mapped by the caller
(``ReadOptions.columns``). A text cell holding HTML becomes text, one line per block, as a
feed item does. Quoted fields may run over several lines; a row's place in
messages is the line it starts on. The file is read row by row, so its size does not matter;
one field may hold up to :data:`FIELD_LIMIT` characters.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from graphbuild.graph.model import Article, Problem
from graphbuild.ingest.html import fragment_text
from graphbuild.ingest.text import ProblemSink, is_binary

COMMON_NAMES = {
    "id": ("id", "article_id", "doc_id", "guid", "uuid"),
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "article_text", "body_text", "story"),
    "title": ("title", "headline", "heading"),
    "published": ("published", "date", "published_at", "publish_date", "publication_date", "pub_date", "pubdate"),
    "url": ("url", "link", "uri", "permalink"),
    "source": ("source", "outlet", "publisher", "publication", "site", "media"),
}
FIELD_LIMIT = 16 * 2**20  # characters: a longer cell is no article
_SNIFF_BYTES = 1 << 20
_DELIMITERS = ",;\t|"
_HTML_CELL = re.compile(r"</(p|div|li|h[1-6]|blockquote|span|a|em|strong)\s*>|<br\s*/?>", re.IGNORECASE)
_SEP_LINE = re.compile(r"^sep=(.)\r?\n?$")


def _norm(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def find_columns(header: list[str], mapping: Mapping[str, str]) -> tuple[dict[str, int], str | None]:
    """Column index per article field; the second value says what is wrong, if anything."""
    index = {_norm(h): i for i, h in reversed(list(enumerate(header)))}
    cols: dict[str, int] = {}
    for fld, names in COMMON_NAMES.items():
        if fld in mapping:
            i = index.get(_norm(mapping[fld]))
            if i is None:
                return {}, f"no column {mapping[fld]!r} (mapped to {fld}); the header has: {', '.join(header)}"
            cols[fld] = i
            continue
        found = next((index[n] for n in names if n in index), None)
        if found is not None:
            cols[fld] = found
    if "text" not in cols:
        return {}, (
            f"no text column (looked for {', '.join(COMMON_NAMES['text'][:4])}); the header has: "
            f"{', '.join(header)}; fix: map the column that holds the text, e.g. text={header[0] if header else 'body'}"
        )
    return cols, None


def _encoding(path: Path, origin: str, on_problem: ProblemSink) -> str | None:
    with path.open("rb") as fh:
        head = fh.read(_SNIFF_BYTES)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # spreadsheet "Unicode text" exports are UTF-16
        return "utf-16"
    if is_binary(head):
        on_problem(Problem(origin, "binary file (NUL bytes), not a table"))
        return None
    if not head.strip():
        on_problem(Problem(origin, "empty file"))
        return None
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=len(head) < _SNIFF_BYTES)
        return "utf-8-sig"
    except UnicodeDecodeError:
        on_problem(Problem(origin, "not UTF-8; read as cp1252", skipped=False))
        return "cp1252"


def _delimiter(path: Path, first_line: str) -> str:
    if path.suffix.lower() in (".tsv", ".tab"):
        return "\t"
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_table(path: Path, rel: str, mapping: Mapping[str, str], on_problem: ProblemSink) -> Iterator[Article]:
    """The articles of a CSV/TSV file, one per row with text; ``rel`` names rows without an id."""
    origin = str(path)
    encoding = _encoding(path, origin, on_problem)
    if encoding is None:
        return
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    with path.open(encoding=encoding, newline="") as fh:
        first = fh.readline()
        declared = _SEP_LINE.match(first)  # spreadsheet exports may start with "sep=;"
        if declared is None:
            fh.seek(0)
        delimiter = declared.group(1) if declared else _delimiter(path, first)
        reader = csv.reader(fh, delimiter=delimiter, strict=True)
        yield from _rows(reader, origin, rel, mapping, on_problem, skipped_lines=1 if declared else 0)


def _rows(
    reader, origin: str, rel: str, mapping: Mapping[str, str], on_problem: ProblemSink, skipped_lines: int = 0
) -> Iterator[Article]:
    head = f"{origin}:{1 + skipped_lines}"
    try:
        header = next(reader)
    except StopIteration:
        return
    except (csv.Error, UnicodeDecodeError) as exc:
        on_problem(Problem(head, f"cannot read the header row ({exc})"))
        return
    cols, wrong = find_columns(header, mapping)
    if wrong:
        on_problem(Problem(head, wrong))
        return
    text_name = header[cols["text"]]
    while True:
        start = reader.line_num + skipped_lines + 1  # the line this row starts on
        try:
            row = next(reader)
        except StopIteration:
            return
        except (csv.Error, UnicodeDecodeError) as exc:
            on_problem(Problem(f"{origin}:{start}", _row_error(exc)))
            if isinstance(exc, UnicodeDecodeError) or "unexpected end of data" in str(exc):
                return
            continue
        if any(cell.strip() for cell in row):
            art = _article(row, cols, text_name, f"{origin}:{start}", f"{rel}:{start}", on_problem)
            if art is not None:
                yield art


def _row_error(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 from this row on; the rest of the file was not read"
    if "unexpected end of data" in str(exc):
        return "a quoted field opened in this row is never closed; the rest of the file was not read"
    return f"malformed row ({exc})"


def _article(row: list[str], cols: dict[str, int], text_name: str, where: str, fallback_id: str, on_problem):
    def cell(fld: str) -> str | None:
        i = cols.get(fld)
        value = row[i].strip() if i is not None and i < len(row) else ""
        return value or None

    text = row[cols["text"]] if cols["text"] < len(row) else ""
    if _HTML_CELL.search(text):  # CMS and feed-reader exports keep the body as HTML
        text = fragment_text(text)
    if not text.strip():
        on_problem(Problem(where, f"row has no text (column {text_name!r})"))
        return None
    return Article(
        id=cell("id") or cell("url") or fallback_id,
        text=text,
        title=cell("title"),
        url=cell("url"),
        published=cell("published"),
        source=cell("source"),
        origin=where,
    )
