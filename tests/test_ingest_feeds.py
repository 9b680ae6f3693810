"""RSS and Atom files: each item with text is an article; parsing never expands entities or fetches."""

from pathlib import Path

from graphbuild.ingest.sources import read_articles

DATA = Path(__file__).parent / "data" / "ingest"


def _read(*paths):
    problems = []
    return list(read_articles([str(p) for p in paths], problems.append)), problems


def test_rss_items_full_text_metadata_and_empty_item():
    path = DATA / "coastal-wire.rss"
    arts, problems = _read(path)
    assert [a.id for a in arts] == ["cw-2026-0311", "https://coastalwire.example/2026/03/teaser"]
    full, teaser = arts
    assert full.text == (
        "Executives at Nordhavn Yards met the regional council on Tuesday.\n"
        "“We can deliver two ferries by the spring,” said Sigrun Haldorsen, the yard's director.\n"
        "Share this story"
    )
    assert full.title == "Ferry builders answer the council" and full.source == "Coastal Wire"
    assert full.url == "https://coastalwire.example/2026/03/ferry-builders"
    assert full.published == "2026-03-11T09:15:00+00:00"
    assert teaser.text == "Pieter Vollmar resigned from the Harbor Board."
    assert [(p.origin, p.reason) for p in problems] == [(f"{path}#item 3", "item has no text")]


def test_atom_html_and_xhtml_content():
    arts, problems = _read(DATA / "harbor-notes.atom")
    assert problems == []
    first, second = arts
    assert (first.id, first.url, first.published) == (
        "urn:uuid:hn-1",
        "https://harbornotes.example/strike",
        "2026-03-12T08:00:00+00:00",  # Atom's Z, normalised like every date
    )
    assert (
        first.text
        == "The Coastal Fishers Union set a strike for April 2.\nTamsin Rowe said members had voted by a large majority."
    )
    assert second.text == "Odile Brack thanked the harbor staff.\nThe vote is in May."
    assert second.published == "2026-03-12T09:00:00+00:00" and first.source == "Harbor Notes"


def test_hostile_feed_expands_no_entity_and_reads_no_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<rss><channel><title>T</title><item><guid>x</guid>"
        "<description>Ada Quist spoke. &xxe;</description></item></channel></rss>"
    )
    (tmp_path / "xxe.xml").write_text(xxe, encoding="utf-8")
    laughs = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 12))
    bomb = f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "ha">{laughs}]><rss><channel><item><description>&l11;</description></item></channel></rss>'
    (tmp_path / "bomb.rss").write_text(bomb, encoding="utf-8")
    arts, problems = _read(tmp_path / "xxe.xml", tmp_path / "bomb.rss")
    assert [(a.id, a.text) for a in arts] == [("x", "Ada Quist spoke. &xxe;")]  # left as written
    assert [(Path(p.origin).name, p.reason.split(" (")[0]) for p in problems] == [("bomb.rss", "malformed XML")]


def test_xml_that_is_no_feed_and_malformed_feed(tmp_path):
    (tmp_path / "config.xml").write_text("<settings><a>1</a></settings>", encoding="utf-8")
    (tmp_path / "broken.rss").write_text("<rss><channel><item>", encoding="utf-8")
    arts, problems = _read(tmp_path)
    assert arts == []
    reasons = {Path(p.origin).name: p.reason for p in problems}
    assert reasons["config.xml"] == "XML that is not an RSS or Atom feed (root element <settings>)"
    assert reasons["broken.rss"].startswith("malformed XML")
