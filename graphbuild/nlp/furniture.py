"""Page furniture: lines of a scraped page that are not article content.

The rule is general and line-based (documented in the README):

* a *prose* line ends in sentence punctuation (optionally followed by a closing quote or
  bracket) or is long (>= 25 words); prose is always content;
* a non-prose line is furniture when it
  - repeats elsewhere in the article ("Show Comments" twice),
  - is a list of short items joined by separators (``/``, ``|``, ``•``, ``·``, ``»``),
  - glues words together (a lowercase letter directly followed by an uppercase one, as in
    tag strips "NewsWorldPolitics"),
  - has fewer than four words (buttons, bylines, navigation), or
  - comes after the last prose line (footer: ads, related links, share bars);
* any other non-prose line is a heading and is kept (titles, cross-heads).
"""

from __future__ import annotations

import re

_END = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$|[\"”’»]\s*$")
_SEPARATORS = re.compile(r"\s[/|•·»]\s|\s-\s.*\s-\s")
_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]")
_WORD = re.compile(r"\w+")
_LONG_LINE_WORDS = 25
_MIN_HEADING_WORDS = 4


def lines(text: str) -> list[tuple[int, int]]:
    """Char ranges of the non-blank lines of ``text``, stripped of surrounding spaces."""
    out = []
    for m in re.finditer(r"[^\n\r]+", text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _is_prose(line: str) -> bool:
    return bool(_END.search(line)) or len(_WORD.findall(line)) >= _LONG_LINE_WORDS


def is_prose(line: str) -> bool:
    """Whether a line reads as prose: it ends in sentence punctuation or is long."""
    return _is_prose(line)


def _is_junk(line: str, repeated: bool) -> bool:
    return (
        repeated
        or bool(_SEPARATORS.search(line))
        or bool(_GLUED.search(line))
        or len(_WORD.findall(line)) < _MIN_HEADING_WORDS
    )


def split_content(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Return ``(content_lines, furniture_lines)`` as char ranges into ``text``."""
    spans = lines(text)
    if not spans:
        return [], []
    strings = [text[s:e] for s, e in spans]
    prose = [_is_prose(t) for t in strings]
    if not any(prose):  # a bare list of headlines or a one-line text: keep what looks like words
        prose = [len(_WORD.findall(t)) >= _MIN_HEADING_WORDS for t in strings]
    last_prose = max((i for i, p in enumerate(prose) if p), default=-1)
    seen: dict[str, int] = {}
    for t in strings:
        seen[t.lower()] = seen.get(t.lower(), 0) + 1
    content, furniture = [], []
    for i, (span, t, p) in enumerate(zip(spans, strings, prose)):
        repeated = seen[t.lower()] > 1
        if p and (not repeated or len(_WORD.findall(t)) >= _MIN_HEADING_WORDS):
            content.append(span)  # prose, unless a short line repeated like a button label
        elif i > last_prose or _is_junk(t, repeated):
            furniture.append(span)
        else:
            content.append(span)
    return content, furniture


def blank(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with ``ranges`` replaced by spaces: offsets stay exact, no entity can arise."""
    if not ranges:
        return text
    chars = list(text)
    for s, e in ranges:
        chars[s:e] = " " * (e - s)
    return "".join(chars)
