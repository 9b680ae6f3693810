"""Web archives (WARC, plain or gzipped): every HTML response is a saved page.

Each ``response`` record with an HTML body and status 200 is read like an ``.html`` file
(:func:`graphbuild.ingest.html.page_article`); its id is the record's target URI. Requests,
metadata and other records are structure, not items; responses that are not HTML pages
(images, scripts, redirects) are counted in one warning per archive.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from graphbuild.graph.model import Article, Problem
from graphbuild.ingest.html import page_article
from graphbuild.ingest.text import ProblemSink


def _is_page(record) -> bool:
    headers = record.http_headers
    if headers is None:
        return False
    kind = (headers.get_header("Content-Type") or "").lower()
    return headers.get_statuscode() == "200" and ("html" in kind)


def read_warc(path: Path, max_bytes: int, on_problem: ProblemSink) -> Iterator[Article]:
    """The articles of the HTML pages a WARC file holds, in archive order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    origin = str(path)
    others = 0
    try:
        with path.open("rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                if not record.format.startswith("warc"):
                    raise ArchiveLoadFailed(f"{record.format} record")
                if record.rec_type != "response":
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                if not _is_page(record):
                    others += 1
                    continue
                where = f"{origin}#{uri or records.get_record_offset()}"
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    on_problem(Problem(where, f"page too large (over {max_bytes // 2**20} MB)"))
                    continue
                yield from page_article(body, uri or where, where, on_problem, url=uri or None)
    except (ArchiveLoadFailed, StatusAndHeadersParserException) as exc:
        on_problem(Problem(origin, f"not a WARC file, or damaged ({str(exc).splitlines()[0]})"))
    except (OSError, EOFError, ValueError) as exc:
        on_problem(Problem(origin, f"cannot read the archive ({exc})"))
    if others:
        on_problem(Problem(origin, f"{others} responses that are not HTML pages were not read", skipped=False))
