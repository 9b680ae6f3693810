"""The HTML explorer in a real headless Chromium (Debian's, driven by Playwright), offline:
search, filters, the details panel, expansion, downloads, and hostile text that never runs."""

from __future__ import annotations

import csv
import io
import re
import struct
import zlib
from pathlib import Path

import networkx as nx
import pytest

from graphbuild.graph.model import ARTICLE, CO_MENTIONED, MENTIONS, SAID_ABOUT, Edge, Graph, Node
from graphbuild.writers import graphml, html
from tests.test_html import BREAKOUT, IMG, SCRIPT
from tests.test_html import _graph as hostile_graph

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium; run scripts/install-browser"),
]
# every route out is closed: the context is offline, and a proxy and DNS that go nowhere
NO_NETWORK = ["--no-sandbox", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"]


@pytest.fixture(scope="module")
def chromium():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=NO_NETWORK)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def window(chromium):
    """The module's one offline page: each Tab loads its file anew in it (a context and a
    page per Tab started a renderer process each, twice the browser's CPU per Tab)."""
    context = chromium.new_context(offline=True, viewport={"width": 1300, "height": 850}, accept_downloads=True)
    yield context.new_page()
    context.close()


class Tab:
    """One offline page load, with every request and console message it made recorded."""

    def __init__(self, page, path: Path, hash_: str = "") -> None:
        self.page = page
        self.requests: list[str] = []
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self._handlers = {
            "request": lambda r: self.requests.append(r.url),
            "console": lambda m: self.console.append(m.text),
            "pageerror": lambda e: self.console.append(f"error: {e}"),
            "dialog": lambda d: (self.dialogs.append(d.message), d.dismiss()),
        }
        page.goto("about:blank")  # a new document, even where only the #fragment differs
        page.mouse.move(0, 0)  # no hover left over from the last page
        for event, handler in self._handlers.items():
            page.on(event, handler)
        page.goto(path.as_uri() + hash_)
        page.wait_for_selector("body[data-stabilized]", state="attached", timeout=30_000)

    def shown(self) -> tuple[int, int]:
        body = self.page.locator("body")
        return int(body.get_attribute("data-shown-nodes")), int(body.get_attribute("data-shown-edges"))

    def count(self, key: str) -> int:
        return int(self.page.locator(f'label[data-key="{key}"] .count').inner_text().replace(",", ""))

    def node_at(self, node_id: str) -> tuple[float, float]:
        """Where the node is drawn on the page, once any animation has stopped: no layout
        settling and the node in the same place for ten frames in a row."""
        where = """(id) => { const v = window.graphbuildView.network, p = v.canvasToDOM(v.getPosition(id));
                 const r = document.querySelector('#graph canvas').getBoundingClientRect();
                 return [r.left + p.x, r.top + p.y]; }"""
        still = f"""(id) => {{ const at = ({where})(id).map(c => c.toFixed(1)).join(), s = window.__still || {{}};
                 window.__still = {{at, frames: s.at === at ? s.frames + 1 : 0}};
                 return window.__still.frames >= 10 && !document.body.hasAttribute('data-settling'); }}"""
        self.page.wait_for_function(still, arg=node_id, polling="raf")
        return self.page.evaluate(where, node_id)

    def drawn(self) -> set[str]:
        return set(self.page.evaluate("window.graphbuildView.network.body.data.nodes.getIds()"))

    def details(self) -> str:
        """The panel's text as shown, one line per block."""
        return re.sub(r"\n+", "\n", self.page.locator("#details").inner_text())

    def detach(self) -> None:
        """Stop recording (the next Tab takes the page over)."""
        for event, handler in self._handlers.items():
            self.page.remove_listener(event, handler)
        self._handlers = {}

    def close(self) -> None:
        self.detach()
        assert all(u.startswith(("file://", "blob:")) for u in self.requests), self.requests
        assert not [m for m in self.console if "Content Security Policy" in m or m.startswith("error")]


@pytest.fixture
def tab(window):
    opened: list[Tab] = []

    def open_(path: Path, hash_: str = "") -> Tab:
        if opened:
            opened[-1].detach()
        opened.append(Tab(window, path, hash_))
        return opened[-1]

    yield open_
    for t in opened:
        t.close()


