"""The interactive HTML view: offline, escaped, deterministic; and drawn in a real Chromium."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import struct
import subprocess
import zlib
from pathlib import Path
from urllib.parse import quote

import pytest

from graphbuild.errors import InputError
from graphbuild.graph.model import ARTICLE, CO_MENTIONED, MENTIONS, SAID_ABOUT, Edge, Graph, Node
from graphbuild.writers import graphml, html

CHROMIUM = Path("/usr/bin/chromium")
browser = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium; run scripts/install-browser")

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
    path = html.write(_graph(), tmp_path / "sub" / "graph.html")
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
    a = html.write(g, tmp_path / "a.html").read_bytes()
    assert html.write(g, tmp_path / "b.html").read_bytes() == a
    assert html.write(shuffled, tmp_path / "c.html").read_bytes() == a


def test_colours_sizes_widths_and_arrows():
    data = _data(html.render(_graph())[0])
    nodes = {n["id"]: n for n in data["nodes"]}
    assert set(nodes) == {"p:mara", "c:lorem", "o:acme"}  # provenance hidden by default
    assert nodes["p:mara"]["color"] == html.NODE_COLORS["Person"]
    assert nodes["c:lorem"]["color"] == html.NODE_COLORS["Country"]
    assert nodes["o:acme"]["color"] == html.NODE_COLORS["Organization"]
    assert [nodes[i]["value"] for i in ("p:mara", "c:lorem", "o:acme")] == [4, 2, 1]
    edges = {e["id"]: e for e in data["edges"]}
    co = edges["CO_MENTIONED|c:lorem|p:mara"]
    said = edges["SAID_ABOUT|p:mara|o:acme"]
    assert co["value"] == 3 and co["arrows"]["to"]["enabled"] is False
    assert co["color"] == html.EDGE_COLORS[CO_MENTIONED]
    assert said["arrows"] == "to" and said["color"] == html.EDGE_COLORS[SAID_ABOUT] != co["color"]
    assert data["options"]["physics"]["stabilization"]["enabled"] is True
    with_articles = _data(html.render(_graph(), articles=True)[0])
    assert "article:a1" in {n["id"] for n in with_articles["nodes"]}


def test_tooltips_are_plain_text_with_name_label_mentions_aliases_and_evidence():
    data = _data(html.render(_graph())[0])
    mara = next(n for n in data["nodes"] if n["id"] == "p:mara")["title"]
    assert IMG in mara and "Person · 4 mentions in 2 articles" in mara and SCRIPT in mara
    co = next(e for e in data["edges"] if e["id"] == "CO_MENTIONED|c:lorem|p:mara")["title"]
    assert "CO_MENTIONED · weight 3" in co and "[\u2068a1\u2069] \u2068They met. " + SCRIPT in co
    said = next(e for e in data["edges"] if e["id"] == "SAID_ABOUT|p:mara|o:acme")["title"]
    assert BREAKOUT in said and "🙂 שלום" in said
    assert "\x00" not in said and "\x07" not in said and "\ufffd" in said


def test_untrusted_text_never_appears_as_markup(tmp_path):
    page = html.write(_graph(), tmp_path / "g.html", focus="mara " + IMG).read_text(encoding="utf-8")
    for payload in ("<img src=x", "<script>document", "</script><script>"):
        assert payload not in page
    # the focus is echoed in the heading, escaped
    assert "focus \u2068mara &lt;img src=x onerror=&quot;document.body" in page
    # the page's own code never uses innerHTML for data
    assert "innerHTML" not in html._MAIN_JS


def test_heading_counts_legend_and_pruning_note(tmp_path):
    page = html.write(_graph(), tmp_path / "g.html").read_text(encoding="utf-8")
    assert "<h1>3 entities, 3 relations</h1>" in page
    for label in ("Person", "Country", "Organization", "CO_MENTIONED", "SAID_ABOUT"):
        assert f"{label}</li>" in page or f"{label} →</li>" in page
    assert html.last_selection is not None and not html.last_selection.pruned
    page = html.write(_graph(), tmp_path / "g.html", max_nodes=2).read_text(encoding="utf-8")
    assert html.last_selection.pruned
    assert "showing 2 of 3 entities" in page and "use --focus/--min-weight" in page


def test_unknown_focus_raises_and_writes_nothing(tmp_path):
    with pytest.raises(InputError, match=r"^no entity named 'Nobody Here'.*fix:"):
        html.write(_graph(), tmp_path / "g.html", focus="Nobody Here")
    assert not (tmp_path / "g.html").exists()


# ---- in a real browser -------------------------------------------------------------


def _chromium(tmp_path: Path, url: str, *args: str) -> subprocess.CompletedProcess:
    """Headless Chromium with every network route closed, so any request would fail."""
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        "--proxy-server=127.0.0.1:9",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--virtual-time-budget=10000",
        "--window-size=1200,900",
        "--force-device-scale-factor=1",
        "--hide-scrollbars",
        "--enable-logging=stderr",
        "--v=0",
        *args,
        url,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=True)


def _read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB bytes) of an 8-bit RGB/RGBA PNG, with stdlib zlib only."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, []
    while pos < len(data):
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body, pos = data[pos + 8 : pos + 8 + size], pos + 12 + size
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
    assert depth == 8 and ctype in (2, 6) and not interlace
    raw, bpp = zlib.decompress(b"".join(idat)), (3 if ctype == 2 else 4)
    stride, rows, prev = w * bpp, [], bytes(w * bpp)
    for y in range(h):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride) if kind else ():  # undo the PNG row filter
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            else:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        rows.append(bytes(line) if bpp == 3 else bytes(v for j, v in enumerate(line) if j % 4 != 3))
    return w, h, rows


@pytest.mark.browser
@browser
def test_seeds_page_draws_the_graph_offline(seeds_build, tmp_path):
    out, _ = seeds_build
    page, shot = out / "graph.html", tmp_path / "shot.png"
    run = _chromium(tmp_path, page.as_uri(), f"--screenshot={shot}")
    # The CSP forbids every request; Chromium logs each one it blocks. None: the page asked for nothing.
    assert "Content Security Policy" not in run.stderr
    w, h, rows = _read_png(shot)
    assert (w, h) == (1200, 900)
    canvas = rows[80:840]  # below the heading and legend, above the details bar
    counts: dict[bytes, int] = {}
    for row in canvas:
        for x in range(0, len(row), 3):
            counts[row[x : x + 3]] = counts.get(row[x : x + 3], 0) + 1
    white = counts.get(b"\xff\xff\xff", 0)
    assert white < 0.98 * w * len(canvas), "canvas is blank"
    labels = {n.label for n in graphml.read(out / "graph.graphml").nodes.values()} - {ARTICLE}
    for label in labels:  # every entity label shows as filled dots in its colour, not just the legend
        colour = bytes.fromhex(html.NODE_COLORS[label][1:])
        assert counts.get(colour, 0) > 100, f"no {label} nodes drawn"
    assert counts.get(bytes.fromhex(html.EDGE_COLORS[CO_MENTIONED][1:]), 0) > 100, "no edges drawn"


@pytest.mark.browser
@browser
def test_injected_markup_in_names_and_evidence_does_not_run(tmp_path):
    path = html.write(_graph(), tmp_path / "graph.html", focus="Lorem", depth=2)
    targets = {"p:mara": IMG, "CO_MENTIONED|c:lorem|p:mara": SCRIPT, "SAID_ABOUT|p:mara|o:acme": BREAKOUT}
    for item, payload in targets.items():  # #id opens the page with that item's details shown
        dom = _chromium(tmp_path, f"{path.as_uri()}#{quote(item, safe='')}", "--dump-dom").stdout
        body = re.search(r"<body[^>]*>", dom).group(0)
        assert 'data-stabilized="1"' in body  # the page's script ran to the end (physics stopped)
        assert "data-pwned" not in body
        details = re.search(r'<pre id="details">(.*?)</pre>', dom, re.S).group(1)
        assert payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in details
