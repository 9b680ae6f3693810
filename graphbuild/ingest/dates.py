"""Publication dates: parse what news data carries, normalise to ISO 8601, cut by period.

Pure functions, no I/O; every reader hooks in through :func:`published`. Accepted: ISO 8601 with or without time and zone
(``2026-12-01``, ``2026-12-01T09:30:00Z``), RFC 2822 as in RSS (``Tue, 01 Dec 2026
09:30:00 +0000``), written dates (``1 December 2026``, ``Dec 1, 2026``; a numeric
``01/02/2026`` is read month first), and epoch seconds (9 to 11 digits, UTC). A value
without a full day (``December 2026``, ``yesterday``) is not a date.

A normalised value is ``YYYY-MM-DD`` when no time was given, else ``YYYY-MM-DDTHH:MM:SS``
with the zone when one was given; its first ten characters are the article's day, the unit
every period and count is made of (the day as written at the source, not converted to UTC).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime

from dateutil import parser as _dateutil

from graphbuild.graph.model import Problem

_EPOCH = re.compile(r"^\d{9,11}(\.\d+)?$")
# two defaults that differ in every field: a field dateutil filled from the default differs
# between the two parses, so a partial value ("December 2026") is caught
_DEFAULTS = (datetime(2000, 1, 1, 0, 0, 0), datetime(2001, 2, 2, 1, 1, 1))
_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([/-])(\d{2})\2(\d{2})(?!\d)")
MIN_YEAR, MAX_YEAR = 1800, 2200


def normalize(value: object) -> str | None:
    """``value`` as an ISO 8601 string (see the module docstring), or None when it is not a
    date. Never raises."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    if not text:
        return None
    if isinstance(value, (int, float)) or _EPOCH.match(text):
        try:
            return datetime.fromtimestamp(float(text), UTC).isoformat(timespec="seconds")
        except (OverflowError, OSError, ValueError):
            return None
    try:
        a, b = (_dateutil.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        return None
    if (a.year, a.month, a.day) != (b.year, b.month, b.day) or not MIN_YEAR <= a.year <= MAX_YEAR:
        return None
    if (a.hour, a.minute) != (b.hour, b.minute):  # no time given: a date
        return a.date().isoformat()
    return a.isoformat(timespec="seconds")


def published(value: object, where: str, on_problem: Callable[[Problem], None]) -> str | None:
    """A record's publication date as read by any reader (JSONL field, CSV column, HTML
    meta tag): normalised, or None; a value that is not a date is reported to
    ``on_problem`` as a warning naming ``where`` (file:line), and the article stays undated."""
    if value is None or value == "":
        return None
    iso = normalize(value)
    if iso is None:
        on_problem(
            Problem(where, f"published {str(value)[:80]!r} is not a date; kept the article undated", skipped=False)
        )
    return iso


def day(iso: str | None) -> str | None:
    """The day (``YYYY-MM-DD``) of a normalised value, or None."""
    return iso[:10] if iso else None


def month(day_iso: str) -> str:
    """The month bucket (``YYYY-MM``) of a day."""
    return day_iso[:7]


def from_path(path: str) -> str | None:
    """The date in a ``YYYY/MM/DD`` or ``YYYY-MM-DD`` part of ``path`` (the last one when
    there are several), or None."""
    for m in reversed(list(_PATH_DATE.finditer(path.replace("\\", "/")))):
        try:
            return date(int(m.group(1)), int(m.group(3)), int(m.group(4))).isoformat()
        except ValueError:
            continue
    return None


def bound(value: str | date | None) -> str | None:
    """A period bound as a day (``YYYY-MM-DD``); raises ValueError when it is not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    iso = normalize(value)
    if iso is None:
        raise ValueError(f"not a date: {value!r}")
    return day(iso)


def in_period(day_iso: str | None, since: str | None, until: str | None) -> bool:
    """Whether a day lies in the period ``[since, until]`` (both inclusive, either open).
    With any bound set, an undated article lies in no period."""
    if since is None and until is None:
        return True
    if day_iso is None:
        return False
    return (since is None or since <= day_iso) and (until is None or day_iso <= until)
