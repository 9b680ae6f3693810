"""Web archives: each HTML response of a WARC file is read like a saved page."""

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from graphbuild.ingest.sources import read_articles

PAGE = (Path(__file__).parent / "data" / "ingest" / "harbor-deal.html").read_bytes()


def _response(writer, uri, body, content_type="text/html; charset=utf-8", status="200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))


def _warc(path, gzip):
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gzip)
        w.write_record(w.create_warc_record("https://valleycourier.example/", "warcinfo", payload=io.BytesIO(b"x")))
        _response(w, "https://valleycourier.example/politics/harbor", PAGE)
        _response(w, "https://valleycourier.example/logo.png", b"\x89PNG\r\n", content_type="image/png")
        _response(w, "https://valleycourier.example/old", b"", status="301 Moved Permanently")
        _response(w, "https://valleycourier.example/menu", b"<html><body><nav><a href='/'>Home</a></nav></body></html>")


def test_warc_pages_become_articles(tmp_path):
    for name, gzip in (("crawl.warc.gz", True), ("crawl.warc", False)):
        _warc(tmp_path / name, gzip)
        problems = []
        arts = list(read_articles([str(tmp_path / name)], problems.append))
        assert [a.id for a in arts] == ["https://valleycourier.example/politics/harbor"]
        (art,) = arts
        assert art.title == "Harbor deal splits coastal towns" and "Odile Brack" in art.text
        assert "Datalytix" not in art.text and art.source == "The Valley Courier"
        assert art.url == "https://valleycourier.example/politics/2026/03/harbor-deal"  # the canonical link
        assert art.origin == f"{tmp_path / name}#https://valleycourier.example/politics/harbor"
        assert [(p.origin, p.reason, p.skipped, p.unread) for p in problems] == [
            (f"{tmp_path / name}#https://valleycourier.example/menu", "no article text found in the page", True, False),
            (str(tmp_path / name), "2 responses that are not HTML pages were not read", False, False),
        ]


def test_damaged_archive_is_reported(tmp_path):
    for body in (b"this is not a web archive\r\n\r\n", b"<html><body>saved under the wrong name</body></html>\n"):
        (tmp_path / "bad.warc").write_bytes(body)
        problems = []
        assert list(read_articles([str(tmp_path / "bad.warc")], problems.append)) == []
        assert len(problems) == 1 and problems[0].reason.startswith("not a WARC file, or damaged"), problems
