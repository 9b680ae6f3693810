"""Helpers of the attribution tests: what a quote says, and the one quote of a sentence."""

from __future__ import annotations


def said(text, q) -> str:
    """The quote's content spans in ``text``, joined by " | "."""
    return " | ".join(text[s:e] for s, e in q.content)


def only(quotes):
    """The single quote of ``quotes`` (fails showing each quote's cue and kind otherwise)."""
    assert len(quotes) == 1, [(q.cue.text if q.cue else None, q.kind) for q in quotes]
    return quotes[0]


def speaker_of(text, quotes, content) -> str | None:
    """The speaker phrase of the first quote saying exactly ``content`` (None: no such quote)."""
    return next((q.speaker.text for q in quotes if said(text, q) == content), None)