def _town() -> Graph:
    """Invented people around a council: a few big names, twenty small ones, dated articles."""
    g = Graph()
    people = [
        ("p:odile", "Odile Brack", 40, ["Brack", "O. Brack"]),
        ("p:tomas", "Tomas Veer", 30, ["Veer"]),
        ("p:ines", "Inès Calloway", 20, []),
    ]
    for i, name, m, aliases in people:
        g.add_node(Node(i, "Person", name, {"mentions": m, "articles": 2, "aliases": [name, *aliases]}))
    g.add_node(Node("o:council", "Organization", "Harbour Council", {"mentions": 50, "articles": 3}))
    g.add_node(Node("c:lorem", "Country", "Lorem", {"mentions": 35, "articles": 3}))
    for n in range(20):
        g.add_node(Node(f"p:small{n:02d}", "Person", f"Quill Minor {n:02d}", {"mentions": 1, "articles": 1}))
        g.add_edge(Edge(CO_MENTIONED, "o:council", f"p:small{n:02d}", 1, {"evidence": []}))
    g.add_edge(Edge(CO_MENTIONED, "p:small00", "p:tomas", 1, {"evidence": []}))
    for a, title, day in (("a1", "Council votes", "2023-01-10"), ("a2", "Harbour row", "2023-06-01")):
        g.add_node(Node(f"article:{a}", ARTICLE, title, {"article_id": a, "url": f"https://news.example/{a}"}))
        g.nodes[f"article:{a}"].props["published"] = day
    g.add_node(Node("article:a3", ARTICLE, "Undated piece", {"article_id": "a3"}))
    co = [("c:lorem", "o:council", 6, "a1"), ("o:council", "p:odile", 5, "a1"), ("p:odile", "p:tomas", 3, "a2")]
    for s, t, w, art in co:
        ev = [{"article": art, "text": f"A sentence naming both, from {art}."}]
        g.add_edge(Edge(CO_MENTIONED, s, t, w, {"articles": 1, "evidence": ev}))
    g.add_edge(
        Edge(CO_MENTIONED, "c:lorem", "p:ines", 2, {"articles": 1, "evidence": [{"article": "a3", "text": "x"}]})
    )
    quote = {"article": "a2", "quote": "The council has failed the harbour."}
    said = {"count": 2, "direct": 1, "indirect": 1, "cues": ["said"], "kinds": {"criticism": 2}, "evidence": [quote]}
    g.add_edge(Edge(SAID_ABOUT, "p:odile", "o:council", 2, said))
    praise = {"article": "a1", "quote": "Tomas Veer did well."}
    g.add_edge(Edge(SAID_ABOUT, "p:ines", "p:tomas", 1, {"count": 1, "direct": 1, "evidence": [praise]}))
    for art, ents in (("a1", ["o:council", "c:lorem", "p:odile"]), ("a2", ["p:odile", "p:tomas"])):
        for e in ents:
            g.add_edge(Edge(MENTIONS, f"article:{art}", e, 2, {"count": 2}))
    return g


@pytest.fixture
def town(tmp_path) -> Path:
    path = tmp_path / "town.html"
    html.write(_town(), path, draw_nodes=5, draw_edges=10)
    return path


def test_search_suggests_by_name_and_alias_then_draws_centres_and_highlights(tab, town):
    t = tab(town)
    assert t.drawn() == {"o:council", "c:lorem", "p:odile", "p:tomas", "p:ines"}
    t.page.fill("#search", "brac")
    assert t.page.locator("#suggestions li").first.inner_text().startswith("Odile Brack")
    t.page.fill("#search", "o. br")  # only an alias says "O. Brack"
    first = t.page.locator("#suggestions li").first.inner_text()
    assert "Odile Brack" in first and "as “O. Brack”" in first
    t.page.fill("#search", "ines")  # accents do not matter
    assert t.page.locator("#suggestions li").first.inner_text().startswith("Inès Calloway")
    t.page.fill("#search", "minor 07")
    t.page.keyboard.press("Enter")
    assert t.page.locator("#details h2").inner_text() == "Quill Minor 07"
    assert "p:small07" in t.drawn() and "o:council" in t.drawn()
    x, y = t.node_at("p:small07")
    box = t.page.locator("#graph").bounding_box()
    assert abs(x - (box["x"] + box["width"] / 2)) < 40 and abs(y - (box["y"] + box["height"] / 2)) < 40
    colour = "(id) => window.graphbuildView.network.body.data.nodes.get(id).color.background"
    assert t.page.evaluate(colour, "p:small07") == html.NODE_COLORS["Person"]
    assert t.page.evaluate(colour, "o:council") == html.NODE_COLORS["Organization"]  # a neighbour: lit
    assert t.page.evaluate(colour, "p:ines") == "#e6e6e6"  # not a neighbour: dimmed
    t.page.fill("#search", "nobody at all")
    assert t.page.locator("#suggestions li").inner_text() == "no entity matches"


