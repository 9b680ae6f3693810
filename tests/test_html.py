"""The HTML explorer page as a file: offline, escaped, deterministic, and the data it carries.
In a real Chromium: tests/test_html_browser.py."""

from __future__ import annotations

import base64
import hashlib
import html as html_text
import json
import re

import pytest

from graphbuild.errors import InputError
from graphbuild.graph.model import ARTICLE, CO_MENTIONED, MENTIONS, SAID_ABOUT, Edge, Graph, Node
from graphbuild.graph.view import Selection
from graphbuild.writers import html
from graphbuild.writers.html import page as page_module

IMG = """<img src=x onerror="document.body.setAttribute('data-pwned','1')">"""
SCRIPT = "<script>document.body.setAttribute('data-pwned','2')</script>"
BREAKOUT = "</script><script>document.body.setAttribute('data-pwned','3')</script>"
ODD = 'Zoë "{{x}}" ${y} 🙂 שלום \u202eevil\x07\x00 end'


def _graph() -> Graph:
    g = Graph()
    g.add_node(Node("p:mara", "Person", "Mara " + IMG, {"mentions": 4, "articles": 2, "aliases": [SCRIPT, "Mara"]}))
    g.add_node(Node("c:lorem", "Country", "Lorem", {"mentions": 2}))
    g.add_node(Node("o:acme", "Organization", ODD + BREAKOUT, {"mentions": 1}))
    g.add_node(Node("article:a1", ARTICLE, "Headline", {"article_id": "a1"}))
    g.add_edge(
        Edge(
            CO_MENTIONED,
            "c:lorem",
            "p:mara",
            3,
            {
                "articles": 1,
                "evidence": [{"article": "a1", "text": "They met. " + SCRIPT}, {"article": "a2", "text": IMG}],
            },
        )
    )
    g.add_edge(
        Edge(SAID_ABOUT, "p:mara", "o:acme", 1, {"count": 1, "evidence": [{"article": "a1", "quote": BREAKOUT + ODD}]})
    )
    g.add_edge(Edge(CO_MENTIONED, "o:acme", "p:mara", 1, {"articles": 1, "evidence": []}))
    g.add_edge(Edge(MENTIONS, "article:a1", "p:mara", 2, {"count": 2}))
    return g


