"""The page around the data: template, inlined vis-network, our script and style, the CSP.

The page comes from ``assets/page.html``, not from pyvis's own template: that one links
Bootstrap from a CDN in every mode, and the view must make no request at all. The
vis-network build is the newest one pyvis ships.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import io
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from string import Template
from types import GeneratorType
from typing import IO

# Only pyvis's bundled vis-network files are read: finding the package without importing it
# spares every build the import of pyvis, requests, IPython and networkx (~0.45 s a process).
_PYVIS = importlib.util.find_spec("pyvis")
_VIS_DIR = Path(_PYVIS.origin if _PYVIS and _PYVIS.origin else ".").parent / "templates" / "lib"


def _asset(name: str) -> str:
    return resources.files("graphbuild.writers.html").joinpath("assets", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def vis_js() -> str:
    """vis-network, with any ``</script`` defused so that it cannot end its block."""
    builds = _VIS_DIR.glob("vis-*/vis-network.min.js")
    js = max(builds, key=lambda p: [int(x) for x in re.findall(r"\d+", p.parent.name)])
    return re.sub(r"</(script)", r"<\\/\1", js.read_text(encoding="utf-8"), flags=re.I)


EXPLORER = ("1-data.js", "2-drawing.js", "3-panel.js", "4-search.js", "5-controls.js", "6-start.js")


@lru_cache(maxsize=1)
def main_js() -> str:
    """The explorer's own script: the ``assets/[1-6]-*.js`` parts, in order, in one function
    (so that they share its names and leave nothing global but ``graphbuildView``)."""
    parts = "\n".join(_asset(name) for name in EXPLORER)
    body = "".join("  " + line if line.strip() else line for line in parts.splitlines(keepends=True))
    return (
        "// graphbuild explorer: search, filters, details, expansion and downloads over the page's data.\n"
        "// Every text from the data reaches the DOM through textContent, never as markup, and links\n"
        "// only ever get http(s) addresses; the page's Content-Security-Policy runs no other script.\n"
        '(function () {\n  "use strict";\n' + body + "})();\n"
    )


@lru_cache(maxsize=1)
def _template() -> Template:
    return Template(_asset("page.html"))


def to_json(value) -> str:
    """JSON that cannot end the surrounding <script> block (no raw <, >, & or non-ASCII)."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def csp(*scripts: str) -> str:
    """Content-Security-Policy allowing exactly our inline scripts (by hash) and inline styles.

    The browser then refuses any request (scripts, styles, images, fonts, fetch) and any
    script or event handler that is not ours: a second line of defence behind the escaping.
    """
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts)
    return f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def page(title: str, sub: str, data: dict) -> str:
    """The whole page; ``title`` and ``sub`` are already HTML-escaped."""
    out = io.StringIO()
    write_page(out, title, sub, data)
    return out.getvalue()


_DATA = "\0graphbuild-data\0"  # where the data goes in the page (no template text holds a NUL)


def write_page(fh: IO[str], title: str, sub: str, data: dict, spliced: dict[str, Iterable[str]] | None = None) -> None:
    """Write the whole page to ``fh``, the data piece by piece: the same text as
    :func:`page`, never held whole. ``spliced`` gives, for some keys of ``data`` (whose own
    value is then left out), their list's items as :func:`to_json` text, read as written."""
    text = _template().substitute(
        title=title,
        sub=sub,
        css=_asset("explorer.css"),
        vis_js=vis_js(),
        main_js=main_js(),
        csp=csp(vis_js(), main_js()),
        data=_DATA,
    )
    head, _, tail = text.rpartition(_DATA)  # only our own script follows the data
    fh.write(head)
    _write_json(fh, data, spliced or {})
    fh.write(tail)


def _write_json(fh: IO[str], data: dict, spliced: dict[str, Iterable[str]]) -> None:
    """``to_json(data)``, written a list item at a time (the same text: keys sorted, no
    spaces); a generator is written as a list, read when its key's turn comes."""
    fh.write("{")
    for i, key in enumerate(sorted(data)):
        fh.write(("," if i else "") + to_json(key) + ":")
        value = data[key]
        if key in spliced or isinstance(value, (list, GeneratorType)):
            items = spliced[key] if key in spliced else (to_json(v) for v in value)
            fh.write("[")
            for j, item in enumerate(items):
                fh.write(("," if j else "") + item)
            fh.write("]")
        else:
            fh.write(to_json(value))
    fh.write("}")