def test_filters_hide_and_counts_follow(tab, town):
    t = tab(town)
    nodes, edges = t.shown()
    assert (nodes, edges) == (5, 6)
    assert (t.count("Person"), t.count(CO_MENTIONED), t.count(SAID_ABOUT)) == (3, 4, 2)
    t.page.locator('label[data-key="Person"] input').uncheck()
    assert t.shown() == (2, 1)  # council and Lorem, and the line between them
    assert t.count("Person") == 3 and t.count(CO_MENTIONED) == 1 and t.count(SAID_ABOUT) == 0
    t.page.locator('label[data-key="Person"] input').check()
    t.page.locator('label[data-key="SAID_ABOUT"] input').uncheck()
    assert t.shown() == (5, 4) and t.count(SAID_ABOUT) == 2
    t.page.locator('label[data-key="SAID_ABOUT"] input').check()
    t.page.locator("#min-weight").fill("3")  # a range input: fill sets it and fires input
    assert t.page.locator("#min-weight-value").inner_text() == "3"
    assert t.shown() == (4, 3) and t.count(CO_MENTIONED) == 3 and t.count("Person") == 2
    t.page.locator("#min-weight").fill("1")
    assert t.page.locator("#f-kinds").is_visible()  # one said-about edge has a kind
    t.page.locator('label[data-key="criticism"] input').uncheck()
    assert t.shown() == (5, 5) and t.count("criticism") == 1 and t.count("(no kind)") == 1
    t.page.locator('label[data-key="criticism"] input').check()
    assert t.page.locator("#f-dates").is_visible()
    t.page.locator("#date-from").fill("2023-03-01")  # what only January's a1 backs is out
    assert t.shown() == (2, 1)  # Odile and Tomas (June); Inès is undated but lost her lines
    t.page.locator("#date-from").fill("")
    assert t.shown() == (5, 6)


def test_a_page_without_kinds_or_dates_offers_no_such_filter(tab, tmp_path):
    path = tmp_path / "plain.html"
    html.write(hostile_graph(), path)
    t = tab(path)
    assert not t.page.locator("#f-kinds").is_visible() and not t.page.locator("#f-dates").is_visible()


def test_the_panel_opens_with_where_to_begin(tab, town):
    t = tab(town)
    text = t.details()
    assert "Most mentioned\nHarbour Council · Organization · 50\nOdile Brack · Person · 40" in text
    assert "Who said most about whom\nOdile Brack about Harbour Council · 2×" in text
    t.page.locator("#details li", has_text="Odile Brack about").locator("button", has_text="2×").click()
    assert t.details().startswith("Odile Brack → Harbour Council\nsaid about · weight 2")
    assert "kind: criticism (2)" in t.details() and "cues: said" in t.details()
    t.page.click("#clear")
    assert "Most mentioned" in t.details()


