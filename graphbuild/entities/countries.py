"""Countries: ISO 3166-1 alpha-3 codes from names, abbreviations and demonyms.

The table is ``data/countries.tsv`` (public ISO 3166 reference data): alpha-3, alpha-2,
common name, other names ("|"), demonyms ("|"). Lookups are case-insensitive, ignore dots
and a leading "the" ("U.S." = "US" = "the United States"), and cost one dict lookup.
Names marked "~" in the table are often something else (a US state, a language); they are
returned with ``sure=False`` and callers accept them only when the article also names the
country unambiguously.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

_NORM = re.compile(r"[.\u2019']|\s+")


class Country(NamedTuple):
    iso: str
    name: str


class Hit(NamedTuple):
    country: Country
    demonym: bool  # the text was a demonym ("Iranian"), not a name
    sure: bool  # False for names marked "~" (ambiguous)


def norm(text: str) -> str:
    """Lookup form: lowercase, no dots or apostrophes, single spaces, no leading 'the'."""
    s = " ".join(_NORM.sub(lambda m: " " if m.group().isspace() else "", text).split()).lower()
    return s[4:] if s.startswith("the ") else s


@lru_cache(maxsize=1)
def table() -> dict[str, Hit]:
    """Lookup form -> :class:`Hit`, built once from the bundled TSV."""
    text = resources.files("graphbuild").joinpath("data/countries.tsv").read_text(encoding="utf-8")
    return parse_table(text)


def parse_table(text: str) -> dict[str, Hit]:
    """Parse the countries TSV (see module docstring) into lookup form -> :class:`Hit`."""
    out: dict[str, Hit] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso, _a2, name, alts, dems = (line.split("\t") + ["", ""])[:5]
        c = Country(iso, name)
        names = [n for n in alts.split("|") if n]
        unsure = {n[1:] for n in names if n.startswith("~")}
        for n in [name, *names]:
            _put(out, n.lstrip("~"), Hit(c, False, n.lstrip("~") not in unsure))
        for d in (d for d in dems.split("|") if d):
            _put(out, d.lstrip("~"), Hit(c, True, not d.startswith("~")))
    return out


def _put(out: dict[str, Hit], text: str, hit: Hit) -> None:
    key = norm(text)
    # The first (surer, name-before-demonym) entry wins: "Dominican" stays with one country.
    if key and (key not in out or (hit.sure and not out[key].sure)):
        out[key] = hit


def lookup(text: str) -> Hit | None:
    """The country ``text`` names or is the demonym of, or None."""
    return table().get(norm(text))


@lru_cache(maxsize=1)
def _by_iso() -> dict[str, Country]:
    return {h.country.iso: h.country for h in table().values()}


def by_iso(iso: str) -> Country | None:
    """The country with alpha-3 code ``iso`` (any case), or None."""
    return _by_iso().get(iso.upper())