def _data(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    return json.loads(block.group(1))


# ---- the file ----------------------------------------------------------------------

EXTERNAL = re.compile(
    r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//|@import)""",
    re.I,
)


def test_page_is_self_contained_utf8_with_no_external_url(tmp_path):
    path = tmp_path / "sub" / "graph.html"
    html.write(_graph(), path)
    raw = path.read_bytes()
    page = raw.decode("utf-8")  # valid UTF-8 or this raises
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "vis.Network" in page and "@version 9." in page  # vis-network inlined
    assert EXTERNAL.findall(page) == []
    assert "<link" not in page and "<script src" not in page
    assert "cdn" not in page.lower()


def test_csp_blocks_every_request_and_allows_exactly_our_scripts():
    page, _ = html.render(_graph())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert "default-src 'none'" in csp
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_same_graph_same_bytes(tmp_path):
    g = _graph()
    shuffled = Graph()
    for k in reversed(list(g.nodes)):
        shuffled.add_node(g.nodes[k])
    for k in reversed(list(g.edges)):
        shuffled.add_edge(g.edges[k])
    pages = []
    for graph, name in ((g, "a"), (g, "b"), (shuffled, "c")):
        html.write(graph, tmp_path / f"{name}.html")
        pages.append((tmp_path / f"{name}.html").read_bytes())
    assert pages[0] == pages[1] == pages[2]


def test_payload_holds_entities_relations_colours_and_what_is_drawn_first():
    data = _data(html.render(_graph())[0])
    nodes = {n["id"]: n for n in data["nodes"]}
    assert set(nodes) == {"p:mara", "c:lorem", "o:acme"}  # provenance hidden by default
    assert (nodes["p:mara"]["l"], nodes["p:mara"]["m"], nodes["p:mara"]["a"]) == ("Person", 4, 2)
    assert data["colors"]["labels"]["Person"] == html.NODE_COLORS["Person"] != html.NODE_COLORS["Country"]
    assert data["colors"]["types"][SAID_ABOUT] != data["colors"]["types"][CO_MENTIONED]
    ids = [n["id"] for n in data["nodes"]]
    edges = {(e["y"], ids[e["s"]], ids[e["t"]]): e for e in data["edges"]}
    assert edges[(CO_MENTIONED, "c:lorem", "p:mara")]["w"] == 3
    assert edges[(SAID_ABOUT, "p:mara", "o:acme")]["w"] == 1
    assert sorted(ids[i] for i in data["drawn"]) == sorted(ids)
    assert len(data["drawn_edges"]) == 3
    assert data["labels"] == {"Country": 1, "Organization": 1, "Person": 1}
    assert data["types"] == {CO_MENTIONED: 2, SAID_ABOUT: 1}
    assert data["options"]["physics"]["stabilization"]["enabled"] is True
    labels = data["options"]["nodes"]["scaling"]["label"]  # label size follows importance, and
    assert labels["enabled"] and labels["drawThreshold"] > 0  # small ones show only zoomed in
    with_articles = _data(html.render(_graph(), articles=True)[0])
    assert "article:a1" in {n["id"] for n in with_articles["nodes"]}
    assert with_articles["types"][MENTIONS] == 1


def test_details_data_evidence_articles_aliases_and_only_web_links():
    g = _graph()
    g.nodes["article:a1"].props.update(title="Headline " + IMG, url="https://news.example/a1", published="2024-03-05")
    g.add_node(Node("article:a2", ARTICLE, "Second", {"article_id": "a2", "url": "javascript:alert(1)"}))
    data = _data(html.render(g)[0])
    arts = {a["id"]: a for a in data["articles"]}
    assert arts["a1"] == {"id": "a1", "t": "Headline " + IMG, "u": "https://news.example/a1", "d": "2024-03-05"}
    assert arts["a2"]["u"] is None  # not a web address: shown as text, never as a link
    mara = next(n for n in data["nodes"] if n["id"] == "p:mara")
    assert mara["al"] == [SCRIPT, "Mara"] and mara["ar"] == [[data["articles"].index(arts["a1"]), 2]]
    assert mara["d"] == ["2024-03-05", "2024-03-05"]  # dated by the articles that mention it
    said = next(e for e in data["edges"] if e["y"] == SAID_ABOUT)
    quote = data["texts"][said["ev"][0][1]]
    assert quote.startswith(BREAKOUT) and "🙂 שלום" in quote
    assert "\x00" not in quote and "\x07" not in quote and "\ufffd" in quote
    co = next(e for e in data["edges"] if e["y"] == CO_MENTIONED and e["w"] == 3)
    assert [data["texts"][t] for _, t in co["ev"]] == ["They met. " + SCRIPT, IMG]


def test_said_about_kinds_and_dates_are_read_when_present():
    g = _graph()
    g.edges[(SAID_ABOUT, "p:mara", "o:acme")].props.update(
        kinds={"criticism": 2, "praise": 1}, first_seen="2024-01-02T10:00:00", last_seen="2024-02-01"
    )
    g.add_edge(Edge(SAID_ABOUT, "c:lorem", "o:acme", 1, {"kind": "neutral"}))
    ev = [{"article": "a1", "quote": "q1", "kind": "attitude"}, {"article": "a1", "quote": "q2", "kind": "speech"}]
    g.add_edge(Edge(SAID_ABOUT, "o:acme", "c:lorem", 2, {"evidence": ev}))
    data = _data(html.render(g)[0])
    said = {
        data["nodes"][e["t"]]["id"] + "<" + data["nodes"][e["s"]]["id"]: e
        for e in data["edges"]
        if e["y"] == SAID_ABOUT
    }
    assert said["o:acme<p:mara"]["k"] == {"criticism": 2, "praise": 1}
    assert said["o:acme<p:mara"]["d"] == ["2024-01-02", "2024-02-01"]
    assert said["o:acme<c:lorem"]["k"] == {"neutral": 1}
    assert said["c:lorem<o:acme"]["k"] == {"attitude": 1, "speech": 1}  # from its evidence
    assert [x[2] for x in said["c:lorem<o:acme"]["ev"]] == ["attitude", "speech"]
    assert data["kinds"] == {"attitude": 1, "criticism": 2, "neutral": 1, "praise": 1, "speech": 1}
    plain = _data(html.render(_graph())[0])  # no kinds, no dates: the page offers no such filter
    assert plain["kinds"] == {} and all("d" not in n for n in plain["nodes"])


def test_untrusted_text_never_appears_as_markup(tmp_path):
    g = _graph()
    g.nodes["article:a1"].props.update(title=BREAKOUT, url="https://x.example/?q=" + SCRIPT)
    html.write(g, tmp_path / "g.html", focus="mara " + IMG)
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    for payload in ("<img src=x", "<script>document", "</script><script>"):
        assert payload not in page
    # the focus is echoed in the heading, escaped
    assert "focus \u2068mara &lt;img src=x onerror=&quot;document.body" in page
    # the page's own code never uses innerHTML for data
    script = page_module.main_js()
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "document.write" not in script
    assert "eval(" not in script and "new Function" not in script


def test_heading_counts_legend_and_pruning_note(tmp_path):
    sel = html.write(_graph(), tmp_path / "g.html")
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert "<h1>3 entities, 3 relations</h1>" in page
    assert isinstance(sel, Selection) and not sel.pruned and sel.entities == 3
    sel = html.write(_graph(), tmp_path / "g.html", max_nodes=2)
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert sel.pruned and html_text.escape(sel.note) in page
    assert "showing 2 of 3 entities" in page and "use --focus/--min-weight" in page
    html.write(_graph(), tmp_path / "g.html", draw_nodes=1)
    assert "the 1 most mentioned drawn first" in (tmp_path / "g.html").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["g.html"]  # written whole, no leftovers


def test_unknown_focus_raises_and_writes_nothing(tmp_path):
    with pytest.raises(InputError, match=r"^no entity named 'Nobody Here'.*fix:"):
        html.write(_graph(), tmp_path / "g.html", focus="Nobody Here")
    assert not (tmp_path / "g.html").exists()