def test_clicking_a_node_shows_its_details_and_a_relation_its_evidence(tab, town):
    t = tab(town)
    t.page.mouse.click(*t.node_at("p:odile"))
    text = t.details()
    assert text.startswith("Odile Brack\nPerson · 40 mentions in 2 articles")
    assert "Also written: Brack, O. Brack" in text
    assert "Strongest connections" in text and "Harbour Council (Organization) co-mentioned · weight 5" in text
    assert "Said about others (1)" in text and "about Harbour Council · 2× · criticism" in text
    assert "The council has failed the harbour." in text and "Harbour row · 2023-06-01" in text
    links = t.page.locator("#details a")
    assert links.first.get_attribute("href").startswith("https://news.example/")
    assert links.first.get_attribute("rel") == "noopener noreferrer"
    assert "Articles (2)" in text and "Council votes · 2023-01-10" in text
    t.page.locator("#details h4 button", has_text="Harbour Council").click()  # go to the council
    assert t.page.locator("#details h2").inner_text() == "Harbour Council"
    assert "What others said about it (1)" in t.details() and "Odile Brack said · 2×" in t.details()
    t.page.locator("#details li", has_text="Odile Brack").locator("button", has_text="weight").first.click()
    text = t.details()
    assert text.startswith("Harbour Council — Odile Brack\nco-mentioned · weight 5 · in 1 articles")
    assert "Evidence" in text and "A sentence naming both, from a1." in text
    t.page.fill("#search", "Inès")
    t.page.keyboard.press("Enter")
    t.page.locator("#details li", has_text="Tomas Veer").locator("button", has_text="said about").click()
    text = t.details()
    assert text.startswith("Inès Calloway → Tomas Veer") and "said about · weight 1 · 1 direct, 0 reported" in text
    assert "Quotes" in text and "Tomas Veer did well." in text and "cues" not in text


def test_double_click_draws_more_of_a_neighbourhood(tab, town):
    t = tab(town)
    before = len(t.drawn())
    t.page.mouse.dblclick(*t.node_at("o:council"))
    t.page.wait_for_function("window.graphbuildView.network.body.data.nodes.length > 10")
    assert len(t.drawn()) == before + 15  # the strongest fifteen not yet drawn
    assert "Draw more neighbours (5 not drawn)" in t.details()
    t.page.locator("#expand").click()
    assert len(t.drawn()) == before + 20
    t.page.wait_for_function("!document.body.hasAttribute('data-settling')")
    physics = "window.graphbuildView.network.physics.options.enabled"
    assert t.page.evaluate(physics) is False  # the layout settled and the physics stopped
    fixed = "window.graphbuildView.network.body.data.nodes.get().filter(n => n.fixed).length"
    assert t.page.evaluate(fixed) == 0  # and every node can be dragged again
    t.page.locator("#reset").click()
    assert len(t.drawn()) == before


def test_downloads_png_graphml_and_csv_of_what_is_shown(tab, town, tmp_path):
    t = tab(town)
    t.page.locator('label[data-key="Country"] input').uncheck()
    files = {}
    for button in ("save-png", "save-graphml", "save-nodes", "save-edges"):
        with t.page.expect_download() as dl:
            t.page.click(f"#{button}")
        files[button] = tmp_path / dl.value.suggested_filename
        dl.value.save_as(files[button])
    w, h, _ = _read_png(files["save-png"])
    assert w > 300 and h > 300
    g = nx.read_graphml(files["save-graphml"])
    assert set(g.nodes) == {"o:council", "p:odile", "p:tomas", "p:ines"}  # Lorem filtered out
    assert g.nodes["p:ines"]["name"] == g.nodes["p:ines"]["label"] == "Inès Calloway"
    assert g.nodes["p:odile"]["type"] == "Person" and g.nodes["p:odile"]["mentions"] == 40
    back = graphml.read(files["save-graphml"])  # graphbuild reads it back like its own files
    assert back.nodes["p:odile"].label == "Person" and back.nodes["p:odile"].name == "Odile Brack"
    assert back.edges[(SAID_ABOUT, "p:odile", "o:council")].weight == 2
    assert {(s, t, d["type"]) for s, t, d in g.edges(data=True)} >= {("p:odile", "o:council", SAID_ABOUT)}
    nodes = list(csv.DictReader(io.StringIO(files["save-nodes"].read_text(encoding="utf-8"))))
    assert {r["id"] for r in nodes} == set(g.nodes)
    edges = list(csv.DictReader(io.StringIO(files["save-edges"].read_text(encoding="utf-8"))))
    assert {"source_name": "Odile Brack", "type": SAID_ABOUT, "kinds": "criticism"}.items() <= next(
        r for r in edges if r["type"] == SAID_ABOUT and r["source"] == "p:odile"
    ).items()


