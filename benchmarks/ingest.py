#!/usr/bin/env python3
"""Ingest: what reading saved web pages and CSV exports costs, and what page extraction keeps.

    python benchmarks/ingest.py [--corpus ../shared/eval/bbc.jsonl] [--limit 300]

Each article of CORPUS (JSONL, text with paragraphs split by blank lines, first paragraph the
headline) is wrapped in a news-page template with a cookie banner, navigation, related links,
comments, an ad slot and a footer (invented), and written as .html; the same articles go to one
CSV export. Prints, as JSON: pages/s and CSV rows/s through ``read_articles``; the share of the
articles' body paragraphs found as lines of the extracted text (recall); how many
extracted texts hold any of the template's boilerplate (leaks; should be 0); and page
extraction time as a ratio to bare spaCy ``nlp.pipe`` over the same texts, same run.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BOILERPLATE = ["Zephyrine Analytics", "Main menu", "Orlanda Vistrup", "Quillon Bay", "Tessaly Media House"]
TEMPLATE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example"></head><body>
<div class="cookie-banner"><p>We and Zephyrine Analytics use cookies to measure traffic. Accept to continue.</p>
<button>Accept</button></div>
<header><nav aria-label="Main menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Staff Reporter</p>{body}</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/r1">Orlanda Vistrup wins the Quillon Bay regatta</a></li></ul></aside>
<section class="comments"><h3>Comments</h3><div class="comment"><p>Orlanda Vistrup should run Quillon Bay.</p></div></section>
</main><div class="ad">Advertisement</div><footer><p>© Tessaly Media House. All rights reserved.</p></footer></body></html>
"""


def _articles(corpus: Path, limit: int) -> list[tuple[str, str, list[str]]]:
    out = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= limit:
                break
            rec = json.loads(line)
            paras = [p.strip() for p in re.split(r"\n\s*\n", rec["text"]) if p.strip()]
            out.append((str(rec["id"]), paras[0], paras[1:]))
    return out


def _timed(inputs: list[str]) -> tuple[list, float]:
    from graphbuild.ingest.sources import read_articles

    t0 = time.perf_counter()
    arts = list(read_articles(inputs))
    return arts, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "eval" / "bbc.jsonl")
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    docs = _articles(args.corpus, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        for n, (_, title, paras) in enumerate(docs):
            body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
            (pages / f"{n:05d}.html").write_text(TEMPLATE.format(title=html.escape(title), body=body), encoding="utf-8")
        export = Path(tmp) / "export.csv"
        with export.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["id", "headline", "body"])
            for doc_id, title, paras in docs:
                w.writerow([doc_id, title, "\n\n".join(paras)])
        extracted, page_secs = _timed([str(pages)])
        rows, csv_secs = _timed([str(export)])
    found = total = 0
    for art, (_, _, paras) in zip(extracted, docs):
        lines = {" ".join(line.split()) for line in art.text.splitlines()}
        total += len(paras)
        found += sum(" ".join(p.split()) in lines for p in paras)
    leaks = sum(any(b in a.text for b in BOILERPLATE) for a in extracted)

    from graphbuild.nlp.parser import Parser

    nlp = Parser().nlp
    t0 = time.perf_counter()
    for _ in nlp.pipe([a.text for a in extracted], batch_size=16):
        pass
    parse_secs = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "pages": len(extracted),
                "pages_per_s": round(len(extracted) / page_secs, 1),
                "paragraph_recall": round(found / total, 4) if total else None,
                "pages_with_boilerplate": leaks,
                "extract_to_parse_ratio": round(page_secs / parse_secs, 3),
                "csv_rows": len(rows),
                "csv_rows_per_s": round(len(rows) / csv_secs, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
