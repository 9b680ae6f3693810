"""Saved web pages: only the article's main text is read; offsets refer to the extracted text."""

import json
from pathlib import Path

import pytest

from graphbuild.api import BuildOptions, build_files
from graphbuild.ingest.html import fragment_text
from graphbuild.ingest.sources import read_articles

DATA = Path(__file__).parent / "data" / "ingest"
PAGE = DATA / "harbor-deal.html"
# Names that appear only in the page's cookie banner, navigation, script, related links,
# comments, ad slot and footer.
BOILERPLATE = [
    "Datalytix",
    "Trackwell",
    "Quentin Marsh",
    "Marek Oyelaran",
    "Lakeside Rowing",
    "Pellworth",
    "Chile",
    "Jorunn Vesterby",
    "Grindel",
    "Quayside",
    "Ansel Kaur",
    "Brightwater",
    "Portugal",
    "Valley Courier Media",
]


def _read(*paths, **kw):
    problems = []
    return list(read_articles([str(p) for p in paths], problems.append, **kw)), problems


def test_page_metadata_and_main_text_only():
    (art,), problems = _read(PAGE)
    assert problems == []
    assert art.id == "harbor-deal.html"
    assert art.title == "Harbor deal splits coastal towns"
    assert art.url == "https://valleycourier.example/politics/2026/03/harbor-deal"
    assert art.published == "2026-03-14"
    assert art.source == "The Valley Courier"
    assert "Odile Brack, signed an agreement" in art.text
    assert "Officials in Norway" in art.text
    for word in [*BOILERPLATE, "Accept all", "Related stories", "Comments (3)", "All rights reserved", "<p>"]:
        assert word not in art.text, word


@pytest.fixture(scope="module")
def page_and_text(tmp_path_factory):
    out = {}
    for f in (PAGE, DATA / "harbor-deal.txt"):
        d = tmp_path_factory.mktemp(f.suffix[1:])
        result = build_files([str(f)], d, BuildOptions(write_html=False))
        (rec,) = [json.loads(line) for line in (d / "extractions.jsonl").read_text(encoding="utf-8").splitlines()]
        out[f.suffix] = (result, rec)
    return out


def test_page_entities_and_quotes_with_exact_offsets(page_and_text):
    result, rec = page_and_text[".html"]
    text = rec["text"]  # extractions.jsonl keeps the extracted text the offsets refer to
    for m in rec["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
    names = {m["text"] for m in rec["mentions"]}
    assert {"Odile Brack", "Tamsin Rowe", "Harbor Transit Authority", "Coastal Fishers Union", "Norway"} <= names
    for word in BOILERPLATE:
        assert not any(word in n for n in names), word
    quotes = {(q["speaker"]["entity_id"], text[q["content"][0][0] : q["content"][0][1]]) for q in rec["quotes"]}
    for q in rec["quotes"]:
        assert text[q["speaker"]["start"] : q["speaker"]["end"]] == q["speaker"]["text"]
    assert any(s == "person:odile-brack" and "best chance" in c for s, c in quotes), quotes
    assert any(s == "person:tamsin-rowe" and "Nobody asked us" in c for s, c in quotes), quotes
    assert not any(word in node.name for node in result.graph.nodes.values() for word in BOILERPLATE)


def test_same_article_as_text_and_as_page_gives_the_same_graph(page_and_text):
    def entities_and_said(result):
        g = result.graph
        ents = {n.id for n in g.nodes.values() if n.label != "Article"}
        said = {(e.source, e.target, e.weight) for e in g.edges.values() if e.type == "SAID_ABOUT"}
        return ents, said

    page, text = entities_and_said(page_and_text[".html"][0]), entities_and_said(page_and_text[".txt"][0])
    assert page == text
    assert ("person:tamsin-rowe", "organization:harbor-transit-authority", 1) in page[1]


def test_page_without_article_text_and_binary_page_are_reported(tmp_path):
    menu = (
        "<html><body><header><nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World news today</a></li>"
        "</ul></nav></header><footer><p>Copyright 2026 Example Media Group. All rights reserved.</p></footer></body></html>"
    )
    (tmp_path / "menu.html").write_text(menu, encoding="utf-8")
    (tmp_path / "junk.htm").write_bytes(b"<html>\x00\x01\x02</html>")
    (tmp_path / "blank.html").write_text("  \n", encoding="utf-8")
    arts, problems = _read(tmp_path)
    assert arts == []
    reasons = {Path(p.origin).name: p.reason for p in problems}
    assert reasons == {
        "menu.html": "no article text found in the page",
        "junk.htm": "binary file (NUL bytes), not a web page",
        "blank.html": "empty file",
    }
    assert all(p.skipped for p in problems)


def test_legacy_charset_page_is_decoded(tmp_path):
    body = "<p>José Almeida, the director of the Lusitania Rowing Club, said the café would reopen in spring.</p>"
    html = f'<html><head><meta charset="windows-1252"><title>Café</title></head><body><article>{body * 3}</article></body></html>'
    (tmp_path / "old.html").write_bytes(html.encode("cp1252"))
    (art,), _ = _read(tmp_path / "old.html")
    assert "José Almeida" in art.text and "café" in art.text


def test_page_from_standard_input():
    import io

    (art,), _ = _read("-", stdin=io.BytesIO(PAGE.read_bytes()))
    assert art.id == "stdin" and art.title == "Harbor deal splits coastal towns" and "Datalytix" not in art.text


def test_fragment_text_gives_one_line_per_block():
    frag = "<p>First <b>bold</b> para.</p><script>alert(1)</script><ul><li>one</li><li>two</li></ul>tail<br>end"
    assert fragment_text(frag) == "First bold para.\none\ntwo\ntail\nend"


def test_single_file_saved_page_mhtml(tmp_path):
    from email.charset import QP, Charset
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    msg = MIMEMultipart("related", type="text/html")
    msg["From"] = "<Saved by Blink>"
    msg["Snapshot-Content-Location"] = "https://valleycourier.example/politics/harbor"
    msg["Subject"] = "Harbor deal splits coastal towns"
    qp = Charset("utf-8")
    qp.body_encoding = QP  # as browsers save it
    msg.attach(MIMEText(PAGE.read_text(encoding="utf-8"), "html", qp))
    msg.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(64), "png"))
    (tmp_path / "saved.mhtml").write_bytes(msg.as_bytes())
    (tmp_path / "broken.mht").write_bytes(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\njust text\r\n")
    arts, problems = _read(tmp_path)
    assert [(a.id, a.title) for a in arts] == [("saved.mhtml", "Harbor deal splits coastal towns")]
    assert "Odile Brack" in arts[0].text and "Datalytix" not in arts[0].text
    assert [(Path(p.origin).name, p.reason) for p in problems] == [
        ("broken.mht", "no HTML page in the saved MHTML file")
    ]
