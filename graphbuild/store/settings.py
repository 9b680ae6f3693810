"""The settings a stored graph is built with, recorded in the database.

A sync recomputes the whole graph from every stored article, so a command with another
co-mention window, alias file or model would silently rebuild everything differently
(undoing merges, doubling co-mention edges). The settings are recorded with the graph; a
command whose settings differ is refused, naming the difference, unless it asks to change
them. Pure: no Neo4j import.
"""

from __future__ import annotations

import hashlib

KEYS = ("window", "aliases", "model", "places")  # the settings a graph depends on


def graph_settings(window: str, aliases_text: str | None, aliases_name: str | None, model: str, places: bool) -> dict:
    """The recorded form: the alias rules are kept whole, so ``remove`` can reuse them."""
    text = aliases_text or ""
    return {
        "window": window,
        "aliases": text,
        "aliases_sha": hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] if text else "",
        "aliases_file": aliases_name or "",
        "model": model,
        "places": bool(places),
    }


def _show(key: str, s: dict) -> str:
    if key == "aliases":
        return (
            f"alias file {s.get('aliases_file') or '?'} ({s['aliases_sha']})" if s.get("aliases") else "no alias file"
        )
    return repr(s.get(key))


def differences(stored: dict | None, wanted: dict, keys: tuple[str, ...] = KEYS) -> list[tuple[str, str]]:
    """(setting, "stored -> wanted") for each of ``keys`` that differs; none when nothing is
    recorded yet."""
    if not stored:
        return []
    return [(k, f"{_show(k, stored)} -> {_show(k, wanted)}") for k in keys if stored.get(k) != wanted.get(k)]


def describe(diffs: list[tuple[str, str]]) -> str:
    return "; ".join(f"{k}: {change}" for k, change in diffs)