def test_downloads_keep_hostile_names_as_data(tab, tmp_path):
    g = hostile_graph()
    g.nodes["c:lorem"].name = "=HYPERLINK(1)"
    path = tmp_path / "graph.html"
    html.write(g, path)
    t = tab(path)
    with t.page.expect_download() as dl:
        t.page.click("#save-graphml")
    dl.value.save_as(tmp_path / "sel.graphml")
    back = nx.read_graphml(tmp_path / "sel.graphml")  # valid XML whatever the names held
    assert back.nodes["p:mara"]["name"] == "Mara " + IMG
    assert back.nodes["o:acme"]["name"].startswith("Zoë") and BREAKOUT in back.nodes["o:acme"]["name"]
    with t.page.expect_download() as dl:
        t.page.click("#save-nodes")
    rows = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8"))))
    assert next(r for r in rows if r["id"] == "c:lorem")["name"] == "'=HYPERLINK(1)"  # no formula


def test_injected_markup_in_names_evidence_and_titles_does_not_run(tab, tmp_path):
    g = hostile_graph()
    g.nodes["article:a1"].props.update(title=SCRIPT, url="javascript:document.body.setAttribute('data-pwned','4')")
    path = tmp_path / "graph.html"
    html.write(g, path, focus="Lorem", depth=2)
    targets = {"p:mara": IMG, "CO_MENTIONED|c:lorem|p:mara": SCRIPT, "SAID_ABOUT|p:mara|o:acme": BREAKOUT}
    for item, payload in targets.items():  # #id opens the page with that item's details shown
        t = tab(path, "#" + item.replace("|", "%7C"))
        assert t.page.locator("#details").get_attribute("data-item") == item
        assert payload in t.details()
        t.page.fill("#search", "mara")
        assert IMG in t.page.locator("#suggestions").inner_text()
        t.page.keyboard.press("Enter")
        assert SCRIPT in t.details() and "javascript" not in (t.page.locator("#details").inner_html())
        t.page.locator("#details a, #details .cite span").first.click()  # the title: text, not a link
        assert t.page.evaluate("document.body.getAttribute('data-pwned')") is None
        assert t.page.locator("img").count() == 0 and t.page.locator("script").count() == 3
        assert t.dialogs == []


@pytest.mark.usefixtures("seeds_build")
def test_seeds_page_draws_the_graph_offline(tab, seeds_build, tmp_path):
    out, _ = seeds_build
    t = tab(out / "graph.html")
    assert t.requests == [(out / "graph.html").as_uri()]  # the page asked for nothing else
    shot = tmp_path / "shot.png"
    t.page.locator("#graph").screenshot(path=str(shot))
    w, h, rows = _read_png(shot)
    counts: dict[bytes, int] = {}
    for row in rows:
        for x in range(0, len(row), 3):
            counts[row[x : x + 3]] = counts.get(row[x : x + 3], 0) + 1
    assert counts.get(b"\xff\xff\xff", 0) < 0.98 * w * h, "canvas is blank"
    labels = {n.label for n in graphml.read(out / "graph.graphml").nodes.values()} - {ARTICLE}
    for label in labels:  # every entity label shows as filled dots in its colour
        assert counts.get(bytes.fromhex(html.NODE_COLORS[label][1:]), 0) > 100, f"no {label} nodes drawn"
    assert counts.get(bytes.fromhex(html.EDGE_COLORS[CO_MENTIONED][1:]), 0) > 100, "no edges drawn"


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


def test_an_empty_graph_and_a_page_with_provenance_open_without_errors(tab, tmp_path):
    empty = tmp_path / "empty.html"
    html.write(Graph(), empty)
    t = tab(empty)
    assert t.shown() == (0, 0)
    t.page.fill("#search", "anything")
    assert t.page.locator("#suggestions li").inner_text() == "no entity matches"
    with_articles = tmp_path / "articles.html"
    html.write(_town(), with_articles, articles=True)
    t = tab(with_articles)
    assert t.count("Article") == 2 and t.count(MENTIONS) == 5
    t.page.locator('label[data-key="Article"] input').uncheck()
    assert t.count(MENTIONS) == 0 and "Article" not in t.page.locator("#status").inner_text()


def test_a_link_to_an_undrawn_entity_or_relation_draws_it(tab, town):
    t = tab(town, "#CO_MENTIONED%7Co:council%7Cp:small03")
    assert t.details().startswith("Harbour Council — Quill Minor 03\nco-mentioned · weight 1")
    assert "p:small03" in t.drawn()
    t = tab(town, "#p:small11")
    assert t.page.locator("#details h2").inner_text() == "Quill Minor 11" and "p:small11" in t.drawn()
